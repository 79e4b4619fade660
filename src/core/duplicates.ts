// Possible duplicates: the same person under two logins (SPEC §1). Reported, never merged.
import { compareCodePoints, nameKey } from './normalize';
import type { Account } from './types';

/**
 * Groups of logins of accounts with the same normalised last and first names and different
 * logins; each group's logins in code point order, groups in order of their names.
 */
export function findDuplicates(accounts: readonly Account[]): string[][] {
  const groups = new Map<string, Set<string>>();
  for (const account of accounts) {
    const last = nameKey(account.lastName);
    const first = nameKey(account.firstName);
    if (last === '' && first === '') continue;
    const key = `${last}\u0000${first}`;
    let logins = groups.get(key);
    if (!logins) groups.set(key, (logins = new Set()));
    logins.add(account.login);
  }
  return [...groups.entries()]
    .filter(([, logins]) => logins.size > 1)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([, logins]) => [...logins].sort(compareCodePoints));
}
