// How the add-on reads the selection a sidebar request names: one getValues of the source tab,
// then the core's loading, filters and sort. Shared by the preview, the export, the e-mails and
// the letters, so every action works on the very accounts the preview showed.
import { checkDateOrder, checkFilters, loadAccounts, selectAccounts } from '../core';
import type { Reply, SelectionRequest } from '../core/contract';
import type { ColumnReport } from '../core/headers';
import { languageOf } from '../core/i18n';
import { onlyLogins } from '../core/mail/strategy';
import { messages } from '../core/messages';
import type { Account, Selection } from '../core/types';
import { sheetValues } from './spreadsheet';

export type Loaded = {
  accounts: Account[];
  columns: ColumnReport;
  warnings: string[];
  warningCount: number;
};

export const fail = (message: string) => ({ ok: false as const, error: { message } });

/** The referent's language, from their Google account's locale. */
export function language() {
  return languageOf(Session.getActiveUserLocale());
}

/** Now, in the spreadsheet's time zone, as `pattern` (Utilities.formatDate's Java pattern). */
export function localNow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  pattern: string,
): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), pattern);
}

export function readAccounts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
): Reply<Loaded> {
  const values = sheetValues(spreadsheet, sheetName);
  if (values === null) return fail(messages.sheetNotFound(sheetName));
  const result = loadAccounts(values, { timeZone: spreadsheet.getSpreadsheetTimeZone() });
  return result.ok ? { ok: true, value: result } : fail(result.error.message);
}

/**
 * The selection of a request (its filters, its sort, its `logins` restriction if any) and the
 * accounts the filters chose from: « Compter » needs both to say which filter to relax.
 */
export function readSelectionFrom(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: SelectionRequest,
): Reply<{ pool: Account[]; selection: Selection }> {
  const loaded = readAccounts(spreadsheet, request.sheetName);
  if (!loaded.ok) return loaded;
  const problem =
    checkFilters(request.filters, loaded.value.columns) ?? checkDateOrder(request.filters);
  if (problem) return fail(problem.message);
  const pool = onlyLogins(loaded.value.accounts, request.logins);
  return {
    ok: true,
    value: { pool, selection: selectAccounts(pool, request.filters, request.sort) },
  };
}

/** The selection of a request: its filters, its sort, and its `logins` restriction if any. */
export function readSelection(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: SelectionRequest,
): Reply<Selection> {
  const read = readSelectionFrom(spreadsheet, request);
  return read.ok ? { ok: true, value: read.value.selection } : read;
}
