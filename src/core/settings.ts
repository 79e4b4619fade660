// The letters' and e-mails' settings (SPEC §4): defaults that show they are placeholders, the
// check that asks for confirmation before generating with them, and the reading of a settings
// JSON (`--settings file.json`) with French messages naming the bad field.
import { CONTROL_CHARACTERS, excerpt } from './printable';
import type { Settings } from './types';

/** Visible placeholders: a letter printed with them shows at once what was left to fill in. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  entName: "[Nom de l'ENT]",
  entUrl: 'https://ent.example',
  schoolName: "[Nom de l'établissement]",
  contact: '[Contact : bureau du référent ENT, courriel, téléphone]',
};

const FIELDS: Record<keyof Settings, string> = {
  entName: "nom de l'ENT",
  entUrl: "adresse de l'ENT",
  schoolName: "nom de l'établissement",
  contact: 'ligne de contact',
  senderName: "nom de l'expéditeur",
  replyTo: 'adresse de réponse',
};

/**
 * Longest text a setting may hold. The settings live in one document property, which Apps
 * Script caps at 9 kB (https://developers.google.com/apps-script/guides/services/quotas): six
 * fields of 200 characters stay under it even at JSON's worst, 6 bytes a character (`\u0001`).
 */
export const MAX_SETTING_LENGTH = 200;

/** Said of a setting still holding its placeholder, with the right article and agreement. */
const NOT_FILLED = {
  entName: "Le nom de l'ENT n'est pas renseigné",
  schoolName: "Le nom de l'établissement n'est pas renseigné",
  contact: "La ligne de contact n'est pas renseignée",
} as const;

export interface SettingsProblem {
  field: keyof Settings;
  message: string;
}

/** A host reserved for examples (RFC 2606) or left between brackets is no real address. */
function isPlaceholderUrl(url: string): boolean {
  const host = /^https?:\/\/([^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase() ?? '';
  return (
    host === '' ||
    /(^|\.)example(\.(com|net|org))?$/.test(host) ||
    /\.(invalid|test|localhost)$/.test(host) ||
    url.includes('[')
  );
}

/**
 * Fields still holding a placeholder. The address one is blocking: letters would send people
 * to a site that does not exist, so generating asks for confirmation (`blockingProblem`).
 */
export function settingsProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (isPlaceholderUrl(settings.entUrl)) {
    problems.push({
      field: 'entUrl',
      message: `L'adresse de l'ENT « ${settings.entUrl} » est un exemple : les courriers enverraient vers un site qui n'existe pas.`,
    });
  }
  for (const field of ['entName', 'schoolName', 'contact'] as const) {
    if (/^\[.*\]$/s.test(settings[field].trim())) {
      problems.push({
        field,
        message: `${NOT_FILLED[field]} (« ${settings[field]} »).`,
      });
    }
  }
  return problems;
}

/**
 * The problem that stops letters until the referent confirms (a placeholder ENT address), or
 * null: the add-on, the CLI and the sidebar's confirm step all ask this one question.
 */
export function blockingProblem(settings: Settings): SettingsProblem | null {
  return settingsProblems(settings).find((problem) => problem.field === 'entUrl') ?? null;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Reads settings from parsed JSON: missing fields keep their default, bad ones are named. */
export function parseSettings(value: unknown): SettingsResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      errors: [
        'Les réglages doivent être un objet JSON, par exemple { "entName": "…", "entUrl": "https://…" }.',
      ],
    };
  }
  const errors: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const known = Object.keys(FIELDS).join(', ');
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in FIELDS)) {
      errors.push(
        `Réglage inconnu « ${excerpt(key, 60)} » : les réglages possibles sont ${known}.`,
      );
      continue;
    }
    const name = key as keyof Settings;
    if (typeof field !== 'string') {
      errors.push(`Le réglage « ${key} » (${FIELDS[name]}) doit être du texte entre guillemets.`);
      continue;
    }
    if (field.length > MAX_SETTING_LENGTH) {
      errors.push(
        `Le réglage « ${key} » (${FIELDS[name]}) est trop long : ${field.length} caractères, ${MAX_SETTING_LENGTH} au plus.`,
      );
      continue;
    }
    // A control character would reach the letters' text and the e-mails' headers.
    if (CONTROL_CHARACTERS.test(field)) {
      errors.push(
        `Le réglage « ${key} » (${FIELDS[name]}) contient un caractère de contrôle (« ${excerpt(field, 60)} ») : retapez-le.`,
      );
      continue;
    }
    settings[name] = field.trim();
  }
  if (!/^https?:\/\/[^\s/:?#]+\.[^\s/:?#]+/i.test(settings.entUrl)) {
    errors.push(
      `Le réglage « entUrl » (${FIELDS.entUrl}) doit être une adresse web commençant par https:// (reçu : « ${excerpt(settings.entUrl, 80)} »).`,
    );
  }
  for (const field of ['entName', 'schoolName'] as const) {
    if (settings[field] === '') {
      errors.push(`Le réglage « ${field} » (${FIELDS[field]}) est vide.`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}
