// The counts of a selection (SPEC §2), as the prétraitement shows them.
import { findDuplicates } from './duplicates';
import { compareCodePoints } from './normalize';
import { profileSortKey } from './sort';
import type { Account, Summary } from './types';

export function summarize(accounts: readonly Account[]): Summary {
  let withoutEmail = 0;
  let invalidEmail = 0;
  let activated = 0;
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account.emailStatus === 'missing') withoutEmail++;
    else if (account.emailStatus === 'invalid') invalidEmail++;
    if (account.activated) activated++;
    counts.set(account.profile, (counts.get(account.profile) ?? 0) + 1);
  }
  const byProfile: Record<string, number> = {};
  const profiles = [...counts.keys()].sort(
    (a, b) => compareCodePoints(profileSortKey(a), profileSortKey(b)) || compareCodePoints(a, b),
  );
  for (const profile of profiles) byProfile[profile] = counts.get(profile)!;
  return {
    total: accounts.length,
    withoutEmail,
    invalidEmail,
    activated,
    notActivated: accounts.length - activated,
    byProfile,
    duplicates: findDuplicates(accounts),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The ENT console's wording: "39 comptes sélectionnés au total", "3 comptes sans adresse courriel". */
export function summaryLines(summary: Summary): string[] {
  return [
    `${plural(summary.total, 'compte sélectionné', 'comptes sélectionnés')} au total`,
    `${plural(summary.withoutEmail, 'compte', 'comptes')} sans adresse courriel`,
  ];
}
