// A first server function for the sidebar: what the active sheet holds, in one batch of calls.

/** Plain data: it crosses google.script.run. */
export interface SheetOverview {
  name: string;
  /** Rows below the header. */
  dataRows: number;
  columns: number;
  header: string[];
}

export function getSheetOverview(): SheetOverview {
  const sheet = SpreadsheetApp.getActiveSheet();
  const lastRow = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const header = columns > 0 ? (sheet.getRange(1, 1, 1, columns).getDisplayValues()[0] ?? []) : [];
  return { name: sheet.getName(), dataRows: Math.max(0, lastRow - 1), columns, header };
}
