// The three sorts of the letters, the preview and the e-mails (SPEC §2).
import { compareCodePoints, comparesByUnits, nameKey, textKey } from './normalize';
import { profileLabel } from './present';
import type { Account, SortKey } from './types';

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

/**
 * Accounts in sort order, and which of them are the person of the account before (see
 * personKey): the selection finds duplicates from it without comparing names again.
 */
export interface Sorted {
  accounts: Account[];
  /** 1 when account i has a name and the same person key as account i - 1, else 0. */
  samePerson: Uint8Array;
}

interface KeyedByComparison {
  account: Account;
  /** Last and first name keys joined by U+0000, which sorts before any character. */
  name: string;
  /** `name`, U+0000 and the login's key. */
  key: string;
  /** The key has no astral character: `<` gives code point order. */
  plain: boolean;
  group: string | null;
}

function compareKeys(a: KeyedByComparison, b: KeyedByComparison): number {
  if (a.plain && b.plain) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  return compareCodePoints(a.key, b.key);
}

function compareAlpha(a: KeyedByComparison, b: KeyedByComparison): number {
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
  return textKey(profileLabel(profile));
}

/** Profiles in the order of the `profile` sort (the same key: the value itself breaks ties). */
export function compareProfiles(a: string, b: string): number {
  return compareCodePoints(profileSortKey(a), profileSortKey(b)) || compareCodePoints(a, b);
}

/** The key of a person's names: the same for the sort and for possible duplicates. */
export function personKey(account: Account): string {
  return `${nameKey(account.lastName)}\u0000${nameKey(account.firstName)}`;
}

/**
 * The accounts in sort order (a new list; the input is left as it is), with whether each is the
 * same person as the one before (the selection reads duplicates from it).
 *
 * Names repeat (families, common first names): the distinct keys of each part are sorted once
 * and the accounts then sorted by their ranks packed in one number, natively; only accounts with
 * the same group, last and first name keys are compared as text. Same order as
 * `sortKeyedByComparison`.
 */
export function sortKeyed(accounts: readonly Account[], sort: SortKey = 'alpha'): Sorted {
  const n = accounts.length;
  const lastNames = new Array<string>(n);
  const firstNames = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    lastNames[i] = accounts[i]!.lastName;
    firstNames[i] = accounts[i]!.firstName;
  }
  const last = rankNames(lastNames);
  const first = rankNames(firstNames);
  // Names holding U+0000 would not sort as their joined keys do: the general path then.
  if (!last || !first) return sortKeyedByComparison(accounts, sort);
  let groupRanks: ((i: number) => number) | null = null;
  let groupCount = 1;
  if (sort === 'class') {
    const classRank = rankOf(distinct(accounts.flatMap((a) => a.classes)), naturalCompare);
    groupCount = classRank.size + 1;
    groupRanks = (i) => {
      let best = classRank.size; // no class: last
      for (const name of accounts[i]!.classes) {
        const r = classRank.get(name)!;
        if (r < best) best = r;
      }
      return best;
    };
  } else if (sort === 'profile') {
    const groups = accounts.map((account) => profileSortKey(account.profile));
    const profileRank = rankOf(distinct(groups), compareCodePoints);
    groupCount = profileRank.size;
    groupRanks = (i) => profileRank.get(groups[i]!)!;
  }
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** indexBits;
  if (groupCount * last.count * first.count * scale > Number.MAX_SAFE_INTEGER) {
    return sortKeyedByComparison(accounts, sort);
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const group = groupRanks ? groupRanks(i) : 0;
    const rank = (group * last.count + last.ranks[i]!) * first.count + first.ranks[i]!;
    packed[i] = rank * scale + i;
  }
  packed.sort();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % scale;
  // Runs with the same group and names: login key, then the text as written, then the row.
  // A login's key is needed again at each comparison of its run: computed once, with whether
  // the engine's own comparison of UTF-16 units gives its code point order (no surrogate).
  const loginKeys = new Array<string | undefined>(n);
  const plainLogins = new Uint8Array(n);
  const loginKey = (i: number) => {
    let key = loginKeys[i];
    if (key === undefined) {
      loginKeys[i] = key = textKey(accounts[i]!.login);
      plainLogins[i] = comparesByUnits(key) ? 1 : 0;
    }
    return key;
  };
  const compareLogins = (x: number, y: number) => {
    const a = loginKey(x);
    const b = loginKey(y);
    if (plainLogins[x]! & plainLogins[y]!) return a < b ? -1 : a > b ? 1 : 0;
    return compareCodePoints(a, b);
  };
  const tie = (x: number, y: number) => {
    const a = accounts[x]!;
    const b = accounts[y]!;
    return (
      compareLogins(x, y) ||
      compareCodePoints(a.lastName, b.lastName) ||
      compareCodePoints(a.firstName, b.firstName) ||
      compareCodePoints(a.login, b.login) ||
      a.row - b.row
    );
  };
  const sorted = new Array<Account>(n);
  const samePerson = new Uint8Array(n);
  for (let start = 0; start < n;) {
    const rank = Math.floor(packed[start]! / scale);
    let end = start + 1;
    while (end < n && Math.floor(packed[end]! / scale) === rank) end++;
    // Runs are short (a name shared by a few accounts): sorted in place by insertion.
    for (let i = start + 1; i < end; i++) {
      const x = order[i]!;
      let j = i - 1;
      while (j >= start && tie(order[j]!, x) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    for (let k = start; k < end; k++) sorted[k] = accounts[order[k]!]!;
    start = end;
  }
  // Equal ranks are equal keys.
  for (let k = 1; k < n; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    const lastRank = last.ranks[b]!;
    const firstRank = first.ranks[b]!;
    const named = lastRank !== last.emptyRank || firstRank !== first.emptyRank;
    if (named && lastRank === last.ranks[a] && firstRank === first.ranks[a]) samePerson[k] = 1;
  }
  return { accounts: sorted, samePerson };
}

/** Each name's rank among the distinct name keys, in code point order. */
interface NameRanks {
  ranks: Int32Array;
  /** How many distinct keys. */
  count: number;
  /** The rank of the empty key, -1 without one. */
  emptyRank: number;
}

/**
 * The rank of each name's key. Names repeat, and the loader shares equal ones as one string:
 * each distinct name is looked up once per account, its key computed once. Null when a name
 * holds U+0000.
 */
function rankNames(names: readonly string[]): NameRanks | null {
  const ids = new Map<string, number>();
  const idOf = new Int32Array(names.length);
  const distinctNames: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    let id = ids.get(name);
    if (id === undefined) {
      if (name.includes('\u0000')) return null;
      ids.set(name, (id = distinctNames.length));
      distinctNames.push(name);
    }
    idOf[i] = id;
  }
  const keys = distinctNames.map(nameKey);
  const rank = rankOf(distinct(keys), compareCodePoints);
  const rankOfId = Int32Array.from(keys, (key) => rank.get(key)!);
  const ranks = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) ranks[i] = rankOfId[idOf[i]!]!;
  return { ranks, count: rank.size, emptyRank: rank.get('') ?? -1 };
}

function distinct(values: readonly (string | null)[]): string[] {
  const set = new Set<string>();
  for (const value of values) if (value !== null) set.add(value);
  return [...set];
}

function rankOf(values: string[], compare: (a: string, b: string) => number): Map<string, number> {
  return new Map(values.sort(compare).map((value, i) => [value, i]));
}

/** sortKeyed by a comparator on each account's keys: the reference order, and the general path. */
export function sortKeyedByComparison(
  accounts: readonly Account[],
  sort: SortKey = 'alpha',
): Sorted {
  const keyed: KeyedByComparison[] = accounts.map((account) => {
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
    const rank = rankOf(distinct(keyed.map((k) => k.group)), naturalCompare);
    const rankOfGroup = (k: KeyedByComparison) =>
      k.group === null ? rank.size : rank.get(k.group)!;
    compare = (a, b) => rankOfGroup(a) - rankOfGroup(b) || compareAlpha(a, b);
  } else if (sort === 'profile') {
    compare = (a, b) => compareCodePoints(a.group!, b.group!) || compareAlpha(a, b);
  }
  keyed.sort(compare);
  const samePerson = new Uint8Array(keyed.length);
  for (let k = 1; k < keyed.length; k++) {
    const { name } = keyed[k]!;
    if (name === keyed[k - 1]!.name && name !== '\u0000') samePerson[k] = 1;
  }
  return { accounts: keyed.map((k) => k.account), samePerson };
}
