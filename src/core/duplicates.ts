// Possible duplicates: the same person under two logins (SPEC §1). Reported, never merged.
import { compareCodePoints, nameKey } from './normalize';
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
    const key = `${nameKey(account.lastName)}\u0000${nameKey(account.firstName)}`;
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
