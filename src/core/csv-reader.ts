// Reading a CSV file as the ENT exports it, or as a spreadsheet program re-saved it: bytes →
// encoding → text → separator → records, with a French message for what cannot be read. The
// CLI (src/local/csv.ts reads the file) and the sidebar's « Importer un export ENT » (the
// browser reads the file) call this same code, so one file gives the same accounts both ways.
// UTF-8 and UTF-16 decoding needs TextDecoder (browsers, Node); Apps Script has none and never
// decodes: the server receives the records (docs/DECISIONS.md, Importing the export).
import { csvMessages } from './csv-messages';

export type Delimiter = ';' | ',' | '\t';
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvTable {
  /** Every record of the file, header included, cells untrimmed; record i is source row i + 1. */
  rows: string[][];
  delimiter: Delimiter;
  encoding: Encoding;
}

/** A CSV that cannot be read, with a French message for the referent. */
export class CsvReadError extends Error {
  override name = 'CsvReadError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** Files a referent may pick instead of the CSV export, known by their first bytes. */
const NOT_CSV: readonly { magic: readonly number[]; message: () => string }[] = [
  // .xlsx and .ods are ZIP archives; .xls is an OLE2 compound file.
  { magic: [0x50, 0x4b, 0x03, 0x04], message: () => csvMessages.workbook() },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message: () => csvMessages.workbook(),
  },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], message: () => csvMessages.pdf() },
];

/**
 * Windows-1252 as the WHATWG Encoding Standard maps it (what browsers do): Latin-1 except
 * 0x80–0x9F, where the five bytes it leaves undefined stay the C1 control of the same number, so
 * no byte is lost. Not TextDecoder: Node 20.18.3 and later decode this label as Latin-1, turning
 * « ’ » (0x92), « œ » (0x9C) and « € » (0x80) into controls (nodejs/node#60888, #56542).
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const codes = Array.from(bytes.subarray(from, from + CHUNK), (b) =>
      b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** UTF-16 without a BOM: in Latin-script text, every other byte is 0. */
function utf16WithoutBom(bytes: Uint8Array): Encoding | null {
  const sample = Math.min(bytes.length & ~1, 512);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = sample / 2;
  if (oddZeros >= half * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= half * 0.9 && oddZeros === 0) return 'utf-16be';
  return null;
}

/**
 * Many control bytes (NUL included, tab and line breaks aside) in the first 4 KB: a text export
 * may hold a stray one in a name, random bytes hold one in nine.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  return controls >= 4 && controls * 50 > sample;
}

/**
 * UTF-8 with or without BOM; UTF-16 with a BOM (Excel's "Texte Unicode") or without; anything
 * else that is not valid UTF-8 is taken as Windows-1252, the encoding a French spreadsheet
 * program saves "CSV" in. A workbook, a PDF or a binary file is refused, saying what it is.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  for (const kind of NOT_CSV) {
    if (startsWith(bytes, kind.magic)) throw new CsvReadError(kind.message());
  }
  const utf16: Encoding | null = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : utf16WithoutBom(bytes);
  if (utf16) {
    let text: string;
    try {
      // TextDecoder drops the BOM itself.
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new CsvReadError(csvMessages.badUtf16());
    }
    if (text.includes('\0')) throw new CsvReadError(csvMessages.binary());
    return { text, encoding: utf16 };
  }
  if (looksBinary(bytes)) throw new CsvReadError(csvMessages.binary());
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** The separator that splits the first non-empty line into the most fields, quotes respected. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && counts.has(char as Delimiter)) {
      counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
      seenContent = true;
    } else if (char.trim() !== '') seenContent = true;
  }
  let best: Delimiter = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where the unquoted text starting at `from` ends: at the separator, a line break or the end. */
function fieldEnd(text: string, from: number, separator: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === separator || c === LF || c === CR) break;
  }
  return i;
}

/** Line breaks (CRLF, LF or CR) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/**
 * Splits CSV text into records (RFC 4180): quoted fields may hold separators, doubled quotes and
 * line breaks; a quote inside an unquoted field is kept as written, as is text after a closing
 * quote (which RecordShape reports); records may have any number of fields; a blank line is a
 * record of one empty field, so record i stays source row i + 1. Hand-written because a general
 * parser was four times too slow for a large school's export (bench/preview.bench.mjs).
 */
export function splitCsv(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  forEachCsvRecord(text, delimiter, (record) => rows.push(record.slice()));
  return rows;
}

/** Where a record lies in the file, and whether its quotes were well formed. */
export interface RecordShape {
  /** The file's line where the record starts, 1-based: a quoted line break shifts it from the row. */
  line: number;
  /** The file's line where it ends. */
  lastLine: number;
  /** The 0-based field that had text after its closing quote (`"O"Brien"`), or -1. */
  strayQuote: number;
}

/**
 * splitCsv one record at a time, so that a large file's cells need not all be held at once.
 * The record is one array refilled for each row (copy it to keep it): a new array per row would
 * be garbage interleaved with the accounts a loader keeps, which the collector then copies. The
 * shape, also one object refilled, says where the record lies and whether a quote was misplaced.
 */
export function forEachCsvRecord(
  text: string,
  delimiter: Delimiter,
  onRecord: (record: string[], shape: RecordShape) => void,
): void {
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  const row: string[] = [];
  const shape: RecordShape = { line: 1, lastLine: 1, strayQuote: -1 };
  // The next line feed and carriage return from the record's start: a quoted field that ends
  // past one spans lines. Each search starts where the last one stopped: one scan of the text.
  let nextLf = -1;
  let nextCr = -1;
  let line = 1;
  while (i < n) {
    row.length = 0;
    const recordStart = i;
    let multiline = false;
    shape.strayQuote = -1;
    if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
    if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
    const nextBreak = nextLf < nextCr ? nextLf : nextCr;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        const start = i;
        let from = i + 1;
        field = '';
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            throw new CsvReadError(
              csvMessages.unclosedQuote(line + lineBreaks(text, recordStart, start)),
            );
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field += text.slice(from, q);
          i = q + 1;
          break;
        }
        if (i > nextBreak) multiline = true;
        const end = fieldEnd(text, i, separator);
        if (end > i) {
          field += text.slice(i, end);
          if (shape.strayQuote < 0) shape.strayQuote = row.length;
        }
        i = end;
      } else {
        const end = fieldEnd(text, i, separator);
        field = text.slice(i, end);
        i = end;
      }
      row.push(field);
      if (text.charCodeAt(i) === separator) {
        i++;
        if (i < n) continue;
        row.push('');
      }
      break;
    }
    shape.line = line;
    if (multiline) line += lineBreaks(text, recordStart, i);
    shape.lastLine = line;
    const c = text.charCodeAt(i);
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    line++;
    onRecord(row, shape);
  }
}

/** Bytes → encoding → text → separator → records: what the CLI and the sidebar's import share. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  return { rows: splitCsv(text, delimiter), delimiter, encoding };
}
