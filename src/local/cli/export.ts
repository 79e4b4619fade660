// `publipostage export`: the selection as a CSV file, a trace of the campaign (SPEC §3).
import { writeFileSync } from 'node:fs';
import { selectionToCsv } from '../../core';
import { cliMessages } from './messages';
import { checkOutputIsNotInput, loadSelection, parseCommandLine, requiredValue } from './options';
import type { CliIo } from './run';
import { writeThroughTemporary } from '../output-file';

const OPTIONS = { '--out': 'value', '--show-codes': 'boolean' } as const;

export async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('export', args, OPTIONS);
  const out = requiredValue(line, '--out', 'export');
  checkOutputIsNotInput(out, line.file);
  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
  const showCodes = line.options['--show-codes'] === true;
  const text = selectionToCsv(selection.accounts, { showCodes });
  await writeThroughTemporary(out, (temporary) => writeFileSync(temporary, text, 'utf8'));
  io.stdout(`${cliMessages.exported(selection.accounts.length, out, showCodes)}\n`);
  return 0;
}
