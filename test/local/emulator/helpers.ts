import { AppsScriptRuntime, type RuntimeOptions } from '../../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../../src/local/emulator/import';
import { PROJECT_MANIFEST } from '../../../src/local/emulator/manifest';

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

/**
 * Options granting scopes beyond the project's manifest: for tests of an emulated service the
 * add-on no longer calls under its own scopes (DriveApp needs `drive`).
 */
export function grantingAlso(...scopes: string[]): Partial<RuntimeOptions> {
  return {
    manifest: {
      ...PROJECT_MANIFEST,
      oauthScopes: [...(PROJECT_MANIFEST.oauthScopes ?? []), ...scopes],
    },
  };
}

export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
