// Dates written out two ways: Java's SimpleDateFormat patterns (Utilities.formatDate) and Sheets'
// number formats (display values). Only the letters the add-on can meet are supported.
import { DATE_FORMAT, TIME_ZONE, type CellValue } from './cell-input';
import { zonedParts } from './time';

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Splits a pattern into runs of one letter and literal text ('quoted', or anything else). */
function tokens(pattern: string): Array<{ letter: string; count: number } | { text: string }> {
  const out: Array<{ letter: string; count: number } | { text: string }> = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out.push({ text: literal === '' ? "'" : literal });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ text: c });
      i++;
    }
  }
  return out;
}

/** Utilities.formatDate: Java SimpleDateFormat letters y M d H h m s S E a u Z X. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  return tokens(pattern)
    .map((t) => {
      if ('text' in t) return t.text;
      const n = t.count;
      switch (t.letter) {
        case 'y':
          return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        case 'M':
          return n >= 4
            ? MONTHS_EN[p.month - 1]!
            : n === 3
              ? MONTHS_EN[p.month - 1]!.slice(0, 3)
              : pad(p.month, n);
        case 'd':
          return pad(p.day, n);
        case 'H':
          return pad(p.hour, n);
        case 'h':
          return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'S':
          return pad(date.getUTCMilliseconds(), n);
        case 'E':
          return n >= 4 ? DAYS_EN[p.weekday]! : DAYS_EN[p.weekday]!.slice(0, 3);
        case 'u':
          return String(p.weekday === 0 ? 7 : p.weekday);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'Z':
        case 'X': {
          const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
          const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const hh = pad(Math.floor(abs / 60), 2);
          const mm = pad(abs % 60, 2);
          if (t.letter === 'X' && offset === 0) return 'Z';
          return t.letter === 'X' && n >= 3 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
        }
        default:
          throw new Error(`Illegal pattern character '${t.letter}'`);
      }
    })
    .join('');
}

/** A date under a Sheets number format (`dd/mm/yyyy hh:mm:ss`: `mm` is minutes after h or before s). */
function formatSheetsDate(date: Date, format: string): string {
  const list = tokens(format);
  return list
    .map((t, i) => {
      if ('text' in t) return t.text;
      const p = zonedParts(date, TIME_ZONE);
      const letter = t.letter.toLowerCase();
      const n = t.count;
      if (letter === 'y') return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
      if (letter === 'd') return pad(p.day, n);
      if (letter === 'h') return pad(p.hour, n);
      if (letter === 's') return pad(p.second, n);
      if (letter === 'm') {
        const previous = list
          .slice(0, i)
          .reverse()
          .find((x) => 'letter' in x);
        const next = list.slice(i + 1).find((x) => 'letter' in x);
        const isMinute =
          (previous && 'letter' in previous && previous.letter.toLowerCase() === 'h') ||
          (next && 'letter' in next && next.letter.toLowerCase() === 's');
        return pad(isMinute ? p.minute : p.month, n);
      }
      return t.letter.repeat(n);
    })
    .join('');
}

/** What a cell shows, in a French-locale spreadsheet, for its value and number format. */
export function displayValue(value: CellValue, format: string): string {
  if (value instanceof Date)
    return formatSheetsDate(value, /[dy]/i.test(format) ? format : DATE_FORMAT);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value;
}
