// The campaign plan (SPEC §5): who gets a message now, who is skipped and why, who was already
// served, and what waits for tomorrow's quota. Pure: the journal in, the next journal out.
import { displayName } from '../present';
import type { Account } from '../types';
import { isSendableAddress } from './address';
import {
  FAILED,
  PENDING,
  SENDING,
  SENT,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  UNVERIFIED,
  WAITING_QUOTA,
  type JournalEntry,
  type JournalStatus,
} from './journal';

export type SkipReason = typeof SKIPPED_NO_EMAIL | typeof SKIPPED_INVALID;

export interface CampaignPlan {
  /** The whole journal after planning: the selection's accounts in order, then older entries. */
  entries: JournalEntry[];
  /** What differs from the journal given: to save before sending anything. */
  changed: JournalEntry[];
  /** To send now, in order: what fits in the remaining quota. */
  toSend: Account[];
  /** To send, beyond today's quota. */
  waitingQuota: Account[];
  skipped: Array<{ account: Account; reason: SkipReason }>;
  /** Already `envoyé` in this campaign: never sent again. */
  alreadySent: JournalEntry[];
  /** `échec` entries kept as they are (a run that does not retry failures). */
  failed: JournalEntry[];
  /** `à vérifier`: the referent decides (checks Gmail's Sent folder), nothing is resent. */
  unverified: JournalEntry[];
  /** Later rows whose login repeats an earlier one: one message per login, these are not sent. */
  duplicateLogins: Account[];
}

export interface PlanOptions {
  /** A new run (« Envoyer », « Reprendre ») retries `échec`; the steps of one run do not. */
  retryFailed?: boolean;
  /** ISO time written on the entries that change. */
  time: string;
}

/** Why an account cannot be sent to, or null when it can. */
export function skipReason(account: Account): SkipReason | null {
  const email = (account.email ?? '').trim();
  if (email === '' || account.emailStatus === 'missing') return SKIPPED_NO_EMAIL;
  if (account.emailStatus !== 'valid' || !isSendableAddress(email)) return SKIPPED_INVALID;
  return null;
}

const sameEntry = (a: JournalEntry, b: JournalEntry) =>
  a.status === b.status && a.email === b.email && a.error === b.error && a.name === b.name;

export function planCampaign(
  campaignId: string,
  accounts: readonly Account[],
  journal: readonly JournalEntry[],
  remainingQuota: number,
  options: PlanOptions,
): CampaignPlan {
  const previous = new Map(
    journal.filter((e) => e.campaignId === campaignId).map((e) => [e.login, e]),
  );
  const plan: CampaignPlan = {
    entries: [],
    changed: [],
    toSend: [],
    waitingQuota: [],
    skipped: [],
    alreadySent: [],
    failed: [],
    unverified: [],
    duplicateLogins: [],
  };
  const seen = new Set<string>();
  let quota = Math.max(0, Math.floor(remainingQuota));

  const keep = (entry: JournalEntry) => plan.entries.push(entry);
  const put = (before: JournalEntry | undefined, entry: JournalEntry) => {
    plan.entries.push(entry);
    if (!before || !sameEntry(before, entry)) plan.changed.push(entry);
  };

  for (const account of accounts) {
    if (seen.has(account.login)) {
      plan.duplicateLogins.push(account);
      continue;
    }
    seen.add(account.login);
    const before = previous.get(account.login);
    const status: JournalStatus | undefined = before?.status;
    if (before && status === SENT) {
      plan.alreadySent.push(before);
      keep(before);
      continue;
    }
    // A claim left by a stopped step is as unknown as a timeout: the step resolves it first.
    if (before && (status === UNVERIFIED || status === SENDING)) {
      plan.unverified.push(before);
      keep(before);
      continue;
    }
    const entry: JournalEntry = {
      campaignId,
      login: account.login,
      name: displayName(account),
      email: (account.email ?? '').trim(),
      status: PENDING,
      error: '',
      attempts: before?.attempts ?? 0,
      time: options.time,
    };
    const reason = skipReason(account);
    if (reason) {
      plan.skipped.push({ account, reason });
      entry.status = reason;
    } else if (before && status === FAILED && !options.retryFailed) {
      plan.failed.push(before);
      keep(before);
      continue;
    } else if (quota > 0) {
      quota--;
      plan.toSend.push(account);
    } else {
      plan.waitingQuota.push(account);
      entry.status = WAITING_QUOTA;
    }
    // A waiting account keeps « en attente : quota » until a step has quota for it.
    if (entry.status === PENDING && status === WAITING_QUOTA) entry.status = WAITING_QUOTA;
    // …and its note (a message turned away in an earlier run: step.ts counts those runs).
    const unsent = (s?: JournalStatus) => s === PENDING || s === WAITING_QUOTA;
    if (unsent(status) && unsent(entry.status)) {
      entry.error = before!.error;
    }
    if (before && sameEntry(before, entry)) keep(before);
    else put(before, { ...entry, time: options.time });
  }

  // Entries of accounts no longer in the selection: kept; an unfinished one cannot be sent.
  for (const [login, before] of previous) {
    if (seen.has(login)) continue;
    if (before.status === PENDING || before.status === WAITING_QUOTA) {
      put(before, {
        ...before,
        status: FAILED,
        error: 'compte absent de la sélection : message non envoyé',
        time: options.time,
      });
    } else keep(before);
  }
  return plan;
}
