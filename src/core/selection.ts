// The prétraitement in one call: filters, then sort, then counts (SPEC §2).
import { keptAccounts } from './filters';
import { duplicatesInNameOrder } from './duplicates';
import { sortKeyed } from './sort';
import { summarize } from './summary';
import type { Account, Filters, Selection, SortKey } from './types';

export function selectAccounts(
  accounts: readonly Account[],
  filters: Filters = {},
  sort: SortKey = 'alpha',
): Selection {
  const kept = keptAccounts(accounts, filters);
  const sorted = sortKeyed(kept, sort);
  // In name order a person's accounts are side by side: duplicates come from the sort itself.
  const duplicates = sort === 'alpha' ? duplicatesInNameOrder(sorted) : undefined;
  return { accounts: sorted.accounts, summary: summarize(kept, duplicates) };
}

/** FNV-1a over the logins in order: the same selection, in the same order, gives the same. */
export function selectionFingerprint(accounts: readonly Account[]): string {
  let hash = 0x811c9dc5;
  const text = accounts.map((a) => a.login).join('\n');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${accounts.length}-${hash.toString(16)}`;
}
