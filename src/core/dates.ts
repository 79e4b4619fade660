// Calendar days of the export: Sheets' Date objects, French text dates, epoch milliseconds.
import type { IsoDate } from './types';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** A Date from any realm (Apps Script, node:vm): `instanceof Date` fails across realms. */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day of an instant in a time zone. Sheets gives a date cell as midnight in the
 * spreadsheet's zone, which is the previous day in UTC: the UTC day would be wrong.
 */
export function calendarDay(date: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const parts = formatter(timeZone).formatToParts(new Date(time));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

const TIME = String.raw`(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');

function isoDay(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export type DateCell = { day: IsoDate } | { day: null; invalid: boolean };

/**
 * createdAt of a cell (SPEC §1): a Date; `dd/mm/yyyy`, `dd-mm-yyyy` (day first, the French
 * convention) or `yyyy-mm-dd`, optionally followed by a time, whose written day is taken; or
 * epoch milliseconds. Empty is no date; anything else is invalid.
 */
export function parseDateCell(value: unknown, timeZone: string = DEFAULT_TIME_ZONE): DateCell {
  if (value === null || value === undefined) return { day: null, invalid: false };
  if (isDateObject(value)) {
    const day = calendarDay(value, timeZone);
    return day ? { day } : { day: null, invalid: true };
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return { day: null, invalid: true };
    const day = calendarDay(new Date(value), timeZone);
    return day ? { day } : { day: null, invalid: true };
  }
  const text = String(value).trim();
  if (text === '') return { day: null, invalid: false };
  let match = DAY_FIRST.exec(text);
  if (match) {
    const day = isoDay(Number(match[4]), Number(match[3]), Number(match[1]));
    return day ? { day } : { day: null, invalid: true };
  }
  match = YEAR_FIRST.exec(text);
  if (match) {
    const day = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
    return day ? { day } : { day: null, invalid: true };
  }
  if (/^\d+$/.test(text)) return parseDateCell(Number(text), timeZone);
  return { day: null, invalid: true };
}

/** `YYYY-MM-DD` as a filter value (the CLI's --created-after), checked for a real day. */
export function parseIsoDay(text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`, the French way; anything else is shown as it is. */
export function displayDate(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
