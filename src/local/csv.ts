// Reading a CSV file as the ENT exports it, or as a spreadsheet program re-saved it.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { fileErrorReason } from './fs-errors';

export type Delimiter = ';' | ',' | '\t';
export type Encoding = 'utf-8' | 'windows-1252';

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

/**
 * UTF-8 with or without BOM; anything that is not valid UTF-8 is taken as Windows-1252, the
 * encoding a French spreadsheet program saves "CSV" in.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
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

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Splits CSV text into records (RFC 4180): quoted fields may hold separators, doubled quotes and
 * line breaks; a quote inside an unquoted field is kept as written, as is text after a closing
 * quote; records may have any number of fields; a blank line is a record of one empty field, so
 * record i stays source row i + 1. Hand-written because a general parser was four times too
 * slow for a large school's export (bench/preview.bench.mjs).
 */
export function splitCsv(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  forEachCsvRecord(text, delimiter, (record) => rows.push(record.slice()));
  return rows;
}

/**
 * splitCsv one record at a time, so that a large file's cells need not all be held at once.
 * The record is one array refilled for each row (copy it to keep it): a new array per row would
 * be garbage interleaved with the accounts a loader keeps, which the collector then copies.
 */
export function forEachCsvRecord(
  text: string,
  delimiter: Delimiter,
  onRecord: (record: string[]) => void,
): void {
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  const row: string[] = [];
  while (i < n) {
    row.length = 0;
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
              `Le fichier n'est pas un CSV lisible (ligne ${lineOf(text, start)}) : un guillemet ouvert n'est jamais fermé.`,
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
        const end = fieldEnd(text, i, separator);
        if (end > i) field += text.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(text, i, separator);
        field = text.slice(i, end);
        i = end;
      }
      row.push(field);
      const c = text.charCodeAt(i);
      if (c === separator) {
        i++;
        if (i < n) continue;
        row.push('');
        break;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      break;
    }
    onRecord(row);
  }
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  return { rows: splitCsv(text, delimiter), delimiter, encoding };
}

export function readCsvFile(path: string): CsvTable {
  return parseCsv(readBytes(path));
}

/** Reads a CSV file record by record; returns how it was read. */
export function readCsvRecords(
  path: string,
  onRecord: (record: string[]) => void,
): Omit<CsvTable, 'rows'> {
  const { text, encoding } = decodeCsv(readBytes(path));
  const delimiter = detectDelimiter(text);
  try {
    forEachCsvRecord(text, delimiter, onRecord);
  } catch (error) {
    if (error instanceof CsvReadError) throw new CsvReadError(`« ${path} » : ${error.message}`);
    throw error;
  }
  return { delimiter, encoding };
}

function readBytes(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CsvReadError(`Impossible de lire « ${path} » : ${fileErrorReason(error, 'read')}.`);
  }
  return bytes;
}
