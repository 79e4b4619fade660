// `--settings file.json`: the letters' and e-mails' settings off Google (SPEC §4).
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, parseSettings } from '../../core/settings';
import type { Settings } from '../../core/types';
import { pdfMessages } from './messages';
import { CliUserError } from './options';
import { fileErrorReason } from '../fs-errors';

/** The settings of the file, or the defaults (visible placeholders) without one. */
export function readSettingsFile(path: string | undefined): Settings {
  if (path === undefined) return { ...DEFAULT_SETTINGS };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `ce n'est pas du JSON valide (${error.message})`
        : fileErrorReason(error, 'read');
    throw new CliUserError(pdfMessages.settingsUnreadable(path, reason));
  }
  const result = parseSettings(value);
  if (!result.ok) throw new CliUserError(pdfMessages.settingsInvalid(path, result.errors));
  return result.settings;
}
