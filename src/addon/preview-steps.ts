// The preview and the export in steps the sidebar can show (issue 16): first a count (and, when
// nothing is selected, how to widen it), then the preview tab written a chunk of rows per call.
// Each call reads the source again (one getValues): google.script.run keeps nothing between
// calls, and the tab itself holds what was written.
import type { PreviewProgress, Reply, SelectionPlan, SelectionRequest } from '../core/contract';
import { messages } from '../core/i18n';
import { buildPreviewTab } from '../core/preview-tab';
import { selectionFingerprint } from '../core/selection';
import { relaxOptions } from '../core/widen';
import { fail, language, localNow, readSelection, readSelectionFrom } from './selection';
import { finishGridSheet, gridSheet, writeGridRows } from './spreadsheet';

/**
 * Rows written by one call. About two seconds of setValues and setBackgrounds in Sheets, plus
 * the source's read: a 3,000-account school shows three steps, each far below six minutes.
 */
export const PREVIEW_CHUNK = 1000;

/** « Compter »: the selection's size without writing anything; the filters to relax if none. */
export function planSelection(request: SelectionRequest): Reply<SelectionPlan> {
  const read = readSelectionFrom(SpreadsheetApp.getActiveSpreadsheet(), request);
  if (!read.ok) return read;
  const { pool, selection } = read.value;
  const total = selection.accounts.length;
  return {
    ok: true,
    value: {
      total,
      accountCount: pool.length,
      relax: total === 0 ? relaxOptions(pool, request.filters) : [],
    },
  };
}

/** One step of « Lancer le prétraitement »: rows `from` to `from + PREVIEW_CHUNK` of the tab. */
export function writePreviewRows(
  request: SelectionRequest,
  from: number,
  fingerprint: string | null,
): Reply<PreviewProgress> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = readSelection(spreadsheet, request);
  if (!selection.ok) return selection;
  const { accounts, summary } = selection.value;
  const print = selectionFingerprint(accounts);
  const changed = fail(messages(language()).steps.previewChanged);
  if (fingerprint !== null && fingerprint !== print) return changed;
  if (!Number.isInteger(from) || from < 0 || from > accounts.length) return changed;
  const grid = buildPreviewTab(accounts, summary, {
    filters: request.filters,
    showCodes: request.showCodes,
    language: language(),
    generatedAt: localNow(spreadsheet, "yyyy-MM-dd'T'HH:mm"),
  });
  // Rows above the accounts: the counts, the filters, the legend and the table's header.
  const head = grid.table.row;
  let replaced: boolean | undefined;
  let sheet = spreadsheet.getSheetByName(grid.name);
  if (from === 0) {
    ({ sheet, replaced } = gridSheet(spreadsheet, grid));
    writeGridRows(sheet, grid, 0, head);
  } else if (!sheet) return changed;
  const end = Math.min(accounts.length, from + PREVIEW_CHUNK);
  if (end > from) writeGridRows(sheet, grid, head + from, head + end);
  const done = end === accounts.length;
  if (done) finishGridSheet(spreadsheet, sheet, grid);
  return {
    ok: true,
    value: {
      written: end,
      total: accounts.length,
      fingerprint: print,
      done,
      tabName: grid.name,
      summary,
      replaced,
    },
  };
}
