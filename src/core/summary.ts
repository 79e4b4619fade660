// The counts of a selection (SPEC §2), as the prétraitement shows them.
import { findDuplicates } from './duplicates';
import { fr } from './i18n/fr';
import { compareProfiles } from './sort';
import type { Account, Summary } from './types';

/** The counts; `duplicates` when the caller has already found them (see selectAccounts). */
export function summarize(accounts: readonly Account[], duplicates?: string[][]): Summary {
  let withoutEmail = 0;
  let invalidEmail = 0;
  let activated = 0;
  // A plain object: a handful of profiles, counted once per account.
  const counts: Record<string, number> = Object.create(null);
  for (const account of accounts) {
    if (account.emailStatus === 'missing') withoutEmail++;
    else if (account.emailStatus === 'invalid') invalidEmail++;
    if (account.activated) activated++;
    counts[account.profile] = (counts[account.profile] ?? 0) + 1;
  }
  const profiles = Object.keys(counts).sort(compareProfiles);
  // fromEntries defines each key, even a profile written "__proto__".
  const byProfile: Record<string, number> = Object.fromEntries(
    profiles.map((profile) => [profile, counts[profile]!]),
  );
  return {
    total: accounts.length,
    withoutEmail,
    invalidEmail,
    activated,
    notActivated: accounts.length - activated,
    byProfile,
    duplicates: duplicates ?? findDuplicates(accounts),
  };
}

/** The ENT console's wording: "39 comptes sélectionnés au total", "3 comptes sans adresse courriel". */
export function summaryLines(summary: Summary): string[] {
  return [fr.summary.total(summary.total), fr.summary.withoutEmail(summary.withoutEmail)];
}
