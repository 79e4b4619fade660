// One step of a campaign (SPEC §5): a few dozen messages, well under Apps Script's time limit.
// The sidebar (or the hourly trigger, or the CLI) calls steps until the campaign is complete.
import type { Account } from '../types';
import { backoffMs, errorText } from './errors';
import {
  FAILED,
  PENDING,
  SENDING,
  SENT,
  STATUSES,
  UNVERIFIED,
  WAITING_QUOTA,
  isFinal,
  type JournalEntry,
  type JournalStatus,
  type JournalStore,
} from './journal';
import type { MailMessage } from './message';
import { planCampaign, skipReason } from './plan';
import { displayName } from '../present';

/** Did this account's message leave? Gmail's Sent folder, or the outbox, can answer. */
export type ProbeResult = 'sent' | 'not-sent' | 'unknown';

export interface StepInput {
  campaignId: string;
  /** The campaign's selection, in sort order. */
  accounts: readonly Account[];
  store: JournalStore;
  build(account: Account): MailMessage;
  /** Sends one message; throws on failure (GmailApp.sendEmail, or writing an .eml file). */
  send(message: MailMessage): void;
  /** Resolves a message whose outcome is unknown; without it such a message is « à vérifier ». */
  probe?(entry: JournalEntry): ProbeResult;
  /** The clock, in milliseconds since the epoch. */
  now(): number;
  /** MailApp.getRemainingDailyQuota(), read just before the step. */
  remainingQuota: number;
  /** Messages this step may send at most. */
  maxMessages?: number;
  /** Messages per journal write (one write to claim a batch, one to record its outcomes). */
  batchSize?: number;
  /** True when the step should stop (its deadline); checked before each send but the first. */
  shouldStop?(): boolean;
  /** Send calls per message in one step when the service turns it away (transient errors). */
  maxAttempts?: number;
  /** A new run: `échec` entries are tried again (« Reprendre »). */
  retryFailed?: boolean;
  /**
   * MailApp.getRemainingDailyQuota() read again after a failed call that did not leave: 0 or less
   * means the quota is spent. Without it, the step's own count from `remainingQuota`.
   */
  readQuota?(): number;
  /** Utilities.sleep: the pause before a retry. */
  sleep?(ms: number): void;
  /**
   * Set once the campaign has sent (its record says so, not the journal): an account with no
   * entry may have its message (the journal edited or lost), so `probe` is asked before it is
   * planned, at most `max` a step; the others are left out of this step (issue 14 #3).
   */
  rowless?: { probe(account: Account): ProbeResult; max?: number };
}

/** The journal's error of an account found without its entry and whose message nobody can tell. */
const ROW_MISSING = "ligne du journal disparue : vérifier dans les messages envoyés s'il est parti";

export type CampaignState = 'running' | 'waiting-quota' | 'complete';

export interface StepReport {
  /** complete: every entry final; waiting-quota: the rest waits for tomorrow; running: call again. */
  state: CampaignState;
  /** Accounts without an entry left for a later step's check (`rowless.max`). */
  deferred: number;
  /** Messages sent by this step. */
  sent: number;
  /** Send calls made by this step, retries included. */
  calls: number;
  total: number;
  counts: Record<JournalStatus, number>;
}

export const DEFAULT_MAX_MESSAGES = 50;
export const DEFAULT_BATCH_SIZE = 25;
export const DEFAULT_MAX_ATTEMPTS = 3;

const iso = (ms: number) => new Date(ms).toISOString();

/** Quota windows in which a message may be turned away on every attempt, undecided, before it is échec. */
const MAX_UNDECIDED = 2;
/** Gmail's quota renews 24 hours after the first send (the quotas page). */
const QUOTA_WINDOW_MS = 24 * 3600_000;
// Its own note, read back; U+00A0 before the colon, or a space in a journal written before.
const UNDECIDED = /^refusé à chaque essai \((\d+)\) depuis (\S+)[\u00a0 ]:/;

/** A message turned away on every attempt: its entry, earlier undecided runs, since when. */
interface Undecided {
  entry: JournalEntry;
  count: number;
  from: string;
}

/** The journal's note on a message turned away while the quota read more than 0. */
function undecidedNote(count: number, since: string): string {
  return `refusé à chaque essai (${count}) depuis ${since} : nouvel essai au prochain passage`;
}

function undecidedCount(error: string): number {
  return Number(UNDECIDED.exec(error)?.[1] ?? 0);
}

function undecidedSince(error: string): number {
  return Date.parse(UNDECIDED.exec(error)?.[2] ?? '');
}

/** Each account's journal entry, by state, for the report and the sidebar's progress bar. */
export function countStatuses(entries: readonly JournalEntry[]): Record<JournalStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<JournalStatus, number>;
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

/** Where a campaign stands, given its journal and what is left of today's quota. */
export function campaignState(
  entries: readonly JournalEntry[],
  remainingQuota: number,
): CampaignState {
  if (entries.every((entry) => isFinal(entry.status))) return 'complete';
  return remainingQuota > 0 ? 'running' : 'waiting-quota';
}

/**
 * Sends the next messages of a campaign and records every outcome.
 *
 * Crash window: Apps Script cannot send and write atomically, and writes go by batch. So a batch
 * is first claimed in one write (`envoi en cours`), then sent, then its outcomes are written in
 * one write. A step that is stopped in between leaves claims behind; the next step asks `probe`
 * about each (did it leave?) and, without an answer, marks it « à vérifier »: never sent twice,
 * never silently lost.
 */
export function runCampaignStep(input: StepInput): StepReport {
  const maxMessages = input.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const batchSize = Math.max(1, input.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxAttempts = Math.max(1, input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const time = () => iso(input.now());

  // 1. Claims left by a stopped step.
  const journal = input.store.load(input.campaignId);
  const resolved: JournalEntry[] = [];
  for (const entry of journal) {
    if (entry.status !== SENDING) continue;
    const outcome = input.probe ? input.probe(entry) : 'unknown';
    // A claim whose call may have happened counts as an attempt.
    if (outcome !== 'not-sent') entry.attempts++;
    if (outcome === 'sent') Object.assign(entry, { status: SENT, error: '' });
    else if (outcome === 'not-sent') Object.assign(entry, { status: PENDING, error: '' });
    else {
      Object.assign(entry, {
        status: UNVERIFIED,
        error: "envoi interrompu : vérifier dans les messages envoyés s'il est parti",
      });
    }
    entry.time = time();
    resolved.push(entry);
  }
  if (resolved.length > 0) input.store.save(resolved);

  // 2. Accounts without an entry in a campaign that has sent: did their message leave?
  let accounts = input.accounts;
  let deferred = 0;
  if (input.rowless) {
    const known = new Set(journal.map((entry) => entry.login));
    const missing = accounts.filter((a) => !known.has(a.login) && skipReason(a) === null);
    const max = Math.max(0, input.rowless.max ?? 50);
    const found: JournalEntry[] = [];
    for (const account of missing.slice(0, max)) {
      const outcome = input.rowless.probe(account);
      if (outcome === 'not-sent') continue;
      found.push({
        campaignId: input.campaignId,
        login: account.login,
        name: displayName(account),
        email: (account.email ?? '').trim(),
        status: outcome === 'sent' ? SENT : UNVERIFIED,
        error: outcome === 'sent' ? '' : ROW_MISSING,
        attempts: outcome === 'sent' ? 1 : 0,
        time: time(),
      });
    }
    if (found.length > 0) input.store.save(found);
    journal.push(...found);
    const later = new Set(missing.slice(max).map((a) => a.login));
    deferred = later.size;
    if (deferred > 0) accounts = accounts.filter((a) => !later.has(a.login));
  }

  // 3. The plan, saved before anything is sent: every account has its row from the first step.
  let quota = Math.max(0, Math.floor(input.remainingQuota));
  const plan = planCampaign(input.campaignId, accounts, journal, quota, {
    retryFailed: input.retryFailed,
    time: time(),
  });
  if (plan.changed.length > 0) input.store.save(plan.changed);
  const entryOf = new Map(plan.entries.map((entry) => [entry.login, entry]));

  // 3. The sends, batch by batch.
  let sent = 0;
  let calls = 0;
  let quotaOut = false;
  let stopped = false;
  /** The last account turned away on every attempt, with no message sent since. */
  let lastExhausted: Undecided | null = null;
  const markSent = (entry: JournalEntry, to: string) => {
    Object.assign(entry, { status: SENT, error: '', email: to, time: time() });
    sent++;
    quota--;
    lastExhausted = null;
  };
  const readQuota = () => (input.readQuota ? input.readQuota() : quota);
  // Messages turned away in an earlier run go after the others: a day's quota is not spent
  // first on addresses that may be refused.
  const undecidedLast = [
    ...plan.toSend.filter((a) => undecidedCount(entryOf.get(a.login)!.error) === 0),
    ...plan.toSend.filter((a) => undecidedCount(entryOf.get(a.login)!.error) > 0),
  ];
  const queue = undecidedLast.slice(0, Math.max(0, maxMessages));
  for (let start = 0; start < queue.length && !quotaOut && !stopped; start += batchSize) {
    const batch = queue.slice(start, start + batchSize).map((account) => ({
      account,
      entry: entryOf.get(account.login)!,
      before: entryOf.get(account.login)!.status,
    }));
    const extraSaves: JournalEntry[] = [];
    /** An undecided message waits for a later run, with its note; saved with this batch. */
    const park = (undecided: Undecided) => {
      Object.assign(undecided.entry, {
        status: WAITING_QUOTA,
        error: undecidedNote(undecided.count + 1, undecided.from),
        time: time(),
      });
      if (!batch.some((b) => b.entry === undecided.entry)) extraSaves.push(undecided.entry);
    };
    for (const { entry } of batch) Object.assign(entry, { status: SENDING, time: time() });
    input.store.save(batch.map((b) => b.entry));

    for (const item of batch) {
      const { entry } = item;
      if (quotaOut || stopped || (sent + calls > 0 && input.shouldStop?.())) {
        // Released unsent: back to where it was, nothing happened to it.
        stopped = stopped || !quotaOut;
        Object.assign(entry, { status: quotaOut ? WAITING_QUOTA : item.before, time: time() });
        continue;
      }
      const message = input.build(item.account);
      // Turned away in an earlier run: counted once per quota window (nothing new can be
      // learnt before the quota renews).
      const noted = undecidedCount(entry.error);
      const since = undecidedSince(entry.error);
      const sameWindow = noted > 0 && input.now() - since < QUOTA_WINDOW_MS;
      const undecidedBefore = sameWindow ? noted - 1 : noted;
      const undecidedFrom = sameWindow ? iso(since) : time();
      for (let attempt = 1; ; attempt++) {
        calls++;
        entry.attempts++;
        try {
          input.send(message);
          markSent(entry, message.to);
          break;
        } catch (error) {
          // The words of the error are not read (they are in the user's language): facts decide.
          const outcome = input.probe ? input.probe(entry) : 'unknown';
          if (outcome === 'sent') {
            markSent(entry, message.to);
            break;
          }
          if (outcome === 'unknown') {
            Object.assign(entry, {
              status: UNVERIFIED,
              error: `${errorText(error)} : vérifier dans les messages envoyés s'il est parti`,
              time: time(),
            });
            break;
          }
          // It did not leave. The quota, read again, says whether it is spent.
          if (readQuota() <= 0) {
            // Refused before sending: the call does not count as an attempt.
            entry.attempts--;
            Object.assign(entry, { status: WAITING_QUOTA, error: '', time: time() });
            quotaOut = true;
            break;
          }
          if (attempt < maxAttempts) {
            input.sleep?.(backoffMs(attempt));
            continue;
          }
          // Turned away every time, the quota reading more than 0: a refused address, or a
          // service refusing everything (a quota read too high, an outage). What comes next
          // tells: a later message sent, this one is échec; the next one turned away too, both
          // wait and the step stops; nothing (the step ends), this one waits. Undecided in
          // MAX_UNDECIDED runs, it is échec for good.
          Object.assign(entry, {
            status: FAILED,
            error: `${errorText(error)} (après ${attempt} tentatives)`,
            time: time(),
          });
          if (undecidedBefore + 1 >= MAX_UNDECIDED) break;
          if (lastExhausted) {
            park(lastExhausted);
            park({ entry, count: undecidedBefore, from: undecidedFrom });
            lastExhausted = null;
            quotaOut = true;
            break;
          }
          lastExhausted = { entry, count: undecidedBefore, from: undecidedFrom };
          break;
        }
      }
      if (quota <= 0) quotaOut = true;
    }
    const last = start + batchSize >= queue.length || quotaOut || stopped;
    if (last && lastExhausted) {
      // Nothing after it tells: it waits for the next run (the trigger's, within the hour).
      park(lastExhausted);
      quotaOut = true;
      lastExhausted = null;
    }
    input.store.save([...batch.map((b) => b.entry), ...extraSaves]);
  }

  // 4. Out of quota: what remains waits for tomorrow, in the journal too.
  if (quotaOut || quota <= 0) {
    const waiting = plan.entries.filter((entry) => entry.status === PENDING);
    for (const entry of waiting) Object.assign(entry, { status: WAITING_QUOTA, time: time() });
    if (waiting.length > 0) input.store.save(waiting);
  }

  const entries = plan.entries;
  const state = campaignState(entries, quotaOut ? 0 : quota);
  return {
    state: state === 'complete' && deferred > 0 ? 'running' : state,
    deferred,
    sent,
    calls,
    total: entries.length,
    counts: countStatuses(entries),
  };
}
