// How Google Sheets, in a French-locale spreadsheet, types a text it receives: a cell of an
// imported CSV, or a string written by setValue(s) into a cell not formatted as plain text.
// The rules are the emulator's reading of Sheets' behaviour; docs/EMULATOR.md lists them.
import { zonedTimeToInstant } from './time';

export type CellValue = string | number | boolean | Date;

export interface TypedInput {
  value: CellValue;
  /** The number format Sheets gives the cell when it recognises a date. */
  numberFormat?: string;
  /** A leading `=` makes a formula, which the emulator stores but does not compute. */
  formula?: string;
}

export const TIME_ZONE = 'Europe/Paris';
/** What getNumberFormat answers for a cell whose format was never set ("automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
export const PLAIN_TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

const DIGITS = /^-?\d+(?:,\d+)?$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const BOOLEANS: Record<string, boolean> = { true: true, vrai: true, false: false, faux: false };

/** A French day (and optional time) as the instant it names in Europe/Paris, or null if invalid. */
export function parseFrenchDate(text: string): { date: Date; hasTime: boolean } | null {
  const match = FRENCH_DATE.exec(text);
  if (!match) return null;
  const [day, month, year, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day! || hour! > 23) return null;
  const date = zonedTimeToInstant(TIME_ZONE, year!, month!, day!, hour!, minute!, second!);
  return { date, hasTime: match[4] !== undefined };
}

/** Types one text as Sheets does on import (CSV) or on input (setValue of a string). */
export function typeInput(text: string, { formulas = true } = {}): TypedInput {
  if (text === '') return { value: '' };
  if (formulas && text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  // A leading apostrophe forces text, and is not part of the value.
  if (formulas && text.startsWith("'")) return { value: text.slice(1) };
  if (DIGITS.test(text)) return { value: Number(text.replace(',', '.')) };
  const bool = BOOLEANS[text.toLowerCase()];
  if (bool !== undefined) return { value: bool };
  const date = parseFrenchDate(text);
  if (date)
    return { value: date.date, numberFormat: date.hasTime ? DATE_TIME_FORMAT : DATE_FORMAT };
  return { value: text };
}
