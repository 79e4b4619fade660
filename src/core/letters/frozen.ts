// The selection of a letters job, frozen at its start (issue 13, issue 12 item 2): read once
// from the source tab, kept in a hidden tab of the spreadsheet, one account per row as JSON, and
// checked against the job's fingerprint at every step. A user property holds at most 9 KB and a
// store 500 KB; a tab holds a whole school (a 3,000-pupil school's skipped logins alone are
// 62 KB). The advanced Drive service could hold it as a file, but reading a file's content back
// (files.get with alt=media) is not emulated here, so nothing could test it.
import type { Account } from '../types';
import { fingerprint } from './job';
import { textSourcesOf, type TextSources } from '../texts/catalog';

/** The hidden tab of a job: named after it, so two jobs' tabs never meet. */
export function frozenSheetName(jobId: string): string {
  return `Publipostage – sélection figée ${jobId.slice(0, 8)}`;
}

/** The tab's values: a first row saying what the tab is, then one account per row. */
export function frozenValues(accounts: readonly Account[], note: string): string[][] {
  return [[note], ...accounts.map((account) => [JSON.stringify(account)])];
}

/**
 * The accounts of a frozen tab's values, or null when they are not the job's (a row edited,
 * cut or added: another fingerprint, or a row that is not an account's JSON).
 */
export function thawAccounts(
  values: readonly (readonly unknown[])[],
  expected: string,
): Account[] | null {
  const accounts: Account[] = [];
  for (const row of values.slice(1)) {
    const cell = row[0];
    if (typeof cell !== 'string') return null;
    try {
      const account = JSON.parse(cell) as Account;
      if (typeof account?.login !== 'string') return null;
      accounts.push(account);
    } catch {
      return null;
    }
  }
  return fingerprint(accounts) === expected ? accounts : null;
}

/**
 * The texts a job started with (issue 17), kept beside the note in the frozen tab's first row
 * (column B, as JSON; only the customised ones): a step resumed after the referent edited a
 * text still prints the job's. An absent or unreadable cell means the defaults.
 */
export function thawTexts(values: readonly (readonly unknown[])[]): TextSources {
  const cell = values[0]?.[1];
  if (typeof cell !== 'string' || cell === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return {};
  }
  return textSourcesOf(parsed);
}
