// How the add-on reads the selection the sidebar asks for: the tab's values in one call, then
// the core's loading, filter check and sort. Shared by the preview, the export and the letters.
import { checkFilters, loadAccounts, selectAccounts } from '../core';
import type { Reply, SelectionRequest } from '../core/contract';
import type { ColumnReport } from '../core/headers';
import { languageOf } from '../core/i18n';
import { messages } from '../core/messages';
import type { Account, Selection } from '../core/types';
import { sheetValues } from './spreadsheet';

type Loaded = { accounts: Account[]; columns: ColumnReport; warnings: string[] };

export const fail = (message: string) => ({ ok: false as const, error: { message } });

export function language() {
  return languageOf(Session.getActiveUserLocale());
}

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

export function select(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: SelectionRequest,
): Reply<Selection> {
  const loaded = readAccounts(spreadsheet, request.sheetName);
  if (!loaded.ok) return loaded;
  const problem = checkFilters(request.filters, loaded.value.columns);
  if (problem) return fail(problem.message);
  return { ok: true, value: selectAccounts(loaded.value.accounts, request.filters, request.sort) };
}
