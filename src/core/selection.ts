// The prétraitement in one call: filters, then sort, then counts (SPEC §2).
import { compileFilters } from './filters';
import { sortAccounts } from './sort';
import { summarize } from './summary';
import type { Account, Filters, Selection, SortKey } from './types';

export function selectAccounts(
  accounts: readonly Account[],
  filters: Filters = {},
  sort: SortKey = 'alpha',
): Selection {
  const kept = accounts.filter(compileFilters(filters, accounts));
  return { accounts: sortAccounts(kept, sort), summary: summarize(kept) };
}
