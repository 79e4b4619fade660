// What the page shows, read from the stores without going through the membrane (so uncounted).
import type { EmuPermission } from './drive';
import { displayValue } from './format';
import type { MailFaults, SentMessage } from './gmail';
import type { AppsScriptRuntime } from './runtime';

export interface SheetView {
  name: string;
  index: number;
  active: boolean;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Display values of the used area (at least one cell), row by row. */
  values: string[][];
  backgrounds: string[][];
  bold: boolean[][];
  /** Numbers and dates, which Sheets aligns right. */
  numeric: boolean[][];
  notes: string[][];
  filter: string | null;
}

export interface EmulatorView {
  version: number;
  spreadsheet: { name: string; sheets: SheetView[] };
  menus: AppsScriptRuntime['stores']['ui']['menus'];
  sidebar: { title: string; version: number } | null;
  dialogs: AppsScriptRuntime['stores']['ui']['dialogs'];
  pendingAnswers: AppsScriptRuntime['stores']['ui']['answers'];
  toasts: Array<{ message: string; title: string }>;
  files: Array<{
    id: string;
    name: string;
    mimeType: string;
    size: number;
    folder: string;
    created: string;
    /** Who the file is shared with, its owner aside (Drive.Permissions). */
    permissions: EmuPermission[];
  }>;
  /** Sent messages without their .eml text (GET /emulator/messages/<id>.eml gives it). */
  messages: Array<Omit<SentMessage, 'eml'>>;
  mail: {
    remainingQuota: number;
    sentToday: number;
    faultsInjected: number;
    faults: MailFaults;
  };
  triggers: AppsScriptRuntime['stores']['triggers']['triggers'];
  logs: AppsScriptRuntime['stores']['logs'];
  counters: Record<string, number>;
  code: { sha256: string; path: string };
}

/** The sheets of the page's spreadsheet, or of another one the script made (Drive.Files.create). */
export function sheetViews(
  runtime: AppsScriptRuntime,
  spreadsheet = runtime.stores.spreadsheet,
): SheetView[] {
  const active = spreadsheet.activeSheet ?? spreadsheet.sheets[0];
  return spreadsheet.sheets.map((sheet, index) => {
    const rows = Math.max(1, sheet.getLastRow(), sheet.frozenRows);
    const columns = Math.max(1, sheet.getLastColumn());
    const grid = <T>(read: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => read(r + 1, c + 1)),
      );
    return {
      name: sheet.name,
      index,
      active: sheet === active,
      hidden: sheet.hidden,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      values: grid((r, c) => {
        const cell = sheet.cell(r, c);
        return displayValue(cell.value, cell.numberFormat);
      }),
      backgrounds: grid((r, c) => sheet.cell(r, c).background),
      bold: grid((r, c) => sheet.cell(r, c).fontWeight === 'bold'),
      numeric: grid((r, c) => {
        const value = sheet.cell(r, c).value;
        return typeof value === 'number' || value instanceof Date;
      }),
      notes: grid((r, c) => sheet.cell(r, c).note),
      filter: sheet.filter ? sheet.filter.range.getA1Notation() : null,
    };
  });
}
