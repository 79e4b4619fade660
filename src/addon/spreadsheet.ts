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
 * The grid's tab, created or cleared (clearing keeps the tab's id, so a link the referent shared
 * still opens it), as large as the grid.
 */
export function gridSheet(
  spreadsheet: Spreadsheet,
  grid: SheetGrid,
): { sheet: Sheet; replaced: boolean } {
  const existing = spreadsheet.getSheetByName(grid.name);
  const sheet = existing ?? spreadsheet.insertSheet(grid.name);
  if (existing) {
    existing.getFilter()?.remove();
    existing.clear();
  }
  ensureSize(sheet, grid.values.length, grid.values[0]?.length ?? 1);
  return { sheet, replaced: existing !== null };
}

/** The grid's rows `from` to `to` (excluded), in three calls whatever their number. */
export function writeGridRows(sheet: Sheet, grid: SheetGrid, from: number, to: number): void {
  const range = sheet.getRange(from + 1, 1, to - from, grid.values[0]?.length ?? 1);
  range.setValues(asTypedText(grid.values.slice(from, to)));
  range.setBackgrounds(grid.backgrounds.slice(from, to));
  range.setFontWeights(grid.fontWeights.slice(from, to));
}

/** Once every row is in: the header frozen, the table's filter, the widths; the tab shown. */
export function finishGridSheet(spreadsheet: Spreadsheet, sheet: Sheet, grid: SheetGrid): void {
  sheet.setFrozenRows(grid.frozenRows);
  sheet.getRange(grid.table.row, 1, grid.table.rows, grid.table.columns).createFilter();
  grid.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  spreadsheet.setActiveSheet(sheet);
}

/** Writes a grid onto its tab in one go; a constant number of calls, whatever the number of rows. */
export function writeGrid(spreadsheet: Spreadsheet, grid: SheetGrid): { replaced: boolean } {
  const { sheet, replaced } = gridSheet(spreadsheet, grid);
  writeGridRows(sheet, grid, 0, grid.values.length);
  finishGridSheet(spreadsheet, sheet, grid);
  return { replaced };
}
