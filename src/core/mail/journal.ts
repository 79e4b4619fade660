// The campaign's journal (SPEC §5): one entry per account, keyed by campaign id and login, kept
// in the « Journal publipostage » tab by the add-on and in journal.csv by the CLI.

import { nameKey } from '../normalize';

/** The add-on's tab for the journal. */
export const JOURNAL_TAB = 'Journal publipostage';

export const SENT = 'envoyé';
export const FAILED = 'échec';
// The statuses are SPEC §5's words, spaces included (a journal is read back and compared):
// the one French text kept without U+00A0 before its colon.
export const SKIPPED_NO_EMAIL = 'ignoré : sans courriel';
export const SKIPPED_INVALID = 'ignoré : courriel invalide';
export const WAITING_QUOTA = 'en attente : quota';
/** To send, not tried yet in this run. */
export const PENDING = 'à envoyer';
/** Claimed by a step just before its send call; never left behind by a step that ends normally. */
export const SENDING = 'envoi en cours';
/** The outcome of a send call is unknown (a stop in the middle, a timeout): never resent blindly. */
export const UNVERIFIED = 'à vérifier';

export type JournalStatus =
  | typeof SENT
  | typeof FAILED
  | typeof SKIPPED_NO_EMAIL
  | typeof SKIPPED_INVALID
  | typeof WAITING_QUOTA
  | typeof PENDING
  | typeof SENDING
  | typeof UNVERIFIED;

export const STATUSES: readonly JournalStatus[] = [
  SENT,
  FAILED,
  SKIPPED_NO_EMAIL,
  SKIPPED_INVALID,
  WAITING_QUOTA,
  PENDING,
  SENDING,
  UNVERIFIED,
];

/** Where an account may end: the campaign is over when every entry is in one of these. */
export const FINAL_STATUSES: readonly JournalStatus[] = [
  SENT,
  FAILED,
  SKIPPED_NO_EMAIL,
  SKIPPED_INVALID,
  UNVERIFIED,
];

export function isFinal(status: JournalStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export interface JournalEntry {
  campaignId: string;
  login: string;
  /** "Prénom NOM", for the referent reading the journal. */
  name: string;
  /** The address the message went (or goes) to; empty when the account has none. */
  email: string;
  status: JournalStatus;
  /** Why it failed or needs checking; empty otherwise. */
  error: string;
  /** Send calls made for this account, over every run of the campaign. */
  attempts: number;
  /** When the status last changed, ISO 8601 UTC. */
  time: string;
}

/**
 * Where a journal lives. `save` inserts or replaces entries by (campaignId, login) and must be
 * one write for the whole list: the step calls it once per batch, never once per message.
 */
export interface JournalStore {
  load(campaignId: string): JournalEntry[];
  save(entries: readonly JournalEntry[]): void;
}

/** An entry's key in a journal: its campaign and its login. */
export function journalKey(entry: Pick<JournalEntry, 'campaignId' | 'login'>): string {
  return `${entry.campaignId}\u0000${entry.login}`;
}

/**
 * A store in memory, entries in the order first saved: the tests' store, and the CLI's
 * journal.csv once read (it writes the whole map back after each save).
 */
export class MemoryJournalStore implements JournalStore {
  readonly entries = new Map<string, JournalEntry>();
  saves = 0;

  campaignIds(): string[] {
    return [...new Set([...this.entries.values()].map((entry) => entry.campaignId))];
  }

  load(campaignId: string): JournalEntry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.campaignId === campaignId)
      .map((entry) => ({ ...entry }));
  }

  save(entries: readonly JournalEntry[]): void {
    this.saves++;
    for (const entry of entries) this.entries.set(journalKey(entry), { ...entry });
  }
}

/** The journal's columns, in the sheet tab and in journal.csv. */
export const JOURNAL_HEADER = [
  'Campagne',
  'Horodatage',
  'Identifiant',
  'Nom',
  'Courriel',
  'Statut',
  'Erreur',
  'Tentatives',
] as const;

export function entryToRow(entry: JournalEntry): string[] {
  return [
    entry.campaignId,
    entry.time,
    entry.login,
    entry.name,
    entry.email,
    entry.status,
    entry.error,
    String(entry.attempts),
  ];
}

// A status as the referent may have typed it: accents, case and spaces aside.
const STATUS_BY_KEY = new Map(STATUSES.map((status) => [nameKey(status), status]));

/**
 * An entry read back from a row. The referent may have edited the tab: a status typed without
 * accents is understood, an unknown one becomes « à vérifier » (never sent blindly, never dropped).
 */
export function rowToEntry(row: readonly unknown[]): JournalEntry | null {
  const cell = (i: number) =>
    row[i] === undefined || row[i] === null ? '' : String(row[i]).trim();
  const time = row[1] instanceof Date ? row[1].toISOString() : cell(1);
  const login = cell(2);
  if (cell(0) === '' || login === '') return null;
  const written = cell(5);
  const status = STATUS_BY_KEY.get(nameKey(written));
  const attempts = Number.parseInt(cell(7), 10);
  return {
    campaignId: cell(0),
    time,
    login,
    name: cell(3),
    email: cell(4),
    status: status ?? UNVERIFIED,
    error: status ? cell(6) : `statut illisible : « ${written} »`,
    attempts: Number.isFinite(attempts) && attempts >= 0 ? attempts : 0,
  };
}
