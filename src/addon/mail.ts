// The e-mail campaign's entry points (SPEC §5, docs/MAIL.md): each maps the core's decisions onto
// GmailApp, MailApp, the journal tab, the document lock, document properties and ScriptApp.
import type {
  JobStatus,
  MailConfirmation,
  MailOutcome,
  Reply,
  SelectionRequest,
  TestMailResult,
} from '../core/contract';
import { messages } from '../core/i18n';
import {
  STEP_DEADLINE_MS,
  TRIGGER_DEADLINE_MS,
  campaignIdToStart,
  cancelCampaign,
  confirmationOf,
  continueAction,
  isUnfinished,
  jobStatusOf,
  otherRunActive,
  outcomeOf,
  runRefusal,
  sentFolderQuery,
  triggerAfter,
  type StoredCampaign,
} from '../core/mail/campaign';
import { errorText } from '../core/mail/errors';
import type { JournalEntry } from '../core/mail/journal';
import { buildMessage, buildTestMessages, type MailMessage } from '../core/mail/message';
import { planCampaign } from '../core/mail/plan';
import { countStatuses, runCampaignStep, type ProbeResult } from '../core/mail/step';
import type { Account } from '../core/types';
import { JOURNAL_HEADER, JOURNAL_TAB } from '../core/mail/journal';
import { SheetJournalStore, type JournalSheet } from './mail-journal-sheet';
import { fail, language, localNow, readSelection } from './selection';
import { parseStored } from './stored';
import { readSettings } from './settings';

const CAMPAIGN_KEY = 'publipostage.mail.campaign';
export const RESUME_HANDLER = 'resumeMailFromTrigger';
/** Journal rows added at a time when the tab is full: a write per growth, not per account. */
const GROW_ROWS = 1000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function readStored(): StoredCampaign | null {
  return parseStored(
    PropertiesService.getDocumentProperties().getProperty(CAMPAIGN_KEY),
  ) as StoredCampaign | null;
}

function writeStored(campaign: StoredCampaign): void {
  PropertiesService.getDocumentProperties().setProperty(CAMPAIGN_KEY, JSON.stringify(campaign));
}

/** Text cells only: a login like "00123" must come back as written, or it would be sent twice. */
function formatAsText(sheet: Sheet, fromRow: number, rows: number): void {
  sheet.getRange(fromRow, 1, rows, JOURNAL_HEADER.length).setNumberFormat('@');
}

/** The « Journal publipostage » tab as the store sees it, grown by a thousand rows when full. */
function journalSheet(spreadsheet: Spreadsheet, create: boolean): JournalSheet | null {
  let sheet = spreadsheet.getSheetByName(JOURNAL_TAB);
  if (!sheet) {
    if (!create) return null;
    sheet = spreadsheet.insertSheet(JOURNAL_TAB);
    formatAsText(sheet, 1, sheet.getMaxRows());
    sheet.setFrozenRows(1);
  }
  const tab = sheet;
  let maxRows = tab.getMaxRows();
  return {
    getLastRow: () => tab.getLastRow(),
    getRange: (row, column, numRows, numColumns) => {
      const last = row + numRows - 1;
      if (last > maxRows) {
        const added = Math.max(GROW_ROWS, last - maxRows);
        tab.insertRowsAfter(maxRows, added);
        formatAsText(tab, maxRows + 1, added);
        maxRows += added;
      }
      return tab.getRange(row, column, numRows, numColumns);
    },
  };
}

function sendMessage(message: MailMessage): void {
  GmailApp.sendEmail(message.to, message.subject, message.text, {
    htmlBody: message.html,
    name: message.fromName,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
  });
}

function ensureTrigger(): void {
  const exists = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === RESUME_HANDLER,
  );
  if (!exists) ScriptApp.newTrigger(RESUME_HANDLER).timeBased().everyHours(1).create();
}

function removeTrigger(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === RESUME_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
}

/** The trigger as the core says it should be after the campaign reached this state. */
function followTrigger(state: StoredCampaign['state']): void {
  const trigger = triggerAfter(state);
  if (trigger === 'install') ensureTrigger();
  else if (trigger === 'remove') removeTrigger();
}

/** Runs `action` under the document lock; a second window gets a French refusal. */
function locked<T>(action: () => Reply<T>): Reply<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return fail(messages(language()).mail.errors.busy);
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}

interface StepResult {
  status: JobStatus<MailOutcome>;
  state: MailOutcome['state'];
}

/** One step of the stored campaign (the lock is held): send, record, then save where it stands. */
function step(
  spreadsheet: Spreadsheet,
  campaign: StoredCampaign,
  retryFailed: boolean,
  startedAt: number,
): Reply<StepResult> {
  const selection = readSelection(spreadsheet, campaign.request);
  if (!selection.ok) return selection;
  // Saved first: a run stopped in the middle (the time limit) leaves its campaign to resume.
  writeStored({ ...campaign, lastStepAt: startedAt });
  const accounts = selection.value.accounts;
  const settings = readSettings();
  const build = (account: Account) =>
    buildMessage(account, settings, { language: campaign.language });
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  // The crash window: was a claimed message sent? Gmail's Sent folder says.
  const probe = (entry: JournalEntry): ProbeResult => {
    const account = byLogin.get(entry.login);
    if (!account || entry.email === '') return 'unknown';
    try {
      const query = sentFolderQuery(entry.email, build(account).subject, entry.time);
      return GmailApp.search(query, 0, 1).length > 0 ? 'sent' : 'not-sent';
    } catch {
      return 'unknown';
    }
  };
  const store = new SheetJournalStore(journalSheet(spreadsheet, true)!);
  const report = runCampaignStep({
    campaignId: campaign.id,
    accounts,
    store,
    build,
    send: sendMessage,
    probe,
    now: () => Date.now(),
    remainingQuota: MailApp.getRemainingDailyQuota(),
    shouldStop: () => Date.now() - startedAt > STEP_DEADLINE_MS,
    retryFailed,
  });
  const now = Date.now();
  // The store keeps what it read and wrote: loading the entries back makes no sheet call.
  const entries = store.load(campaign.id);
  const outcome = outcomeOf(campaign.id, report.state, entries, accounts, now);
  writeStored({ ...campaign, state: report.state, lastStepAt: now });
  followTrigger(report.state);
  const status = jobStatusOf(report, outcome, campaign.language);
  return { ok: true, value: { status: { ...status, jobId: campaign.runId }, state: report.state } };
}

const asStatus = (reply: Reply<StepResult>): Reply<JobStatus<MailOutcome>> =>
  reply.ok ? { ok: true, value: reply.value.status } : reply;

/** « Envoyer par courriel »'s confirmation: the plan's counts and today's quota, nothing sent. */
export function planMail(request: SelectionRequest): Reply<MailConfirmation> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = readSelection(spreadsheet, request);
  if (!selection.ok) return selection;
  const stored = readStored();
  const id = campaignIdToStart(stored, localNow(spreadsheet, 'yyyy-MM-dd'));
  const sheet = journalSheet(spreadsheet, false);
  const journal = sheet ? new SheetJournalStore(sheet).load(id) : [];
  const quota = MailApp.getRemainingDailyQuota();
  const accounts = selection.value.accounts;
  const plan = planCampaign(id, accounts, journal, quota, {
    retryFailed: true,
    time: new Date().toISOString(),
  });
  return {
    ok: true,
    value: confirmationOf(id, plan, journal, accounts, quota, isUnfinished(stored)),
  };
}

/** « M'envoyer un test »: the two examples to the referent's own address, subject [TEST]. */
export function sendTestMail(): Reply<TestMailResult> {
  const lang = language();
  const t = messages(lang).mail.errors;
  const to = Session.getActiveUser().getEmail();
  let examples: MailMessage[];
  try {
    examples = buildTestMessages(readSettings(), to, lang);
  } catch {
    return fail(t.noReferentAddress);
  }
  if (MailApp.getRemainingDailyQuota() < examples.length) return fail(t.quotaSpent);
  try {
    examples.forEach(sendMessage);
  } catch (error) {
    return fail(t.sendFailed(errorText(error)));
  }
  return {
    ok: true,
    value: { to, count: examples.length, remainingQuota: MailApp.getRemainingDailyQuota() },
  };
}

/** « Envoyer par courriel », confirmed: a new run on this selection, its first step. */
export function startMail(request: SelectionRequest, runId: string): Reply<JobStatus<MailOutcome>> {
  const startedAt = Date.now();
  return locked(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const stored = readStored();
    if (otherRunActive(stored, runId, startedAt)) {
      return fail(messages(language()).mail.errors.busy);
    }
    const campaign: StoredCampaign = {
      id: campaignIdToStart(stored, localNow(spreadsheet, 'yyyy-MM-dd')),
      request,
      language: language(),
      state: 'running',
      runId,
      lastStepAt: startedAt,
    };
    return asStatus(step(spreadsheet, campaign, true, startedAt));
  });
}

/** The sidebar's loop: the next step of its run. */
export function continueMail(jobId: string): Reply<JobStatus<MailOutcome>> {
  const startedAt = Date.now();
  return locked(() => {
    const stored = readStored();
    const action = continueAction(stored, jobId, startedAt);
    if (action === 'noCampaign' || action === 'busy') {
      return fail(messages(language()).mail.errors[action]);
    }
    if (action === 'report') return { ok: true, value: statusOfStored(stored!, jobId) };
    const campaign = { ...stored!, runId: jobId, state: 'running' as const };
    return asStatus(step(SpreadsheetApp.getActiveSpreadsheet(), campaign, false, startedAt));
  });
}

/** « Reprendre »: a new run of the stored campaign, on its own selection; failures tried again. */
export function resumeMail(runId: string): Reply<JobStatus<MailOutcome>> {
  const startedAt = Date.now();
  return locked(() => {
    const stored = readStored();
    const refusal = runRefusal(stored, runId, startedAt);
    if (refusal !== null) return fail(messages(language()).mail.errors[refusal]);
    const campaign = { ...stored!, runId, state: 'running' as const };
    return asStatus(step(SpreadsheetApp.getActiveSpreadsheet(), campaign, true, startedAt));
  });
}

/** Where the stored campaign stands, read from its journal: the status of a run that is over. */
function statusOfStored(stored: StoredCampaign, jobId: string): JobStatus<MailOutcome> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = journalSheet(spreadsheet, false);
  const entries = sheet ? new SheetJournalStore(sheet).load(stored.id) : [];
  const counts = countStatuses(entries);
  const selection = readSelection(spreadsheet, stored.request);
  const accounts = selection.ok ? selection.value.accounts : [];
  const now = Date.now();
  const outcome = outcomeOf(stored.id, stored.state, entries, accounts, now);
  const status = jobStatusOf({ counts, total: entries.length }, outcome, stored.language);
  return { ...status, jobId, done: true, result: outcome };
}

/** « Annuler »: the run stops after its step; what waits stays in the journal for « Reprendre ». */
export function cancelMail(jobId: string): Reply<JobStatus<MailOutcome>> {
  return locked(() => {
    const stored = readStored();
    const refusal = runRefusal(stored, jobId, Date.now());
    if (refusal !== null) return fail(messages(language()).mail.errors[refusal]);
    const cancelled = cancelCampaign(stored!, Date.now());
    writeStored(cancelled);
    followTrigger(cancelled.state);
    return { ok: true, value: statusOfStored(cancelled, jobId) };
  });
}

/**
 * The hourly trigger installed when the quota ran out: does nothing while the quota reads 0,
 * chains steps while it has time, and removes itself once the campaign is over.
 */
export function resumeMailFromTrigger(_event?: GoogleAppsScript.Events.TimeDriven): void {
  const startedAt = Date.now();
  const stored = readStored();
  if (!stored || triggerAfter(stored.state) === 'remove') {
    removeTrigger();
    return;
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return;
  try {
    const runId = `trigger-${Utilities.getUuid()}`;
    if (otherRunActive(stored, runId, startedAt)) return;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const campaign: StoredCampaign = { ...stored, runId, state: 'running' };
    while (Date.now() - startedAt < TRIGGER_DEADLINE_MS) {
      if (MailApp.getRemainingDailyQuota() <= 0) return;
      // Failures wait for the referent's « Reprendre »: an hourly retry would hammer a bad address.
      const reply = step(spreadsheet, campaign, false, Date.now());
      if (!reply.ok || reply.value.state !== 'running') return;
    }
  } finally {
    lock.releaseLock();
  }
}
