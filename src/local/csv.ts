// Reading a CSV file as the ENT exports it, or as a spreadsheet program re-saved it.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

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

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  try {
    const rows: string[][] = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return { rows, delimiter, encoding };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = line ? ` (ligne ${line})` : '';
    throw new CsvReadError(
      `Le fichier n'est pas un CSV lisible${where} : ${(error as Error).message}`,
    );
  }
}

export function readCsvFile(path: string): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'fichier introuvable'
        : code === 'EISDIR'
          ? "c'est un dossier"
          : code === 'EACCES'
            ? 'lecture non autorisée'
            : (error as Error).message;
    throw new CsvReadError(`Impossible de lire « ${path} » : ${reason}.`);
  }
  return parseCsv(bytes);
}
