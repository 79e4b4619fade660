// `publipostage mail`: the e-mail campaign on an outbox directory (SPEC §3, §5).
import type { Language } from '../../core/present';
import { settingsProblems } from '../../core/settings';
import { OutboxError, runOutboxCampaign } from '../mail/outbox';
import { mailSummary } from '../mail/summary';
import { cliMessages } from './messages';
import { choice, CliUserError, loadSelection, parseCommandLine, requiredValue } from './options';
import type { CliIo } from './run';
import { readSettingsFile } from './settings-file';
import { templatesOption } from './templates-dir';

const OPTIONS = {
  '--outbox': 'value',
  '--settings': 'value',
  '--quota': 'value',
  '--language': 'value',
  '--campaign': 'value',
  '--templates': 'value',
} as const;

function quotaOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new CliUserError(
      `Valeur « ${value} » invalide pour « --quota » : attendu un nombre de messages, par exemple 100.`,
    );
  }
  return Number(value);
}

export async function runMail(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('mail', args, OPTIONS);
  const outbox = requiredValue(line, '--outbox', 'mail');
  const language = choice<Language>(line.options, '--language', ['fr', 'en']) ?? 'fr';
  const quota = quotaOf(line.options['--quota'] as string | undefined);
  const settings = readSettingsFile(line.options['--settings'] as string | undefined);
  // The same warnings as `pdf`: a file may still hold placeholders, and no file means all of them.
  for (const problem of settingsProblems(settings)) {
    io.stderr(`${cliMessages.warning(problem.message)}\n`);
  }
  const texts = templatesOption(line.options['--templates'] as string | undefined, language, io);
  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
  try {
    const result = runOutboxCampaign({
      accounts: selection.accounts,
      outbox,
      settings,
      language,
      texts,
      now: () => Date.now(),
      quota,
      campaignId: line.options['--campaign'] as string | undefined,
    });
    io.stdout(mailSummary(result, outbox));
  } catch (error) {
    if (error instanceof OutboxError) throw new CliUserError(error.message);
    throw error;
  }
  return 0;
}
