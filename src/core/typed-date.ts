// Dates the referent types in the sidebar: jj/mm/aaaa, whatever the browser's locale (an
// <input type="date"> shows and reads its own format, mm/dd/yyyy in an English browser).
import { parseIsoDay } from './dates';
import type { IsoDate } from './types';

export type TypedDay = { ok: true; day: IsoDate | null } | { ok: false };

/**
 * `jj/mm/aaaa` (one or two digits for the day and the month, `-` or `.` accepted for `/`) as
 * the filters' `YYYY-MM-DD`; empty is no date; anything else, or a day that does not exist
 * (31/02/2024), is refused.
 */
export function parseTypedDay(text: string): TypedDay {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, day: null };
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(trimmed);
  if (!match) return { ok: false };
  const pad = (n: string) => n.padStart(2, '0');
  const day = parseIsoDay(`${match[4]}-${pad(match[3]!)}-${pad(match[1]!)}`);
  return day ? { ok: true, day } : { ok: false };
}
