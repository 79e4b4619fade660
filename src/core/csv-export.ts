// The selection as CSV (SPEC §3): a trace of the campaign, safe to open in a spreadsheet.
import { displayDate } from './dates';
import { profileLabel } from './present';
import type { Account } from './types';

/** The columns of the ENT console's preview list, so that the export loads back as accounts. */
export const PREVIEW_LIST_COLUMNS = [
  'Nom',
  'Prénom',
  'Profil',
  'Login',
  "Code d'activation",
  'Courriel',
  'Classe',
  'Date de création',
];

/** Shown in place of a code when codes are masked; not empty, so the account stays not activated. */
export const MASKED_CODE = '********';

/** The activation code as the preview and the export show it: empty when none, else masked unless shown. */
export function shownCode(account: Account, showCodes: boolean): string {
  if (account.activationCode === null) return '';
  return showCodes ? account.activationCode : MASKED_CODE;
}

/**
 * A cell a spreadsheet will not run: a value starting with =, +, -, @ (or a tab or carriage
 * return, which some programs skip before them) is prefixed with an apostrophe.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The value `safeCell` protected, read back (the journals, CSV and tab, are read as well as
 * written): only an apostrophe `safeCell` would have added comes off, so a value that itself
 * began with "'=" loses its apostrophe (no login or address does).
 */
export function unsafeCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A `safeCell` between double quotes, inner quotes doubled: a cell of a `;` CSV. */
export function quoteCell(value: string): string {
  return `"${safeCell(value).replace(/"/g, '""')}"`;
}

/** UTF-8 text with a BOM (for Excel), `;`, every cell quoted, CRLF; codes masked unless shown. */
export function selectionToCsv(
  accounts: readonly Account[],
  options: { showCodes: boolean },
): string {
  const lines = [PREVIEW_LIST_COLUMNS.map(quoteCell).join(';')];
  for (const account of accounts) {
    lines.push(
      [
        account.lastName,
        account.firstName,
        profileLabel(account.profile),
        account.login,
        shownCode(account, options.showCodes),
        account.email ?? '',
        account.classes.join(', '),
        account.createdAt === null ? '' : displayDate(account.createdAt),
      ]
        .map(quoteCell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
