// « Importer un export ENT »: the rules the sidebar and the server share. The sidebar reads the
// file (csv-reader.ts), checks the records, cuts them into calls; the server checks each call
// against the import it began and writes it to a tab formatted as plain text.
import type { ImportChunk } from './contract';
import type { Messages } from './i18n';

type ImportMessages = Messages['importer'];

export const IMPORT_LIMITS = {
  /**
   * What the sidebar puts in one google.script.run call, in characters of JSON. Google publishes
   * no size limit for a call (docs/DECISIONS.md, Importing the export): half a million
   * characters is a school's whole export of ~2,500 accounts in one call, a large school's in a few.
   */
  chunkChars: 500_000,
  /** At most this many rows per call, so that the progress moves on a large file. */
  chunkRows: 1_000,
  /** What the server accepts in one call: twice the target, so that one long row may go alone. */
  maxChunkChars: 1_000_000,
  /** A Google Sheets cell holds at most 50,000 characters. */
  maxCellChars: 50_000,
  /** A Google Sheets spreadsheet holds at most 10 million cells. */
  maxCells: 10_000_000,
} as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

/** The records as a rectangle (a short or blank record padded with empty cells): setValues takes one. */
export function asGrid(records: readonly string[][]): { rows: string[][]; columns: number } {
  let columns = 1;
  for (const record of records) if (record.length > columns) columns = record.length;
  const rows = records.map((record) =>
    record.length === columns
      ? record
      : [...record, ...Array.from({ length: columns - record.length }, () => '')],
  );
  return { rows, columns };
}

/** Why the grid cannot become a tab, or null: empty, too many cells, a cell or a row too long. */
export function gridProblem(
  rows: readonly string[][],
  columns: number,
  t: ImportMessages,
  limits: ImportLimits = IMPORT_LIMITS,
): string | null {
  if (!rows.some((row) => row.some((cell) => cell.trim() !== ''))) return t.empty;
  if (rows.length * columns > limits.maxCells) {
    return t.tooManyCells(rows.length * columns, limits.maxCells);
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      if (row[c]!.length > limits.maxCellChars) {
        return t.cellTooLong(r + 1, c + 1, limits.maxCellChars);
      }
    }
    if (JSON.stringify(row).length > limits.maxChunkChars) return t.rowTooLarge(r + 1);
  }
  return null;
}

/** Consecutive slices of the rows, each within chunkRows and chunkChars (one row may pass alone). */
export function chunkRows(
  rows: readonly string[][],
  limits: ImportLimits = IMPORT_LIMITS,
): { start: number; rows: string[][] }[] {
  const chunks: { start: number; rows: string[][] }[] = [];
  let current: string[][] = [];
  let start = 0;
  let chars = 2;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row).length + 1;
    if (
      current.length > 0 &&
      (current.length >= limits.chunkRows || chars + size > limits.chunkChars)
    ) {
      chunks.push({ start, rows: current });
      current = [];
      start = i;
      chars = 2;
    }
    current.push(row);
    chars += size;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}

/** The new tab's name, « (2) », « (3) »… added when it, or its pending name, is taken. */
export function importSheetName(
  base: string,
  taken: readonly string[],
  t: Pick<ImportMessages, 'pendingName'>,
): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const free = (name: string) =>
    !used.has(name.toLowerCase()) && !used.has(t.pendingName(name).toLowerCase());
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base} (${n})`)) return `${base} (${n})`;
}

/** An import under way, as the server keeps it between calls. */
export interface ImportState {
  /** The name the tab takes once complete; until then it is `pendingName(name)`. */
  name: string;
  rows: number;
  columns: number;
  /** Rows written so far: the next chunk starts there. */
  written: number;
}

/** The table the sidebar announces, checked before any tab is made. */
export function startProblem(rows: unknown, columns: unknown, t: ImportMessages): string | null {
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
  if (!count(rows) || !count(columns)) return t.refused(t.why.shape);
  const cells = (rows as number) * (columns as number);
  if (cells > IMPORT_LIMITS.maxCells) return t.tooManyCells(cells, IMPORT_LIMITS.maxCells);
  return null;
}

/** Why the server refuses a chunk, or null: its shape, its size, and where its rows would go. */
export function chunkProblem(
  chunk: ImportChunk,
  state: ImportState,
  t: ImportMessages,
): string | null {
  const { start, rows } = chunk;
  if (
    !Number.isInteger(start) ||
    !Array.isArray(rows) ||
    rows.length === 0 ||
    !rows.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'))
  ) {
    return t.refused(t.why.shape);
  }
  if (JSON.stringify(rows).length > IMPORT_LIMITS.maxChunkChars) return t.refused(t.why.size);
  if (start !== state.written) return t.refused(t.why.order);
  if (start + rows.length > state.rows) return t.refused(t.why.rows);
  if (rows.some((row) => row.length !== state.columns)) return t.refused(t.why.width);
  return null;
}
