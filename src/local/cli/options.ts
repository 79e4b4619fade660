// The options every command shares: the account file, the filters and the sort (SPEC §3).
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AccountLoader,
  checkFilters,
  checkFilterValues,
  parseIsoDay,
  profileFromUserText,
  selectAccounts,
  SORT_KEYS,
  type Account,
  type ColumnReport,
  type Filters,
  type Selection,
  type SortKey,
} from '../../core';
import { CsvReadError } from '../../core/csv-reader';
import { readCsvRecords } from '../csv';
import { cliMessages } from './messages';

/** A mistake on the command line or in the input: exit status 2, message shown as is. */
export class CliUserError extends Error {
  override name = 'CliUserError';
}

/** boolean: a flag; value: once, with a value; repeat: any number of times, with a value. */
export type OptionKind = 'boolean' | 'value' | 'repeat';
export type OptionSpec = Record<string, OptionKind>;

export const FILTER_OPTIONS: OptionSpec = {
  '--profile': 'repeat',
  '--level': 'repeat',
  '--class': 'repeat',
  '--activation': 'value',
  '--email': 'value',
  '--local-admins': 'boolean',
  '--created-after': 'value',
  '--created-before': 'value',
  '--blocked': 'value',
  '--sort': 'value',
};

/** The filters as the command line names them, for the messages. */
const FILTER_OPTION_NAMES = {
  profiles: '--profile',
  levels: '--level',
  classes: '--class',
  createdAfter: '--created-after',
  createdBefore: '--created-before',
} as const;

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

export interface CommandLine {
  file: string;
  filters: Filters;
  sort: SortKey;
  /** Every option given, by its name with the dashes ("--out"). */
  options: OptionValues;
}

/**
 * Parses `<file> [filters] [--sort …]` plus the command's own options; `--name value` and
 * `--name=value` both work. Throws CliUserError on anything it does not know.
 */
export function parseCommandLine(
  command: string,
  args: readonly string[],
  extra: OptionSpec = {},
): CommandLine {
  const spec: OptionSpec = { ...FILTER_OPTIONS, ...extra };
  const options: OptionValues = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    const kind = spec[name];
    if (!kind) throw new CliUserError(cliMessages.unknownOption(name, command, Object.keys(spec)));
    if (kind === 'boolean') {
      if (equals >= 0) throw new CliUserError(cliMessages.noValueExpected(name));
      options[name] = true;
      continue;
    }
    let value: string;
    if (equals >= 0) value = arg.slice(equals + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new CliUserError(cliMessages.missingValue(name));
      }
      value = next;
      i++;
    }
    if (kind === 'repeat') {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(value);
      options[name] = list;
    } else {
      if (options[name] !== undefined) throw new CliUserError(cliMessages.repeated(name));
      options[name] = value;
    }
  }
  if (files.length === 0) throw new CliUserError(cliMessages.missingFile(command));
  if (files.length > 1) throw new CliUserError(cliMessages.tooManyFiles(files));
  return {
    file: files[0]!,
    filters: filtersOf(options),
    sort: choice(options, '--sort', SORT_KEYS) ?? 'alpha',
    options,
  };
}

/** An option's value among `choices` (undefined when absent), or the French refusal naming them. */
export function choice<T extends string>(
  options: OptionValues,
  name: string,
  choices: readonly T[],
): T | undefined {
  const value = options[name] as string | undefined;
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliUserError(cliMessages.badChoice(name, value, choices));
  }
  return value as T;
}

function day(options: OptionValues, name: string): string | undefined {
  const value = options[name] as string | undefined;
  if (value === undefined) return undefined;
  const parsed = parseIsoDay(value);
  if (!parsed) throw new CliUserError(cliMessages.badDate(name, value));
  return parsed;
}

function filtersOf(options: OptionValues): Filters {
  const filters: Filters = {};
  const list = (name: string) => options[name] as string[] | undefined;
  if (list('--profile')) filters.profiles = list('--profile')!.map(profileFromUserText);
  if (list('--level')) filters.levels = list('--level');
  if (list('--class')) filters.classes = list('--class');
  const activation = choice(options, '--activation', ['all', 'activated', 'not-activated']);
  if (activation) filters.activation = activation;
  const email = choice(options, '--email', ['all', 'with', 'without']);
  if (email) filters.email = email;
  if (options['--local-admins']) filters.localAdmins = true;
  const after = day(options, '--created-after');
  if (after) filters.createdAfter = after;
  const before = day(options, '--created-before');
  if (before) filters.createdBefore = before;
  const blocked = choice(options, '--blocked', ['all', 'blocked', 'not-blocked']);
  if (blocked) filters.blocked = blocked;
  return filters;
}

export interface LoadedSelection {
  selection: Selection;
  /** Every account of the file, before the filters. */
  all: Account[];
  columns: ColumnReport;
  warnings: string[];
}

/**
 * Reads the account file and runs the prétraitement; what the pdf, mail and export commands
 * start from. Throws CliUserError for an unreadable file, missing columns or an unavailable filter.
 */
export function loadSelection(file: string, filters: Filters, sort: SortKey): LoadedSelection {
  // Record by record: a large school's cells are not all held at once.
  const loader = new AccountLoader();
  try {
    readCsvRecords(file, (record, shape) => loader.add(record, shape));
  } catch (error) {
    if (error instanceof CsvReadError) throw new CliUserError(error.message);
    throw error;
  }
  const loaded = loader.finish();
  if (!loaded.ok) throw new CliUserError(`${file} : ${loaded.error.message}`);
  const unavailable = checkFilters(filters, loaded.columns);
  if (unavailable) throw new CliUserError(`${file} : ${unavailable.message}`);
  const unknown = checkFilterValues(filters, loaded.accounts, FILTER_OPTION_NAMES);
  if (unknown) throw new CliUserError(`${file} : ${unknown.message}`);
  return {
    selection: selectAccounts(loaded.accounts, filters, sort),
    all: loaded.accounts,
    columns: loaded.columns,
    warnings: loaded.warnings,
  };
}

/** Refuses an output path that is the input file: bad input must never lose data. */
export function checkOutputIsNotInput(output: string, input: string): void {
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));
  if (real(output) === real(input)) throw new CliUserError(cliMessages.inPlace(output));
}

/** The value of a required `value` option. */
export function requiredValue(line: CommandLine, name: string, command: string): string {
  const value = line.options[name];
  if (typeof value !== 'string' || value === '') {
    throw new CliUserError(cliMessages.missingOption(name, command));
  }
  return value;
}
