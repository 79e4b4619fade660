// The add-on's campaign around the steps: which campaign a click starts or continues, who may
// drive it, what the confirmation and the progress bar show, when the hourly resume is needed.
// Pure: the adapter passes the clock, the stored record and the run ids in.
import type {
  JobStatus,
  MailConfirmation,
  MailOutcome,
  SelectionRequest,
  SkippedAccount,
} from '../contract';
import { messages } from '../i18n';
import type { Language } from '../present';
import { displayName } from '../present';
import type { Account, Filters, Settings } from '../types';
import { filtersSentence } from '../filters-sentence';
import {
  FAILED,
  FINAL_STATUSES,
  SENT,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  UNVERIFIED,
  WAITING_QUOTA,
  type JournalEntry,
  type JournalStatus,
} from './journal';
import type { CampaignPlan, SkipReason } from './plan';
import { countStatuses, type StepReport } from './step';

/** What the add-on keeps of the current campaign (document properties), for « Reprendre » and the trigger. */
export interface StoredCampaign {
  id: string;
  request: SelectionRequest;
  language: Language;
  state: MailOutcome['state'];
  /** The run (one sidebar's loop, or the trigger) that drives it now. */
  runId: string;
  /** When that run last finished a step, ms since the epoch. */
  lastStepAt: number;
  /**
   * Earlier selections of the unfinished campaign: their waiting accounts stay in the queue
   * whatever is sent next (at most MAX_QUEUED; empty once the campaign is complete).
   */
  queued?: SelectionRequest[];
  /** The settings of the last sidebar action: the hourly trigger cannot read the document's. */
  settings?: Settings;
  /** The step running now, if any: who runs it, until when it may (LEASE_MS). */
  lease?: { runId: string; user: string; until: number } | null;
  /** Who has sent for this campaign: a Sent folder is per user, so only they can tell. */
  senders?: string[];
  /** The user of the last step: claims it left are for their Sent folder only. */
  lastSender?: string;
  /** Messages sent by the current run (one « Envoyer » or « Reprendre »), over its steps. */
  runSent?: number;
}

/** A step's exclusive right to send: well past a step (30 s + one message), under 6 minutes. */
export const LEASE_MS = 2 * 60_000;
/** Selections a campaign may queue while it waits; the record stays small (properties, metadata). */
export const MAX_QUEUED = 8;

/** Senders a campaign remembers: the record stays small (developer metadata). */
export const MAX_SENDERS = 10;

/** The campaign once `me` makes a step: `me` last sender, added to the senders (the latest kept). */
export function withSender(
  stored: StoredCampaign,
  me: string,
): Pick<StoredCampaign, 'senders' | 'lastSender'> {
  const senders = stored.senders ?? [];
  const kept = senders.includes(me) ? senders : [...senders, me].slice(-MAX_SENDERS);
  return { senders: kept, lastSender: me };
}

/**
 * What `me` may look up in their Sent folder before a step (a message is found only by its
 * sender): the last step's claims if it was theirs; the accounts without a journal row once the
 * campaign has sent (null before: nothing to look up), and only if every sender was `me`.
 */
export function sentFolderRights(
  stored: StoredCampaign,
  me: string,
): { claims: boolean; rowless: boolean | null } {
  const senders = stored.senders ?? [];
  return {
    claims: (stored.lastSender ?? me) === me,
    rowless: senders.length === 0 ? null : senders.every((sender) => sender === me),
  };
}

/** The campaign's selections: the last one, then those still queued, each once. */
export function requestsOf(stored: StoredCampaign): SelectionRequest[] {
  const all = [stored.request, ...(stored.queued ?? [])];
  const seen = new Set<string>();
  return all.filter((request) => {
    const key = JSON.stringify(request);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A new « Envoyer » on `request`: an unfinished campaign keeps its earlier selections queued (what
 * waits stays waiting until sent, refused or cancelled); a new campaign starts with this one.
 * Null when the queue is full.
 */
export function queueRequest(
  stored: StoredCampaign | null,
  request: SelectionRequest,
): Pick<StoredCampaign, 'request' | 'queued'> | null {
  if (!stored || !isUnfinished(stored)) return { request, queued: [] };
  const previous = requestsOf(stored).filter((r) => JSON.stringify(r) !== JSON.stringify(request));
  if (previous.length >= MAX_QUEUED) return null;
  return { request, queued: previous };
}

/** Another step holds the lease now (a sidebar, another referent, the trigger): busy. */
export function leaseRefusal(stored: StoredCampaign | null, runId: string, now: number): boolean {
  const lease = stored?.lease;
  return !!lease && lease.runId !== runId && lease.until > now;
}

/** A run silent for this long has stopped (a closed sidebar): another may take over. */
export const RUN_IDLE_MS = 90_000;
/** A step stops sending at this age; Apps Script stops a run at 6 minutes. */
export const STEP_DEADLINE_MS = 30_000;
/** The trigger's runs chain steps up to this age, far from the 6 minutes. */
export const TRIGGER_DEADLINE_MS = 4 * 60_000;
/** Gmail gives the day's quota back within a day of the sends. */
const QUOTA_WINDOW_MS = 24 * 3600_000;

/** `courriel-AAAA-MM-JJ`, the CLI's default too: one campaign a day unless one is unfinished. */
export function campaignIdFor(day: string): string {
  return `courriel-${day}`;
}

export function isUnfinished(stored: StoredCampaign | null): boolean {
  return stored !== null && stored.state !== 'complete';
}

/**
 * The campaign a click on « Envoyer » works on: the unfinished one (its waiting accounts must
 * not be forgotten), else today's. Same day, same id: nobody gets the same message twice a day.
 */
export function campaignIdToStart(stored: StoredCampaign | null, today: string): string {
  return stored && isUnfinished(stored) ? stored.id : campaignIdFor(today);
}

/** Whether another run drives the campaign now: its last step is recent and it is not over. */
export function otherRunActive(stored: StoredCampaign | null, runId: string, now: number): boolean {
  return (
    stored !== null &&
    stored.runId !== runId &&
    stored.state === 'running' &&
    now - stored.lastStepAt < RUN_IDLE_MS
  );
}

/**
 * Why a run may not act on the stored campaign now (continue, resume, cancel), or null: there is
 * none, or another run drives it.
 */
export function runRefusal(
  stored: StoredCampaign | null,
  runId: string,
  now: number,
): 'noCampaign' | 'busy' | null {
  if (stored === null) return 'noCampaign';
  return otherRunActive(stored, runId, now) ? 'busy' : null;
}

/**
 * The sidebar's loop asks for its run's next step: a refusal, a step, or, once the campaign is
 * no longer running (cancelled, finished, waiting), only where it stands: « Reprendre » starts a
 * new run, the loop does not.
 */
export function continueAction(
  stored: StoredCampaign | null,
  runId: string,
  now: number,
): 'noCampaign' | 'busy' | 'report' | 'step' {
  const refusal = runRefusal(stored, runId, now);
  if (refusal !== null) return refusal;
  return stored!.state === 'running' ? 'step' : 'report';
}

/**
 * « Annuler »: the campaign stops, what waits stays in the journal for « Reprendre »; a campaign
 * already complete stays complete.
 */
export function cancelCampaign(stored: StoredCampaign, now: number): StoredCampaign {
  const state = stored.state === 'complete' ? 'complete' : 'cancelled';
  return { ...stored, state, lastStepAt: now };
}

/**
 * What to do with the hourly resume trigger after a step, given the campaign's state (none
 * stored: nothing left to resume). It exists while the campaign waits for quota; a running one
 * keeps it (its next step decides); an ended one removes it.
 */
export function triggerAfter(
  state: MailOutcome['state'] | undefined,
): 'install' | 'keep' | 'remove' {
  if (state === 'waiting-quota') return 'install';
  return state === 'running' ? 'keep' : 'remove';
}

/**
 * The strategy's letters half: the accounts this campaign does not e-mail because of their
 * address, in the selection's order, once per login, with the reason. From the plan (before
 * sending) or the journal (after a step): a login met twice is one account, and an account
 * already `envoyé` is not listed even if its address has gone since, so the list and the
 * « ignorés » counts are the same accounts.
 */
export function skippedAccounts(
  skipped: readonly { account: Account; reason: SkipReason }[],
): SkippedAccount[] {
  return skipped.map(({ account, reason }) => ({
    login: account.login,
    name: displayName(account),
    reason,
  }));
}

/** The selection's accounts whose journal entry says the campaign skipped them, once per login. */
function skippedInJournal(
  entries: readonly JournalEntry[],
  accounts: readonly Account[],
): { account: Account; reason: SkipReason }[] {
  const reasons = new Map<string, SkipReason>();
  for (const entry of entries) {
    if (entry.status === SKIPPED_NO_EMAIL || entry.status === SKIPPED_INVALID) {
      reasons.set(entry.login, entry.status);
    }
  }
  const seen = new Set<string>();
  return accounts.flatMap((account) => {
    const reason = reasons.get(account.login);
    if (reason === undefined || seen.has(account.login)) return [];
    seen.add(account.login);
    return [{ account, reason }];
  });
}

/**
 * The confirmation of a plan over `accounts`, every selection the campaign holds; `selected`,
 * the one just asked for (its size is the total said; the others' accounts come from earlier).
 */
export function confirmationOf(
  campaignId: string,
  plan: CampaignPlan,
  journal: readonly JournalEntry[],
  accounts: readonly Account[],
  remainingQuota: number,
  unfinished: boolean,
  selected: readonly Account[] = accounts,
): MailConfirmation {
  const failedBefore = new Set(
    journal.filter((e) => e.campaignId === campaignId && e.status === FAILED).map((e) => e.login),
  );
  const skipped = skippedAccounts(plan.skipped);
  const asked = new Set(selected.map((a) => a.login));
  return {
    campaignId,
    total: selected.length,
    fromEarlier: accounts.filter((a) => !asked.has(a.login)).length,
    toSend: plan.toSend.length,
    waitingQuota: plan.waitingQuota.length,
    skippedNoEmail: skipped.filter((s) => s.reason === SKIPPED_NO_EMAIL).length,
    skippedInvalid: skipped.filter((s) => s.reason === SKIPPED_INVALID).length,
    alreadySent: plan.alreadySent.length,
    failedToRetry: plan.toSend.filter((a) => failedBefore.has(a.login)).length,
    unverified: plan.unverified.length,
    remainingQuota: Math.max(0, Math.floor(remainingQuota)),
    unfinished,
    nothingToSend: plan.toSend.length + plan.waitingQuota.length === 0,
    skipped,
  };
}

/**
 * The outcome the sidebar shows, from the campaign's journal entries after a step. The skipped
 * are the selection's (those the letters half can print), counted as listed.
 */
export function outcomeOf(
  campaignId: string,
  state: MailOutcome['state'],
  entries: readonly JournalEntry[],
  accounts: readonly Account[],
  now: number,
): MailOutcome {
  const counts = countStatuses(entries);
  // The count is the journal's; the list names those of them in the selection, which is all of
  // them unless the sheet changed since (a renamed tab cannot be read: no one to name).
  const skipped = skippedAccounts(skippedInJournal(entries, accounts));
  return {
    campaignId,
    state,
    total: entries.length,
    sent: counts[SENT],
    skipped: counts[SKIPPED_NO_EMAIL] + counts[SKIPPED_INVALID],
    failed: counts[FAILED],
    unverified: counts[UNVERIFIED],
    waitingQuota: counts[WAITING_QUOTA],
    resumeAfter: state === 'waiting-quota' ? new Date(now + QUOTA_WINDOW_MS).toISOString() : null,
    skippedAccounts: state === 'running' ? [] : skipped,
  };
}

/** Final entries (sent, skipped, failed, to check) out of all: the progress bar. */
function finalCount(counts: Record<JournalStatus, number>): number {
  return FINAL_STATUSES.reduce((total, status) => total + counts[status], 0);
}

/**
 * The job status of a step: done once nothing more can happen today (complete, waiting for
 * quota, or cancelled), so the sidebar's loop stops.
 */
export function jobStatusOf(
  report: Pick<StepReport, 'counts' | 'total'>,
  outcome: MailOutcome,
  language: Language,
): JobStatus<MailOutcome> {
  const t = messages(language).mail;
  const done = outcome.state !== 'running';
  return {
    jobId: outcome.campaignId,
    done,
    processed: finalCount(report.counts),
    total: report.total,
    label: t.progress(outcome.sent, report.total),
    ...(done ? { result: outcome } : {}),
  };
}

/**
 * The Gmail search that finds a message of the campaign in the Sent folder: recipient and the
 * message's reference (`messageReference`, which no setting changes), since the day before
 * `since` when it is a date.
 */
export function sentFolderQuery(to: string, reference: string, since: string): string {
  const time = Date.parse(since);
  if (Number.isNaN(time)) return `in:sent to:${to} "${reference}"`;
  // The day before, whatever the time zones of Gmail and of the journal's time.
  const day = new Date(time - 86_400_000).toISOString().slice(0, 10).replace(/-/g, '/');
  return `in:sent to:${to} "${reference}" after:${day}`;
}

/**
 * Whether the selection about to be e-mailed is not the one the last preview showed (issue 14
 * #6): the preview tab's head (its first column's cells, from A1) must hold this selection's
 * total line and filters line, wherever buildPreviewTab puts them. No preview tab: false.
 */
export function differsFromPreview(
  previewCells: readonly unknown[] | null,
  total: number,
  filters: Filters,
  language: Language,
): boolean {
  if (!previewCells) return false;
  const all = messages(language);
  const expected = [
    all.summary.total(total),
    all.typography.labelled(all.previewTab.filters, filtersSentence(filters, language)),
  ];
  const lines = new Set(previewCells.map((cell) => String(cell ?? '').trim()));
  return expected.some((line) => !lines.has(line));
}
