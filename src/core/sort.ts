// The three sorts of the letters, the preview and the e-mails (SPEC §2).
import { compareCodePoints, comparesByUnits, nameKey, textKey } from './normalize';
import { FRENCH_PROFILE_LABELS } from './profiles';
import type { Account, KnownProfile, SortKey } from './types';

export const SORT_KEYS: readonly SortKey[] = ['alpha', 'class', 'profile'];

const RUNS = /\d+|\D+/g;

function compareDigitRuns(a: string, b: string): number {
  // As numbers, without a Number's limits: leading zeros dropped, then length, then digits.
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length - y.length || compareCodePoints(x, y);
}

const isDigit = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

/**
 * Natural order: runs of digits compared as numbers ("6EME 2" < "6EME 10"), other runs by their
 * comparison key, a digit run before any other run; ties broken by the plain key, then the text.
 */
export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ka = textKey(a);
  const kb = textKey(b);
  const ra = ka.match(RUNS) ?? [];
  const rb = kb.match(RUNS) ?? [];
  const length = Math.min(ra.length, rb.length);
  for (let i = 0; i < length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const dx = isDigit(x);
    const dy = isDigit(y);
    let order: number;
    if (dx && dy) order = compareDigitRuns(x, y);
    else if (dx !== dy) order = dx ? -1 : 1;
    else order = compareCodePoints(x, y);
    if (order !== 0) return order;
  }
  return ra.length - rb.length || compareCodePoints(ka, kb) || compareCodePoints(a, b);
}

/** An account with its sort keys. */
export interface Keyed {
  account: Account;
  /** Last and first name keys joined by U+0000, which sorts before any character. */
  name: string;
  /** `name`, U+0000 and the login's key. */
  key: string;
  /** The key has no astral character: `<` gives code point order. */
  plain: boolean;
  group: string | null;
}

function compareKeys(a: Keyed, b: Keyed): number {
  if (a.plain && b.plain) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  return compareCodePoints(a.key, b.key);
}

function compareAlpha(a: Keyed, b: Keyed): number {
  return (
    compareKeys(a, b) ||
    // Same keys: the text as written, then the source row, so that the order is total.
    compareCodePoints(a.account.lastName, b.account.lastName) ||
    compareCodePoints(a.account.firstName, b.account.firstName) ||
    compareCodePoints(a.account.login, b.account.login) ||
    a.account.row - b.account.row
  );
}

/** The class an account is sorted under: the first of its effective classes in natural order. */
export function firstClass(account: Account): string | null {
  let first: string | null = null;
  for (const name of account.classes) {
    if (first === null || naturalCompare(name, first) < 0) first = name;
  }
  return first;
}

/** The key of the `profile` sort: its French label's comparison key. */
export function profileSortKey(profile: string): string {
  return textKey(FRENCH_PROFILE_LABELS[profile as KnownProfile] ?? profile);
}

/** A sorted copy; the input is left as it is. */
export function sortAccounts(accounts: readonly Account[], sort: SortKey = 'alpha'): Account[] {
  return sortKeyed(accounts, sort).map((k) => k.account);
}

/** The key of a person's names: the same for the sort and for possible duplicates. */
export function personKey(account: Account): string {
  return `${nameKey(account.lastName)}\u0000${nameKey(account.firstName)}`;
}

/** sortAccounts, keeping each account's keys (the selection reuses them for duplicates). */
export function sortKeyed(accounts: readonly Account[], sort: SortKey = 'alpha'): Keyed[] {
  const keyed: Keyed[] = accounts.map((account) => {
    const name = personKey(account);
    const key = `${name}\u0000${textKey(account.login)}`;
    return {
      account,
      name,
      key,
      plain: comparesByUnits(key),
      group:
        sort === 'class'
          ? firstClass(account)
          : sort === 'profile'
            ? profileSortKey(account.profile)
            : null,
    };
  });
  let compare = compareAlpha;
  if (sort === 'class') {
    // Few distinct classes: rank them once rather than compare names at every step.
    const groups = [...new Set(keyed.map((k) => k.group).filter((g) => g !== null))];
    const rank = new Map(groups.sort(naturalCompare).map((g, i) => [g, i]));
    const rankOf = (k: Keyed) => (k.group === null ? groups.length : rank.get(k.group)!);
    compare = (a, b) => rankOf(a) - rankOf(b) || compareAlpha(a, b);
  } else if (sort === 'profile') {
    compare = (a, b) => compareCodePoints(a.group!, b.group!) || compareAlpha(a, b);
  }
  return keyed.sort(compare);
}
