// Reading a CSV file from disk for the CLI and the emulator: the file's bytes go to the core's
// reader (src/core/csv-reader.ts, which the sidebar's import also uses); only file I/O is here.
import { constants } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import {
  CsvReadError,
  decodeCsv,
  detectDelimiter,
  forEachCsvRecord,
  parseCsv as parseCsvBytes,
  type CsvTable,
  type RecordShape,
} from '../core/csv-reader';
import { fileErrorReason, unreadableReason } from './fs-errors';
import { readMessages } from './read-messages';

/**
 * The longest text V8 holds in one string (2^29 - 24 characters on 64-bit): a file of more
 * bytes may decode to more characters than that, and no reader here could split it.
 */
const MAX_CSV_BYTES = constants.MAX_STRING_LENGTH;

/** The core's reader, refusing first what Node could not hold in one string. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length > MAX_CSV_BYTES) {
    throw new CsvReadError(readMessages.tooLarge(bytes.length, MAX_CSV_BYTES));
  }
  return parseCsvBytes(bytes);
}

export function readCsvFile(path: string): CsvTable {
  return inFile(path, () => parseCsv(readBytes(path)));
}

/** Reads a CSV file record by record; returns how it was read. */
export function readCsvRecords(
  path: string,
  onRecord: (record: string[], shape: RecordShape) => void,
): Omit<CsvTable, 'rows'> {
  return inFile(path, () => {
    const { text, encoding } = decodeCsv(readBytes(path));
    const delimiter = detectDelimiter(text);
    forEachCsvRecord(text, delimiter, onRecord);
    return { delimiter, encoding };
  });
}

/** What is wrong with the file, after its name. */
function inFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CsvReadError && !(error instanceof CsvFileError)) {
      throw new CsvFileError(readMessages.inFile(path, error.message));
    }
    throw error;
  }
}

/** A CsvReadError whose message already names the file. */
class CsvFileError extends CsvReadError {}

function readBytes(path: string): Buffer {
  try {
    const stat = statSync(path);
    const refused = unreadableReason(stat);
    if (refused) throw new CsvFileError(readMessages.cannotRead(path, refused));
    if (stat.size > MAX_CSV_BYTES) {
      throw new CsvFileError(
        readMessages.inFile(path, readMessages.tooLarge(stat.size, MAX_CSV_BYTES)),
      );
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    throw new CsvFileError(readMessages.cannotRead(path, fileErrorReason(error, 'read')));
  }
}
