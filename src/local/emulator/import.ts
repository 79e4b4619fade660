// A spreadsheet made from a CSV as Google Sheets imports it in a French-locale spreadsheet:
// each cell typed by typeInput (dd/mm/yyyy → Date, digits → number, TRUE/FAUX… → boolean).
import { basename, extname } from 'node:path';
import { typeInput } from './cell-input';
import { EmuSpreadsheet } from './spreadsheet';

export function spreadsheetFromRows(rows: string[][], name: string): EmuSpreadsheet {
  const spreadsheet = new EmuSpreadsheet(name);
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const sheet = spreadsheet.addSheet(name, 0, Math.max(1, rows.length), columns);
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      // Import never makes formulas: a cell starting with "=" stays text.
      const typed = typeInput(text, { formulas: false });
      if (typed.value === '') return;
      const cell = sheet.writable(r + 1, c + 1);
      cell.value = typed.value;
      if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
    }),
  );
  return spreadsheet;
}

/** The name Sheets gives a spreadsheet imported from a file: the file's name without extension. */
export function nameOfImport(path: string): string {
  return basename(path, extname(path));
}
