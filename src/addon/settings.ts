// The letters' and e-mails' settings, kept in the document's properties: they belong to the
// school's spreadsheet, so every referent who opens it finds them.
import type { Reply, SettingsView } from '../core/contract';
import {
  DEFAULT_SETTINGS,
  blockingProblem,
  parseSettings,
  settingsProblems,
} from '../core/settings';
import type { Settings } from '../core/types';
import { parseStored } from './stored';

const KEY = 'publipostage.settings';

/** The saved settings; defaults (visible placeholders) until the referent saves some. */
export function readSettings(): Settings {
  const saved = parseStored(PropertiesService.getDocumentProperties().getProperty(KEY));
  if (saved === null) return { ...DEFAULT_SETTINGS };
  const parsed = parseSettings(saved);
  return parsed.ok ? parsed.settings : { ...DEFAULT_SETTINGS };
}

function view(settings: Settings): SettingsView {
  return { settings, problems: settingsProblems(settings), blocking: blockingProblem(settings) };
}

export function getSettings(): Reply<SettingsView> {
  return { ok: true, value: view(readSettings()) };
}

export function saveSettings(settings: Settings): Reply<SettingsView> {
  const parsed = parseSettings(settings);
  if (!parsed.ok) return { ok: false, error: { message: parsed.errors.join(' ') } };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(parsed.settings));
  return { ok: true, value: view(parsed.settings) };
}
