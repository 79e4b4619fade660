// The prétraitement's filters (SPEC §2): which accounts a selection keeps, which filters a file
// allows, and the lists the sidebar offers.
import { levelFromClassName } from './classes';
import type { ColumnReport, Field } from './headers';
import { messages } from './messages';
import { textKey } from './normalize';
import { profileLabel } from './present';
import { compareLevels } from './levels';
import { compareProfiles, naturalCompare } from './sort';
import { KNOWN_PROFILES, type Account, type Filters, type Profile, type UserError } from './types';

export type FilterName = keyof Filters;

export const FILTER_NAMES: readonly FilterName[] = [
  'profiles',
  'levels',
  'classes',
  'activation',
  'email',
  'localAdmins',
  'createdAfter',
  'createdBefore',
  'blocked',
];

/** How the referent knows each filter (the ENT console's words). */
export const FILTER_LABELS: Record<FilterName, string> = {
  profiles: 'Profil',
  levels: 'Niveaux',
  classes: 'Classes',
  activation: "Filtre sur l'activation",
  email: 'Courriel',
  localAdmins: 'Administrateurs locaux',
  createdAfter: 'Date de création (après le)',
  createdBefore: 'Date de création (avant le)',
  blocked: 'Comptes bloqués',
};

/** The columns a filter needs; the filter is available when one of them exists. */
const FILTER_COLUMNS: Record<FilterName, readonly Field[]> = {
  profiles: ['profile'],
  levels: ['classes', 'level'],
  classes: ['classes', 'level'],
  activation: ['activationCode'],
  email: ['email'],
  localAdmins: ['localAdmin', 'functions'],
  createdAfter: ['createdAt'],
  createdBefore: ['createdAt'],
  blocked: ['blocked'],
};

export type FilterAvailability = { available: true } | { available: false; reason: string };

/** Which filters the file allows, and for the others why not (e.g. "pas de colonne « Date de création »"). */
export function availableFilters(columns: ColumnReport): Record<FilterName, FilterAvailability> {
  const result = {} as Record<FilterName, FilterAvailability>;
  for (const name of FILTER_NAMES) {
    const needed = FILTER_COLUMNS[name];
    result[name] = needed.some((field) => columns.found[field])
      ? { available: true }
      : {
          available: false,
          reason: needed.length === 1 ? messages.noColumn(needed[0]!) : messages.noColumns(needed),
        };
  }
  return result;
}

/** Whether a filter restricts anything: an unset or default filter selects everything. */
export function isFilterSet(filters: Filters, name: FilterName): boolean {
  switch (name) {
    case 'profiles':
    case 'levels':
    case 'classes':
      return (filters[name]?.length ?? 0) > 0;
    case 'activation':
    case 'email':
    case 'blocked':
      return filters[name] !== undefined && filters[name] !== 'all';
    case 'localAdmins':
      return filters.localAdmins === true;
    case 'createdAfter':
    case 'createdBefore':
      return filters[name] !== undefined && filters[name] !== '';
  }
}

/**
 * The first set filter the file cannot serve, as a user error naming the filter, the missing
 * column, the headers it accepts and the headers found; null when every set filter is available.
 */
export function checkFilters(filters: Filters, columns: ColumnReport): UserError | null {
  const availability = availableFilters(columns);
  for (const name of FILTER_NAMES) {
    const state = availability[name];
    if (!isFilterSet(filters, name) || state.available) continue;
    return {
      code: 'filter-unavailable',
      message: messages.filterUnavailable(
        FILTER_LABELS[name],
        state.reason,
        FILTER_COLUMNS[name],
        columns.headers,
      ),
    };
  }
  return null;
}

/** The level of each of an account's classes. */
export function levelsOfClasses(account: Account): string[] {
  return account.classLevels ?? account.classes.map(levelFromClassName);
}

/**
 * A predicate for the filters, given the accounts they apply to (a picked class's level is read
 * from them). Levels and classes follow the ENT console: a selected level none of whose classes
 * is picked counts whole; one with picked classes counts only those; picked classes whose level
 * is not selected still count.
 */
export function compileFilters(
  filters: Filters,
  universe: readonly Account[],
): (account: Account) => boolean {
  const tests: ((account: Account) => boolean)[] = [];

  if (isFilterSet(filters, 'profiles')) {
    const profiles = new Set<Profile>(filters.profiles);
    tests.push((a) => profiles.has(a.profile));
  }

  if (isFilterSet(filters, 'levels') || isFilterSet(filters, 'classes')) {
    const levelOfClass = new Map<string, string>();
    for (const account of universe) {
      const levels = levelsOfClasses(account);
      account.classes.forEach((name, i) => {
        const key = textKey(name);
        if (!levelOfClass.has(key)) levelOfClass.set(key, textKey(levels[i] ?? ''));
      });
    }
    const pickedClasses = new Set((filters.classes ?? []).map(textKey));
    const levelsWithPicks = new Set(
      [...(filters.classes ?? [])].map(
        (name) => levelOfClass.get(textKey(name)) ?? textKey(levelFromClassName(name)),
      ),
    );
    const wholeLevels = new Set(
      (filters.levels ?? []).map(textKey).filter((level) => !levelsWithPicks.has(level)),
    );
    tests.push((a) => {
      if (a.ownLevel && wholeLevels.has(textKey(a.ownLevel))) return true;
      const levels = levelsOfClasses(a);
      return a.classes.some(
        (name, i) => pickedClasses.has(textKey(name)) || wholeLevels.has(textKey(levels[i] ?? '')),
      );
    });
  }

  if (isFilterSet(filters, 'activation')) {
    const wanted = filters.activation === 'activated';
    tests.push((a) => a.activated === wanted);
  }
  if (isFilterSet(filters, 'email')) {
    const wanted = filters.email === 'with';
    tests.push((a) => (a.emailStatus === 'valid') === wanted);
  }
  if (isFilterSet(filters, 'localAdmins')) tests.push((a) => a.localAdmin);
  if (isFilterSet(filters, 'createdAfter')) {
    const after = filters.createdAfter!;
    tests.push((a) => a.createdAt !== null && a.createdAt >= after);
  }
  if (isFilterSet(filters, 'createdBefore')) {
    const before = filters.createdBefore!;
    tests.push((a) => a.createdAt !== null && a.createdAt <= before);
  }
  if (isFilterSet(filters, 'blocked')) {
    const wanted = filters.blocked === 'blocked';
    tests.push((a) => a.blocked === wanted);
  }
  if (tests.length === 1) return tests[0]!;
  return (account) => tests.every((test) => test(account));
}

/** The accounts the filters keep, in their input order. */
export function filterAccounts(accounts: readonly Account[], filters: Filters): Account[] {
  return accounts.filter(compileFilters(filters, accounts));
}

/**
 * filterAccounts for a caller that only reads the result: without a filter, the accounts
 * themselves (a large school's preview asks for all of them).
 */
export function keptAccounts(accounts: readonly Account[], filters: Filters): readonly Account[] {
  const filtered = FILTER_NAMES.some((name) => isFilterSet(filters, name));
  return filtered ? filterAccounts(accounts, filters) : accounts;
}

export interface ProfileOption {
  profile: Profile;
  count: number;
}

export interface LevelOption {
  level: string;
  /** The classes of the level, in natural order. */
  classes: string[];
}

/** A filter as the referent gave it (the CLI's option), else its label. */
function filterName(filter: FilterName, names: Partial<Record<FilterName, string>>): string {
  return names[filter] ?? FILTER_LABELS[filter];
}

/**
 * A filter's value that can match nothing because the file does not know it (a mistyped
 * profile, a class or level no account has, an empty value), or creation dates the wrong way
 * round: named, with the values the file knows. A known profile that no account has is no
 * mistake (it selects nobody, which the counts say). `names` are the filters as the referent
 * gave them (the CLI's options).
 */
export function checkFilterValues(
  filters: Filters,
  accounts: readonly Account[],
  names: Partial<Record<FilterName, string>> = {},
): UserError | null {
  const nameOf = (filter: FilterName) => filterName(filter, names);
  const unknown = (filter: FilterName, value: string, known: readonly string[]): UserError => ({
    code: 'unknown-filter-value',
    message:
      value.trim() === ''
        ? messages.emptyFilterValue(nameOf(filter))
        : messages.unknownFilterValue(nameOf(filter), value, known),
  });
  const options = filterOptions(accounts);
  if (filters.profiles) {
    const known = new Set<Profile>([...KNOWN_PROFILES, ...options.profiles.map((p) => p.profile)]);
    for (const profile of filters.profiles) {
      if (profile.trim() !== '' && known.has(profile)) continue;
      return unknown(
        'profiles',
        profile,
        [...known].map((p) => profileLabel(p)),
      );
    }
  }
  const levels = options.levels.map((l) => l.level);
  const levelKeys = new Set(levels.map(textKey));
  for (const level of filters.levels ?? []) {
    if (level.trim() === '' || !levelKeys.has(textKey(level)))
      return unknown('levels', level, levels);
  }
  const classes = options.levels.flatMap((l) => l.classes);
  const classKeys = new Set(classes.map(textKey));
  for (const name of filters.classes ?? []) {
    if (name.trim() === '' || !classKeys.has(textKey(name)))
      return unknown('classes', name, classes);
  }
  return checkDateOrder(filters, names);
}

/** Creation dates the wrong way round select nobody: said, in the sidebar as on the CLI. */
export function checkDateOrder(
  filters: Filters,
  names: Partial<Record<FilterName, string>> = {},
): UserError | null {
  const { createdAfter: after, createdBefore: before } = filters;
  if (!after || !before || after <= before) return null;
  return {
    code: 'dates-reversed',
    message: messages.datesReversed(
      filterName('createdAfter', names),
      after,
      filterName('createdBefore', names),
      before,
    ),
  };
}

/** The sidebar's lists: profiles with their counts, levels and the classes of each. */
export function filterOptions(accounts: readonly Account[]): {
  profiles: ProfileOption[];
  levels: LevelOption[];
} {
  const counts = new Map<Profile, number>();
  const classesByLevel = new Map<string, Set<string>>();
  const level = (name: string) => {
    let set = classesByLevel.get(name);
    if (!set) classesByLevel.set(name, (set = new Set()));
    return set;
  };
  for (const account of accounts) {
    counts.set(account.profile, (counts.get(account.profile) ?? 0) + 1);
    const levels = levelsOfClasses(account);
    account.classes.forEach((name, i) => level(levels[i] ?? '').add(name));
    if (account.ownLevel) level(account.ownLevel);
  }
  const profiles = [...counts.entries()]
    .map(([profile, count]) => ({ profile, count }))
    .sort((a, b) => compareProfiles(a.profile, b.profile));
  const levels = [...classesByLevel.entries()]
    .filter(([name]) => name !== '')
    .map(([name, classes]) => ({ level: name, classes: [...classes].sort(naturalCompare) }))
    .sort((a, b) => compareLevels(a.level, b.level));
  return { profiles, levels };
}
