// An empty selection, and how to widen it: the filters set, and what each would give if it
// were the one relaxed (the sidebar says which to relax first).
import { filterAccounts, isFilterSet } from './filters';
import type { Account, Filters } from './types';

/** The filters as the referent relaxes them: levels and classes are one choice, so are dates. */
export type FilterGroup =
  'profiles' | 'classes' | 'activation' | 'email' | 'localAdmins' | 'created' | 'blocked';

const GROUPS: Record<FilterGroup, (keyof Filters)[]> = {
  profiles: ['profiles'],
  classes: ['levels', 'classes'],
  activation: ['activation'],
  email: ['email'],
  localAdmins: ['localAdmins'],
  created: ['createdAfter', 'createdBefore'],
  blocked: ['blocked'],
};

export interface Relaxed {
  group: FilterGroup;
  /** Accounts the selection would have without this group's filters, the others kept. */
  count: number;
}

/** The groups of filters set, in the sidebar's order. */
export function activeGroups(filters: Filters): FilterGroup[] {
  return (Object.keys(GROUPS) as FilterGroup[]).filter((group) =>
    GROUPS[group].some((name) => isFilterSet(filters, name)),
  );
}

/**
 * For each group of filters set, the accounts left if it alone were relaxed; most first (the
 * one to relax), then in the sidebar's order.
 */
export function relaxOptions(accounts: readonly Account[], filters: Filters): Relaxed[] {
  const options = activeGroups(filters).map((group) => {
    const without: Filters = { ...filters };
    for (const name of GROUPS[group]) delete without[name];
    return { group, count: filterAccounts(accounts, without).length };
  });
  return options
    .map((option, order) => ({ option, order }))
    .sort((a, b) => b.option.count - a.option.count || a.order - b.order)
    .map(({ option }) => option);
}
