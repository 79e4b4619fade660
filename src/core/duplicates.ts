// Possible duplicates: the same person under two logins (SPEC §1). Reported, never merged.
import { compareCodePoints } from './normalize';
import { personKey } from './sort';
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
 * findDuplicates on accounts already in name order (the `alpha` sort, with their person keys):
 * a person's accounts are side by side, so one pass finds them without a map.
 */
export function duplicatesInNameOrder(
  sorted: readonly { account: Account; name: string }[],
): string[][] {
  const groups: string[][] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.name === sorted[i]!.name) j++;
    if (j - i > 1 && sorted[i]!.name !== '\u0000') {
      const logins = [...new Set(sorted.slice(i, j).map((k) => k.account.login))];
      if (logins.length > 1) groups.push(logins.sort(compareCodePoints));
    }
    i = j;
  }
  return groups;
}
