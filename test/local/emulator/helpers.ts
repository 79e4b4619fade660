import { AppsScriptRuntime, type RuntimeOptions } from '../../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../../src/local/emulator/import';

/** A runtime running a small script (plain JavaScript, as the bundle is) on a small sheet. */
export function runScript(
  code: string,
  rows: string[][] = [
    ['Nom', 'Code'],
    ['ABEL', '0693359019'],
  ],
  extra: Partial<RuntimeOptions> = {},
) {
  return new AppsScriptRuntime({
    code,
    spreadsheet: spreadsheetFromRows(rows, 'Comptes'),
    addonName: 'Publipostage ENT',
    ...extra,
  });
}
