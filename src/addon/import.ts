// « Importer un export ENT », the server's half: the sidebar decodes the file (the server has no
// TextDecoder) and sends its records in calls; each is checked against the import begun (src/core/
// import.ts) and written to a new tab formatted as plain text first, so that Sheets keeps every
// value as written: a code or a phone number of digits keeps its leading zeros. Until the last
// row is in, the tab is named « … (import en cours) »; a failed import deletes it.
import type {
  ImportChunk,
  ImportProgress,
  ImportResult,
  ImportStart,
  ImportTicket,
  Reply,
} from '../core/contract';
import { messages } from '../core/i18n';
import { chunkProblem, importSheetName, startProblem, type ImportState } from '../core/import';
import { fail, language, localNow } from './selection';
import { ensureSize } from './spreadsheet';
import { parseStored } from './stored';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' plain text format: a string written into the cell stays that string. */
const PLAIN_TEXT = '@';
const KEY = 'publipostage.import.';

const t = () => messages(language()).importer;
const properties = () => PropertiesService.getDocumentProperties();

/** The import's tab and state, if the tab still exists under its pending name. */
function underway(
  spreadsheet: Spreadsheet,
  importId: unknown,
): { sheet: Sheet; state: ImportState } | null {
  if (typeof importId !== 'string' || !/^\d+$/.test(importId)) return null;
  const state = parseStored(properties().getProperty(KEY + importId)) as ImportState | null;
  const sheet = spreadsheet.getSheetById(Number(importId));
  if (!state || typeof state.name !== 'string' || !sheet) return null;
  return sheet.getName() === t().pendingName(state.name) ? { sheet, state } : null;
}

/** The states of imports whose tab is gone (a sidebar closed mid-import, the tab then deleted). */
function forgetLostImports(spreadsheet: Spreadsheet): void {
  const store = properties();
  for (const key of store.getKeys()) {
    if (key.startsWith(KEY) && !spreadsheet.getSheetById(Number(key.slice(KEY.length)))) {
      store.deleteProperty(key);
    }
  }
}

/** A new tab at the end, as large as the table, every cell in plain text, named as pending. */
export function beginImport(start: ImportStart): Reply<ImportTicket> {
  const problem = startProblem(start?.rows, start?.columns, t());
  if (problem) return fail(problem);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  forgetLostImports(spreadsheet);
  const taken = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const stamp = localNow(spreadsheet, 'yyyy-MM-dd HH-mm');
  const name = importSheetName(t().sheetName(stamp), taken, t());
  const sheet = spreadsheet.insertSheet(t().pendingName(name), spreadsheet.getNumSheets());
  ensureSize(sheet, start.rows, start.columns);
  // Before any value: a string written into a cell of automatic format is typed as if typed.
  sheet.getRange(1, 1, start.rows, start.columns).setNumberFormat(PLAIN_TEXT);
  const state: ImportState = { name, rows: start.rows, columns: start.columns, written: 0 };
  const importId = String(sheet.getSheetId());
  properties().setProperty(KEY + importId, JSON.stringify(state));
  return { ok: true, value: { importId, sheetName: name } };
}

/** The next rows, where the last call stopped. */
export function appendImport(chunk: ImportChunk): Reply<ImportProgress> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = underway(spreadsheet, chunk?.importId);
  if (!found) return fail(t().lost);
  const { sheet, state } = found;
  const problem = chunkProblem(chunk, state, t());
  if (problem) return fail(problem);
  sheet.getRange(chunk.start + 1, 1, chunk.rows.length, state.columns).setValues(chunk.rows);
  state.written += chunk.rows.length;
  properties().setProperty(KEY + chunk.importId, JSON.stringify(state));
  return { ok: true, value: { written: state.written, total: state.rows } };
}

/** Every row in: the tab takes its name and is shown; it becomes the sidebar's source. */
export function finishImport(importId: string): Reply<ImportResult> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = underway(spreadsheet, importId);
  if (!found) return fail(t().lost);
  const { sheet, state } = found;
  if (state.written !== state.rows) return fail(t().incomplete(state.written, state.rows));
  // A tab may have taken the name meanwhile.
  const taken = spreadsheet
    .getSheets()
    .filter((other) => other.getSheetId() !== sheet.getSheetId())
    .map((other) => other.getName());
  const name = importSheetName(state.name, taken, t());
  sheet.setName(name);
  properties().deleteProperty(KEY + importId);
  spreadsheet.setActiveSheet(sheet);
  return { ok: true, value: { sheetName: name, rows: state.rows } };
}

/** The tab of an import that failed is deleted; nothing happens if it is already gone. */
export function abortImport(importId: string): Reply<null> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = underway(spreadsheet, importId);
  if (found) {
    spreadsheet.deleteSheet(found.sheet);
    properties().deleteProperty(KEY + importId);
  }
  return { ok: true, value: null };
}
