// The three sorts of the letters, the preview and the e-mails (SPEC §2).
import { compareCodePoints, textKey } from './normalize';
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

interface Keyed {
  account: Account;
  last: string;
  first: string;
  login: string;
  group: string | null;
}

function compareAlpha(a: Keyed, b: Keyed): number {
  return (
    compareCodePoints(a.last, b.last) ||
    compareCodePoints(a.first, b.first) ||
    compareCodePoints(a.login, b.login) ||
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
export function sortAccounts(accounts: readonly Account[], key: SortKey = 'alpha'): Account[] {
  const keyed: Keyed[] = accounts.map((account) => ({
    account,
    last: textKey(account.lastName),
    first: textKey(account.firstName),
    login: textKey(account.login),
    group:
      key === 'class'
        ? firstClass(account)
        : key === 'profile'
          ? profileSortKey(account.profile)
          : null,
  }));
  let compare = compareAlpha;
  if (key === 'class') {
    compare = (a, b) => {
      if (a.group !== b.group) {
        if (a.group === null) return 1;
        if (b.group === null) return -1;
        const order = naturalCompare(a.group, b.group);
        if (order !== 0) return order;
      }
      return compareAlpha(a, b);
    };
  } else if (key === 'profile') {
    compare = (a, b) => compareCodePoints(a.group!, b.group!) || compareAlpha(a, b);
  }
  return keyed.sort(compare).map((k) => k.account);
}
