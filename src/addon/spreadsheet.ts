// Thin adapters over SpreadsheetApp: read a tab's values, write a grid. No domain decision here.
import { asTypedText, type SheetGrid } from '../core/preview-tab';
import type { SheetHead } from '../core/source';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows read from each tab to tell whether it is an export (the header may sit below a title). */
const HEAD_ROWS = 5;

export function sheetHeads(spreadsheet: Spreadsheet): SheetHead[] {
  return spreadsheet.getSheets().map((sheet) => {
    const rows = Math.min(HEAD_ROWS, Math.max(1, sheet.getLastRow()));
    const columns = Math.max(1, sheet.getLastColumn());
    return {
      name: sheet.getName(),
      head: sheet.getRange(1, 1, rows, columns).getValues(),
      hidden: sheet.isSheetHidden(),
    };
  });
}

/** Every value of a tab in one call: the add-on's only read of the accounts. */
export function sheetValues(spreadsheet: Spreadsheet, name: string): unknown[][] | null {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Writes a grid onto its tab, created or cleared (clearing keeps the tab's id, so a link the
 * referent shared still opens it). A constant number of calls, whatever the number of rows.
 */
export function writeGrid(spreadsheet: Spreadsheet, grid: SheetGrid): { replaced: boolean } {
  const existing = spreadsheet.getSheetByName(grid.name);
  const sheet = existing ?? spreadsheet.insertSheet(grid.name);
  if (existing) {
    existing.getFilter()?.remove();
    existing.clear();
  }
  const rows = grid.values.length;
  const columns = grid.values[0]?.length ?? 1;
  ensureSize(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(asTypedText(grid.values));
  range.setBackgrounds(grid.backgrounds);
  range.setFontWeights(grid.fontWeights);
  sheet.setFrozenRows(grid.frozenRows);
  sheet.getRange(grid.table.row, 1, grid.table.rows, grid.table.columns).createFilter();
  grid.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  spreadsheet.setActiveSheet(sheet);
  return { replaced: existing !== null };
}
