// The « Journal publipostage » tab as the campaign's journal store: one read when loaded, one
// setValues per save (a batch), never a call per recipient.
import { safeCell, unsafeCell } from '../core/csv-export';
import {
  JOURNAL_HEADER,
  entryToRow,
  journalKey,
  rowToEntry,
  type JournalEntry,
  type JournalStore,
} from '../core/mail/journal';

/** The part of a Sheet the store uses: what the emulator and a test fake must provide. */
export interface JournalSheet {
  getLastRow(): number;
  getRange(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): {
    getValues(): unknown[][];
    setValues(values: unknown[][]): unknown;
  };
}

const WIDTH = JOURNAL_HEADER.length;
// setValues reads a string as if typed: the export's apostrophe keeps "=…" text, not a formula.
// Sheets drops it; a tab that kept it (or the emulator) gives it back, taken off on reading.
const uncell = (value: unknown) => (typeof value === 'string' ? unsafeCell(value) : value);

export class SheetJournalStore implements JournalStore {
  /** Row values as on the sheet (header excluded), and the sheet row of each key. */
  private rows: unknown[][] | null = null;
  private rowOf = new Map<string, number>();

  constructor(private readonly sheet: JournalSheet) {}

  private read(): unknown[][] {
    if (this.rows) return this.rows;
    const last = this.sheet.getLastRow();
    if (last === 0) {
      this.sheet.getRange(1, 1, 1, WIDTH).setValues([[...JOURNAL_HEADER]]);
      this.rows = [];
    } else {
      this.rows = last > 1 ? this.sheet.getRange(2, 1, last - 1, WIDTH).getValues() : [];
    }
    this.rows.forEach((row, i) => {
      const entry = rowToEntry(row.map(uncell));
      if (entry) this.rowOf.set(journalKey(entry), i + 2);
    });
    return this.rows;
  }

  load(campaignId: string): JournalEntry[] {
    return this.read().flatMap((row) => {
      const entry = rowToEntry(row.map(uncell));
      return entry && entry.campaignId === campaignId ? [entry] : [];
    });
  }

  /** One setValues over the rows the entries touch, new entries appended below. */
  save(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    const rows = this.read();
    let first = Infinity;
    let last = 0;
    for (const entry of entries) {
      const key = journalKey(entry);
      let at = this.rowOf.get(key);
      if (at === undefined) {
        at = rows.length + 2;
        this.rowOf.set(key, at);
        rows.push([]);
      }
      const row: unknown[] = entryToRow(entry).map(safeCell);
      // The time as a date, shown in the spreadsheet's time zone (« 06/12/2026 22:37 »).
      const time = Date.parse(entry.time);
      if (!Number.isNaN(time)) row[1] = new Date(time);
      rows[at - 2] = row;
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    this.sheet
      .getRange(first, 1, last - first + 1, WIDTH)
      .setValues(rows.slice(first - 2, last - 1));
  }
}
