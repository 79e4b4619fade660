// A1 notation: `B2`, `A1:C3`, whole columns `A:C`, whole rows `2:5`, optionally `'Feuille'!A1`.
import { ServiceError } from './errors';

export interface GridArea {
  sheetName?: string;
  row: number;
  column: number;
  /** null: to the last row (or column) of the sheet. */
  numRows: number | null;
  numColumns: number | null;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1Notation(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

const REF = /^([A-Za-z]*)(\d*)$/;

export function parseA1(notation: string): GridArea {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [first, second = first] = text.split(':');
  const a = REF.exec(first ?? '');
  const b = REF.exec(second ?? '');
  if (!a || !b || (a[1] === '' && a[2] === '') || (b[1] === '' && b[2] === '')) {
    throw new ServiceError('rangeNotFound', notation);
  }
  const wholeRows = a[1] === '' && b[1] === '';
  const wholeColumns = a[2] === '' && b[2] === '';
  const r1 = wholeColumns ? 1 : Number(a[2]);
  const r2 = wholeColumns ? null : Number(b[2]);
  const c1 = wholeRows ? 1 : columnNumber(a[1]!);
  const c2 = wholeRows ? null : columnNumber(b[1]!);
  const row = r2 === null ? r1 : Math.min(r1, r2);
  const column = c2 === null ? c1 : Math.min(c1, c2);
  return {
    ...(sheetName === undefined ? {} : { sheetName }),
    row,
    column,
    numRows: r2 === null ? null : Math.abs(r2 - r1) + 1,
    numColumns: c2 === null ? null : Math.abs(c2 - c1) + 1,
  };
}
