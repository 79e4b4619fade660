// `publipostage pdf`: the letters of the selection as one PDF, or one per class or profile.
import { join } from 'node:path';
import { buildLetters, splitAccounts, undrawnCharacters, type SplitBy } from '../../core/letters';
import { glyphCoverage } from '../pdf/fonts';
import type { Language } from '../../core/present';
import { blockingProblem, settingsProblems } from '../../core/settings';
import type { Account, Layout, Settings } from '../../core/types';
import { writeLettersPdf } from '../pdf/render';
import { cliMessages, pdfMessages } from './messages';
import {
  checkOutputIsNotInput,
  choice,
  CliUserError,
  loadSelection,
  parseCommandLine,
  requiredValue,
  type CommandLine,
} from './options';
import { readSettingsFile } from './settings-file';
import { templatesOption } from './templates-dir';
import { customTextMisfit, type TextSources } from '../../core/texts';
import type { CliIo } from './run';
import { makeOutputDirectory, writeThroughTemporary } from '../output-file';

const OPTIONS = {
  '--layout': 'value',
  '--out': 'value',
  '--split-by': 'value',
  '--out-dir': 'value',
  '--settings': 'value',
  '--language': 'value',
  '--yes': 'boolean',
  '--templates': 'value',
} as const;

function layoutOf(line: CommandLine): Layout {
  const value = requiredValue(line, '--layout', 'pdf');
  if (value !== '1' && value !== '2' && value !== '8')
    throw new CliUserError(pdfMessages.badLayout(value));
  return Number(value) as Layout;
}

/** Writes beside the target then renames, so a failure never leaves half a PDF. */
async function writePdf(
  accounts: readonly Account[],
  settings: Settings,
  layout: Layout,
  language: Language,
  texts: TextSources,
  path: string,
  title: string,
  io: CliIo,
): Promise<void> {
  const letters = buildLetters(accounts, settings, layout, { language, texts });
  const undrawn = undrawnCharacters(letters, glyphCoverage());
  if (undrawn.length > 0)
    io.stderr(`${cliMessages.warning(pdfMessages.undrawable(path, undrawn))}\n`);
  let bytes = 0;
  await writeThroughTemporary(path, async (temporary) => {
    bytes = await writeLettersPdf(letters, temporary, { title });
  });
  io.stdout(`${pdfMessages.written(accounts.length, letters.pages.length, path, bytes)}\n`);
}

export async function runPdf(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('pdf', args, OPTIONS);
  const layout = layoutOf(line);
  const splitBy = choice<SplitBy>(line.options, '--split-by', ['class', 'profile']);
  const language = choice<Language>(line.options, '--language', ['fr', 'en']) ?? 'fr';
  let out: string | undefined;
  let outDir: string | undefined;
  if (splitBy) {
    if (line.options['--out'] !== undefined) throw new CliUserError(pdfMessages.outOrOutDir());
    outDir = requiredValue(line, '--out-dir', 'pdf');
  } else {
    if (line.options['--out-dir'] !== undefined)
      throw new CliUserError(pdfMessages.outDirWithoutSplit());
    out = requiredValue(line, '--out', 'pdf');
    checkOutputIsNotInput(out, line.file);
  }
  const settings = readSettingsFile(line.options['--settings'] as string | undefined);
  const blocking = blockingProblem(settings);
  if (blocking && line.options['--yes'] !== true) {
    throw new CliUserError(pdfMessages.placeholderAddress(blocking.message));
  }
  for (const problem of settingsProblems(settings))
    io.stderr(`${cliMessages.warning(problem.message)}\n`);

  const texts = templatesOption(line.options['--templates'] as string | undefined, language, io);

  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
  if (selection.accounts.length === 0) throw new CliUserError(pdfMessages.nothingSelected());
  // A text of the folder too long for the selection's fullest account stops before any PDF.
  const misfit = customTextMisfit(selection.accounts, settings, layout, language, texts);
  if (misfit) throw new CliUserError(misfit.message);

  if (out !== undefined) {
    await writePdf(
      selection.accounts,
      settings,
      layout,
      language,
      texts,
      out,
      settings.schoolName,
      io,
    );
    return 0;
  }
  makeOutputDirectory(outDir!);
  for (const group of splitAccounts(selection.accounts, splitBy!, language)) {
    const path = join(outDir!, `${group.fileName}.pdf`);
    checkOutputIsNotInput(path, line.file);
    await writePdf(group.accounts, settings, layout, language, texts, path, group.label, io);
  }
  return 0;
}
