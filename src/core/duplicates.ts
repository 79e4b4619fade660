// Possible duplicates: the same person under two logins (SPEC §1). Reported, never merged.
import { compareCodePoints, comparesByUnits } from './normalize';
import { personKey, type Sorted } from './sort';
import type { Account } from './types';

/**
 * Groups of logins of accounts with the same normalised last and first names and different
 * logins; each group's logins in code point order, groups in order of their names.
 */
export function findDuplicates(accounts: readonly Account[]): string[][] {
  // A name's first login as a string, a set only once a second login shows up (it rarely does).
  const groups = new Map<string, string | Set<string>>();
  for (const account of accounts) {
    if (account.lastName === '' && account.firstName === '') continue;
    const key = personKey(account);
    const logins = groups.get(key);
    if (logins === undefined) groups.set(key, account.login);
    else if (typeof logins === 'string') {
      if (logins !== account.login) groups.set(key, new Set([logins, account.login]));
    } else logins.add(account.login);
  }
  const found: [string, Set<string>][] = [];
  for (const [key, logins] of groups) if (typeof logins !== 'string') found.push([key, logins]);
  return found
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([, logins]) => [...logins].sort(compareCodePoints));
}

/**
 * findDuplicates on accounts already in name order (the `alpha` sort): a person's accounts are
 * side by side, so one pass finds them without a map.
 */
export function duplicatesInNameOrder({ accounts, samePerson }: Sorted): string[][] {
  const groups: string[][] = [];
  let i = 0;
  while (i < accounts.length) {
    let j = i + 1;
    while (j < accounts.length && samePerson[j] === 1) j++;
    if (j - i === 2) {
      // Mostly two accounts: compared directly, no array to sort.
      const a = accounts[i]!.login;
      const b = accounts[i + 1]!.login;
      if (a !== b) groups.push(compareCodePoints(a, b) < 0 ? [a, b] : [b, a]);
    } else if (j - i > 2) {
      // Sorted, then each login once: a run is short, no set.
      const logins: string[] = [];
      for (let k = i; k < j; k++) logins.push(accounts[k]!.login);
      // The engine's comparison when no login holds a surrogate (it then is code point order).
      if (logins.every(comparesByUnits)) logins.sort();
      else logins.sort(compareCodePoints);
      let kept = 1;
      for (let k = 1; k < logins.length; k++) {
        if (logins[k] !== logins[kept - 1]) logins[kept++] = logins[k]!;
      }
      logins.length = kept;
      if (kept > 1) groups.push(logins);
    }
    i = j;
  }
  return groups;
}
