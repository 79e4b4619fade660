// One cell of a table, as text: CSV gives strings, Sheets' getValues() typed values.
import { calendarDay, isDateObject } from './dates';

/**
 * The digits of a number as the referent typed them: an activation code typed as a number
 * (12345678) must not come back as "1.2345678e7" or "12345678.0".
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? value.toFixed(0) : BigInt(value).toString();
  }
  return String(value);
}

/** A cell as trimmed text; a Date outside the date column becomes its calendar day. */
export function cellText(value: unknown, timeZone: string): string {
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isDateObject(value)) return calendarDay(value, timeZone) ?? '';
  return String(value).trim();
}

const TRUTHY = new Set(['oui', 'yes', 'true', 'vrai', '1', 'x']);

/** oui, yes, true, vrai, 1, x in any case, or a boolean true (SPEC §1). */
export function isTruthyCell(text: string): boolean {
  // Longer texts cannot match: no lower-cased copy per cell ("Non" on every row of an export).
  return text.length <= 4 && TRUTHY.has(text.toLowerCase());
}

const NO_CODE = new Set(['', 'null', '-']);

/** Empty, `null` (any case) and `-` mean no activation code. */
export function activationCodeOf(text: string): string | null {
  // A real code is longer than "null": no lower-cased copy of it.
  if (text.length > 4) return text;
  return NO_CODE.has(text.toLowerCase()) ? null : text;
}

/** A multi-valued cell: split on ",", trimmed, empties dropped, first occurrence kept. */
export function splitList(text: string): string[] {
  if (!text.includes(',')) {
    const item = text.trim();
    return item === '' ? [] : [item];
  }
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item !== '') seen.add(item);
  }
  return [...seen];
}
