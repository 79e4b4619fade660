// `--settings file.json`: the letters' and e-mails' settings off Google (SPEC §4).
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_SETTINGS, parseSettings } from '../../core/settings';
import type { Settings } from '../../core/types';
import { pdfMessages } from './messages';
import { CliUserError } from './options';
import { fileErrorReason, unreadableReason } from '../fs-errors';

const MAX_SETTINGS_BYTES = 64 * 1024;

/** UTF-8 (with or without BOM) or UTF-16 with a BOM, as a Windows editor may save it. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The settings of the file, or the defaults (visible placeholders) without one. */
export function readSettingsFile(path: string | undefined): Settings {
  if (path === undefined) return { ...DEFAULT_SETTINGS };
  let text: string;
  try {
    const stat = statSync(path);
    const refused = unreadableReason(stat);
    if (refused) throw new CliUserError(pdfMessages.settingsUnreadable(path, refused));
    // A settings file is a few hundred bytes.
    if (stat.size > MAX_SETTINGS_BYTES) {
      throw new CliUserError(
        pdfMessages.settingsUnreadable(
          path,
          pdfMessages.settingsTooLarge(stat.size, MAX_SETTINGS_BYTES),
        ),
      );
    }
    text = decodeText(readFileSync(path));
  } catch (error) {
    if (error instanceof CliUserError) throw error;
    throw new CliUserError(pdfMessages.settingsUnreadable(path, fileErrorReason(error, 'read')));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's words are English and vary; where the mistake is, they give as a position.
    const at = /position (\d+)/.exec((error as Error).message);
    const reason = pdfMessages.notJson(at ? lineAndColumn(text, Number(at[1])) : null);
    throw new CliUserError(pdfMessages.settingsUnreadable(path, reason));
  }
  const result = parseSettings(value);
  if (!result.ok) throw new CliUserError(pdfMessages.settingsInvalid(path, result.errors));
  return result.settings;
}
