// `publipostage export`: the selection as a CSV file, a trace of the campaign (SPEC §3).
import { renameSync, writeFileSync } from 'node:fs';
import { selectionToCsv } from '../../core';
import { cliMessages } from './messages';
import {
  checkOutputIsNotInput,
  CliUserError,
  loadSelection,
  parseCommandLine,
  requiredValue,
} from './options';
import type { CliIo } from './run';
import { fileErrorReason } from '../fs-errors';

const OPTIONS = { '--out': 'value', '--show-codes': 'boolean' } as const;

export async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('export', args, OPTIONS);
  const out = requiredValue(line, '--out', 'export');
  checkOutputIsNotInput(out, line.file);
  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
  const showCodes = line.options['--show-codes'] === true;
  writeAtomically(out, selectionToCsv(selection.accounts, { showCodes }));
  io.stdout(`${cliMessages.exported(selection.accounts.length, out, showCodes)}\n`);
  return 0;
}

/** Writes beside the target then renames, so a failure never leaves half a file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    throw new CliUserError(cliMessages.cannotWrite(path, fileErrorReason(error, 'write')));
  }
}
