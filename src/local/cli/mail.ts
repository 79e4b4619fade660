// `publipostage mail`: the e-mail campaign on an outbox directory (SPEC §3, §5).
import { readFileSync } from 'node:fs';
import type { Language } from '../../core/present';
import type { Settings } from '../../core/types';
import { OutboxError, runOutboxCampaign } from '../mail/outbox';
import { mailSummary } from '../mail/summary';
import { cliMessages } from './messages';
import { CliUserError, loadSelection, parseCommandLine, requiredValue } from './options';
import type { CliIo } from './run';

const OPTIONS = {
  '--outbox': 'value',
  '--settings': 'value',
  '--quota': 'value',
  '--language': 'value',
  '--campaign': 'value',
} as const;

/** Placeholders that show at once what was left to fill in (as the letters' defaults). */
const DEFAULT_SETTINGS: Settings = {
  entName: "[Nom de l'ENT]",
  entUrl: 'https://ent.example',
  schoolName: "[Nom de l'établissement]",
  contact: '[Contact : bureau du référent ENT, courriel, téléphone]',
};
const SETTING_NAMES = ['entName', 'entUrl', 'schoolName', 'contact', 'senderName', 'replyTo'];

/**
 * A minimal reader of `--settings`: known fields, text only. The letters' settings module owns
 * the full validation; this one is swapped for it once both are on main.
 */
export function readSettings(path: string | undefined): Settings {
  if (path === undefined) return { ...DEFAULT_SETTINGS };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliUserError(
      `Impossible de lire les réglages « ${path} » : ${(error as Error).message}.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliUserError(`Les réglages « ${path} » doivent être un objet JSON.`);
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const [key, field] of Object.entries(value)) {
    if (!SETTING_NAMES.includes(key)) {
      throw new CliUserError(
        `Réglage inconnu « ${key} » dans « ${path} » : les réglages possibles sont ${SETTING_NAMES.join(', ')}.`,
      );
    }
    if (typeof field !== 'string') {
      throw new CliUserError(`Le réglage « ${key} » de « ${path} » doit être du texte.`);
    }
    (settings as unknown as Record<string, string>)[key] = field.trim();
  }
  return settings;
}

function quotaOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new CliUserError(
      `Valeur « ${value} » invalide pour « --quota » : attendu un nombre de messages, par exemple 100.`,
    );
  }
  return Number(value);
}

export async function runMail(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('mail', args, OPTIONS);
  const outbox = requiredValue(line, '--outbox', 'mail');
  const language = (line.options['--language'] as string | undefined) ?? 'fr';
  if (language !== 'fr' && language !== 'en') {
    throw new CliUserError(cliMessages.badChoice('--language', language, ['fr', 'en']));
  }
  const quota = quotaOf(line.options['--quota'] as string | undefined);
  const settings = readSettings(line.options['--settings'] as string | undefined);
  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
  if (line.options['--settings'] === undefined) {
    io.stderr(
      `${cliMessages.warning("pas de --settings : les messages portent des réglages d'exemple (nom et adresse de l'ENT, établissement).")}\n`,
    );
  }
  try {
    const result = runOutboxCampaign({
      accounts: selection.accounts,
      outbox,
      settings,
      language: language as Language,
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
