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
  LEASE_MS,
  STEP_DEADLINE_MS,
  TRIGGER_DEADLINE_MS,
  campaignIdToStart,
  differsFromPreview,
  leaseRefusal,
  queueRequest,
  requestsOf,
  sentFolderRights,
  withSender,
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
import { SENT, type JournalEntry } from '../core/mail/journal';
import {
  buildMessage,
  buildTestMessages,
  messageReference,
  type MailMessage,
} from '../core/mail/message';
import { blockingProblem } from '../core/settings';
import { filtersSentence } from '../core/filters-sentence';
import { PREVIEW_TAB } from '../core/preview-tab';
import { planCampaign } from '../core/mail/plan';
import { countStatuses, runCampaignStep, type ProbeResult } from '../core/mail/step';
import type { Account, Settings } from '../core/types';
import type { Language } from '../core/present';
import { JOURNAL_HEADER, JOURNAL_TAB } from '../core/mail/journal';
import { SheetJournalStore, type JournalSheet } from './mail-journal-sheet';
import { fail, language, localNow, readSelection } from './selection';
import { parseStored } from './stored';
import { readSettings } from './settings';
import { readTexts } from './texts';
import { mailTextId, textSourcesOf, usableTexts, type TextSources } from '../core/texts';

const CAMPAIGN_KEY = 'publipostage.mail.campaign';
/** User property: the spreadsheet a resume trigger works for (one small key per trigger). */
const TRIGGER_KEY = 'publipostage.mail.trigger.';
export const RESUME_HANDLER = 'resumeMailFromTrigger';
/** Journal rows added at a time when the tab is full: a write per growth, not per account. */
const GROW_ROWS = 1000;
/** Accounts without a journal row checked in the Sent folder per step (a search each). */
const ROWLESS_CHECKS_PER_STEP = 50;
/** Rows of the preview tab read for its head (eight lines, then the table's header). */
const PREVIEW_HEAD_READ = 8;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The campaign lives in the spreadsheet's developer metadata (PROJECT visibility), not in the
 * document's properties: a time-driven trigger of an add-on has no document, so no document
 * properties, but it can open the spreadsheet by id and read its metadata; every referent of
 * the spreadsheet shares it, and no cell holds it (docs/MAIL.md).
 */
function metadata(
  spreadsheet: Spreadsheet,
  key: string,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === key) ?? null;
}

/** The metadata's value set, the metadata added at PROJECT visibility when there is none yet. */
function writeMetadata(spreadsheet: Spreadsheet, key: string, text: string): void {
  const found = metadata(spreadsheet, key);
  if (found) found.setValue(text);
  else
    spreadsheet.addDeveloperMetadata(key, text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

function readStored(spreadsheet: Spreadsheet): StoredCampaign | null {
  const stored = parseStored(metadata(spreadsheet, CAMPAIGN_KEY)?.getValue() ?? null);
  return stored && typeof stored === 'object' && 'id' in stored ? (stored as StoredCampaign) : null;
}

function writeStored(spreadsheet: Spreadsheet, campaign: StoredCampaign): void {
  writeMetadata(spreadsheet, CAMPAIGN_KEY, JSON.stringify(campaign));
}

/**
 * The e-mail texts a campaign started with (issue 17): frozen at « Envoyer » beside the campaign
 * (developer metadata, which a trigger can read where document properties are out of reach),
 * only the customised ones; the steps, the hourly resume and « Reprendre » send with them.
 */
const TEXTS_KEY = 'publipostage.mail.texts';

function freezeTexts(spreadsheet: Spreadsheet, texts: TextSources): void {
  if (Object.keys(texts).length > 0) writeMetadata(spreadsheet, TEXTS_KEY, JSON.stringify(texts));
  else metadata(spreadsheet, TEXTS_KEY)?.remove();
}

function frozenTexts(spreadsheet: Spreadsheet): TextSources {
  return textSourcesOf(parseStored(metadata(spreadsheet, TEXTS_KEY)?.getValue() ?? null));
}

/** The referent's e-mail texts as stored, checked: one that cannot be used is refused, named. */
function mailTexts(lang: Language): Reply<TextSources> {
  const ids = [mailTextId('not-activated'), mailTextId('activated')];
  const checked = usableTexts(lang, readTexts(lang), ids);
  return checked.ok ? { ok: true, value: checked.texts } : fail(checked.message);
}

/**
 * Takes the campaign's lease for one step (LockService's script lock held for milliseconds
 * around the read and the write: the only lock a sidebar and a trigger without a document
 * share, docs/MAIL.md). Null when another step holds it.
 */
function takeLease(
  spreadsheet: Spreadsheet,
  runId: string,
  decide: (stored: StoredCampaign | null) => Reply<StoredCampaign>,
): Reply<StoredCampaign> {
  const lock = LockService.getScriptLock();
  const t = messages(language()).mail.errors;
  if (!lock.tryLock(10_000)) return fail(t.busy);
  try {
    const now = Date.now();
    const stored = readStored(spreadsheet);
    if (leaseRefusal(stored, runId, now)) return fail(t.busy);
    const decided = decide(stored);
    if (!decided.ok) return decided;
    const user = Session.getEffectiveUser().getEmail();
    const campaign: StoredCampaign = {
      ...decided.value,
      lease: { runId, user, until: now + LEASE_MS },
    };
    writeStored(spreadsheet, campaign);
    return { ok: true, value: campaign };
  } finally {
    lock.releaseLock();
  }
}

/** Text cells only: a login like "00123" must come back as written, or it would be sent twice. */
function formatAsText(sheet: Sheet, fromRow: number, rows: number): void {
  sheet.getRange(fromRow, 1, rows, JOURNAL_HEADER.length).setNumberFormat('@');
  // …but the time, a date Sheets shows in the spreadsheet's time zone (issue 14 #6).
  sheet.getRange(fromRow, 2, rows, 1).setNumberFormat('dd/mm/yyyy hh:mm');
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

/** This user's resume trigger in this spreadsheet (triggers are per user and per document). */
function ensureTrigger(spreadsheet: Spreadsheet): void {
  const exists = ScriptApp.getUserTriggers(spreadsheet).some(
    (t) => t.getHandlerFunction() === RESUME_HANDLER,
  );
  if (exists) return;
  const trigger = ScriptApp.newTrigger(RESUME_HANDLER).timeBased().everyHours(1).create();
  PropertiesService.getUserProperties().setProperty(
    TRIGGER_KEY + trigger.getUniqueId(),
    spreadsheet.getId(),
  );
}

function deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_KEY + trigger.getUniqueId());
  ScriptApp.deleteTrigger(trigger);
}

/** Removes this user's resume trigger of this spreadsheet only: other spreadsheets keep theirs. */
function removeTrigger(spreadsheet: Spreadsheet): void {
  for (const trigger of ScriptApp.getUserTriggers(spreadsheet)) {
    if (trigger.getHandlerFunction() === RESUME_HANDLER) deleteTrigger(trigger);
  }
}

/** The trigger as the core says it should be after the campaign reached this state. */
function followTrigger(spreadsheet: Spreadsheet, state: StoredCampaign['state']): void {
  const trigger = triggerAfter(state);
  if (trigger === 'install') ensureTrigger(spreadsheet);
  else if (trigger === 'remove') removeTrigger(spreadsheet);
}

interface StepResult {
  status: JobStatus<MailOutcome>;
  state: MailOutcome['state'];
}

/** The accounts of every selection the campaign holds, each login once, in order. */
function campaignAccounts(spreadsheet: Spreadsheet, campaign: StoredCampaign): Reply<Account[]> {
  const seen = new Set<string>();
  const accounts: Account[] = [];
  for (const request of requestsOf(campaign)) {
    const selection = readSelection(spreadsheet, request);
    if (!selection.ok) {
      // The latest selection must read; an earlier one that no longer does waits as it is.
      if (request === campaign.request) return selection;
      continue;
    }
    for (const account of selection.value.accounts) {
      if (seen.has(account.login)) continue;
      seen.add(account.login);
      accounts.push(account);
    }
  }
  return { ok: true, value: accounts };
}

/**
 * One step of the campaign, its lease held: send, record, then save where it stands and give
 * the lease back. `settings`: the sidebar's (saved in the campaign for the trigger's runs).
 */
function step(
  spreadsheet: Spreadsheet,
  campaign: StoredCampaign,
  retryFailed: boolean,
  startedAt: number,
  deadlineMs = STEP_DEADLINE_MS,
): Reply<StepResult> {
  const me = Session.getEffectiveUser().getEmail();
  const release = (state: StoredCampaign['state'], extra: Partial<StoredCampaign> = {}) =>
    writeStored(spreadsheet, { ...campaign, ...extra, state, lease: null, lastStepAt: Date.now() });
  const loaded = campaignAccounts(spreadsheet, campaign);
  if (!loaded.ok) {
    release(campaign.state === 'running' ? 'cancelled' : campaign.state);
    return loaded;
  }
  const accounts = loaded.value;
  const settings = campaign.settings ?? readSettings();
  const texts = frozenTexts(spreadsheet);
  const build = (account: Account) =>
    buildMessage(account, settings, {
      language: campaign.language,
      campaignId: campaign.id,
      texts,
    });
  // Only the user who sent can search their Sent folder: another's claims are unknown to me.
  const rights = sentFolderRights(campaign, me);
  const sender = withSender(campaign, me);
  const search = (entry: Pick<JournalEntry, 'login' | 'email' | 'time'>): ProbeResult => {
    if (entry.email === '') return 'unknown';
    try {
      const reference = messageReference(campaign.id, entry.login);
      const query = sentFolderQuery(entry.email, reference, entry.time);
      return GmailApp.search(query, 0, 1).length > 0 ? 'sent' : 'not-sent';
    } catch {
      return 'unknown';
    }
  };
  const probe = (entry: JournalEntry): ProbeResult => (rights.claims ? search(entry) : 'unknown');
  const store = new SheetJournalStore(journalSheet(spreadsheet, true)!);
  const before = store.load(campaign.id).filter((e) => e.status === SENT).length;
  writeStored(spreadsheet, { ...campaign, ...sender });
  const report = runCampaignStep({
    campaignId: campaign.id,
    accounts,
    store,
    build,
    send: sendMessage,
    probe,
    now: () => Date.now(),
    remainingQuota: MailApp.getRemainingDailyQuota(),
    readQuota: () => MailApp.getRemainingDailyQuota(),
    sleep: (ms) => Utilities.sleep(ms),
    shouldStop: () => Date.now() - startedAt > deadlineMs,
    retryFailed,
    // A campaign that has sent: an account without a row is looked up in the Sent folder
    // first (a tab renamed, rows deleted; issue 14 #3). Only its sender can tell.
    rowless:
      rights.rowless !== null
        ? {
            probe: (account) =>
              rights.rowless
                ? search({ login: account.login, email: (account.email ?? '').trim(), time: '' })
                : 'unknown',
            max: ROWLESS_CHECKS_PER_STEP,
          }
        : undefined,
  });
  const now = Date.now();
  // The store keeps what it read and wrote: loading the entries back makes no sheet call.
  const entries = store.load(campaign.id);
  const state = report.state;
  const outcome = outcomeOf(campaign.id, state, entries, accounts, now);
  const runSent =
    (campaign.runSent ?? 0) + entries.filter((e) => e.status === SENT).length - before;
  outcome.sentNow = runSent;
  release(state, {
    runSent,
    ...sender,
    queued: state === 'complete' ? [] : campaign.queued,
  });
  followTrigger(spreadsheet, state);
  const status = jobStatusOf({ ...report, total: entries.length }, outcome, campaign.language);
  return { ok: true, value: { status: { ...status, jobId: campaign.runId }, state } };
}

const asStatus = (reply: Reply<StepResult>): Reply<JobStatus<MailOutcome>> =>
  reply.ok ? { ok: true, value: reply.value.status } : reply;

/** The settings, or the French refusal while the ENT address is an example (issue 14 #2). */
function sendableSettings(): Reply<Settings> {
  const settings = readSettings();
  const problem = blockingProblem(settings);
  if (problem) return fail(messages(language()).mail.errors.placeholder(problem.message));
  return { ok: true, value: settings };
}

/** « Envoyer par courriel »'s confirmation: the plan's counts and today's quota, nothing sent. */
export function planMail(request: SelectionRequest): Reply<MailConfirmation> {
  const settings = sendableSettings();
  if (!settings.ok) return settings;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = readSelection(spreadsheet, request);
  if (!selection.ok) return selection;
  const stored = readStored(spreadsheet);
  const id = campaignIdToStart(stored, localNow(spreadsheet, 'yyyy-MM-dd'));
  const same = stored?.id === id ? stored : null;
  const queued = queueRequest(same, request);
  if (!queued) return fail(messages(language()).mail.errors.queueFull);
  // This selection, then the waiting accounts of the campaign's earlier ones.
  const union = same ? campaignAccounts(spreadsheet, { ...same, ...queued }) : null;
  const accounts = union?.ok ? union.value : selection.value.accounts;
  const sheet = journalSheet(spreadsheet, false);
  const journal = sheet ? new SheetJournalStore(sheet).load(id) : [];
  const quota = MailApp.getRemainingDailyQuota();
  const plan = planCampaign(id, accounts, journal, quota, {
    retryFailed: true,
    time: new Date().toISOString(),
  });
  const confirmation = confirmationOf(
    id,
    plan,
    journal,
    accounts,
    quota,
    isUnfinished(stored),
    selection.value.accounts,
  );
  confirmation.selection = filtersSentence(request.filters, language());
  const preview = spreadsheet.getSheetByName(PREVIEW_TAB);
  // The head's first column: the core finds the total and filters lines in it.
  const head = preview
    ? preview
        .getRange(1, 1, Math.max(1, Math.min(PREVIEW_HEAD_READ, preview.getLastRow())), 1)
        .getValues()
        .map((row) => row[0])
    : null;
  confirmation.differsFromPreview = differsFromPreview(
    head,
    selection.value.accounts.length,
    request.filters,
    language(),
  );
  return { ok: true, value: confirmation };
}

/** « M'envoyer un test »: the two examples to the referent's own address, subject [TEST]. */
export function sendTestMail(): Reply<TestMailResult> {
  const lang = language();
  const t = messages(lang).mail.errors;
  const settings = sendableSettings();
  if (!settings.ok) return settings;
  const texts = mailTexts(lang);
  if (!texts.ok) return texts;
  const to = Session.getActiveUser().getEmail();
  let examples: MailMessage[];
  try {
    examples = buildTestMessages(settings.value, to, lang, texts.value);
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
  const settings = sendableSettings();
  if (!settings.ok) return settings;
  const texts = mailTexts(language());
  if (!texts.ok) return texts;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const t = messages(language()).mail.errors;
  const taken = takeLease(spreadsheet, runId, (stored) => {
    if (otherRunActive(stored, runId, startedAt)) return fail(t.busy);
    const id = campaignIdToStart(stored, localNow(spreadsheet, 'yyyy-MM-dd'));
    const same = stored?.id === id ? stored : null;
    const queued = queueRequest(same, request);
    if (!queued) return fail(t.queueFull);
    return {
      ok: true,
      value: {
        ...(same ?? {}),
        id,
        ...queued,
        language: language(),
        state: 'running',
        runId,
        lastStepAt: startedAt,
        settings: settings.value,
        runSent: 0,
      },
    };
  });
  if (!taken.ok) return taken;
  freezeTexts(spreadsheet, texts.value);
  return asStatus(step(spreadsheet, taken.value, true, startedAt));
}

/** The sidebar's loop: the next step of its run. */
export function continueMail(jobId: string): Reply<JobStatus<MailOutcome>> {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const t = messages(language()).mail.errors;
  let report: StoredCampaign | null = null;
  const taken = takeLease(spreadsheet, jobId, (stored) => {
    const action = continueAction(stored, jobId, startedAt);
    if (action === 'noCampaign' || action === 'busy') return fail(t[action]);
    if (action === 'report') {
      report = stored;
      return fail('');
    }
    return {
      ok: true,
      value: { ...stored!, runId: jobId, state: 'running', settings: readSettings() },
    };
  });
  if (report) return { ok: true, value: statusOfStored(spreadsheet, report, jobId) };
  if (!taken.ok) return taken;
  return asStatus(step(spreadsheet, taken.value, false, startedAt));
}

/** « Reprendre »: a new run of the stored campaign, on its own selections; failures tried again. */
export function resumeMail(runId: string): Reply<JobStatus<MailOutcome>> {
  const startedAt = Date.now();
  const settings = sendableSettings();
  if (!settings.ok) return settings;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const t = messages(language()).mail.errors;
  const taken = takeLease(spreadsheet, runId, (stored) => {
    const refusal = runRefusal(stored, runId, startedAt);
    if (refusal !== null) return fail(t[refusal]);
    return {
      ok: true,
      value: { ...stored!, runId, state: 'running', settings: settings.value, runSent: 0 },
    };
  });
  if (!taken.ok) return taken;
  return asStatus(step(spreadsheet, taken.value, true, startedAt));
}

/** Where the stored campaign stands, read from its journal: the status of a run that is over. */
function statusOfStored(
  spreadsheet: Spreadsheet,
  stored: StoredCampaign,
  jobId: string,
): JobStatus<MailOutcome> {
  const sheet = journalSheet(spreadsheet, false);
  const entries = sheet ? new SheetJournalStore(sheet).load(stored.id) : [];
  const counts = countStatuses(entries);
  const loaded = campaignAccounts(spreadsheet, stored);
  const accounts = loaded.ok ? loaded.value : [];
  const now = Date.now();
  const outcome = outcomeOf(stored.id, stored.state, entries, accounts, now);
  outcome.sentNow = stored.runSent ?? 0;
  const status = jobStatusOf({ counts, total: entries.length }, outcome, stored.language);
  return { ...status, jobId, done: true, result: outcome };
}

/** « Annuler »: the run stops after its step; what waits stays in the journal for « Reprendre ». */
export function cancelMail(jobId: string): Reply<JobStatus<MailOutcome>> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const t = messages(language()).mail.errors;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return fail(t.busy);
  let cancelled: StoredCampaign;
  try {
    const stored = readStored(spreadsheet);
    const refusal = runRefusal(stored, jobId, Date.now());
    if (refusal !== null) return fail(t[refusal]);
    if (leaseRefusal(stored, jobId, Date.now())) return fail(t.busy);
    cancelled = cancelCampaign(stored!, Date.now());
    writeStored(spreadsheet, cancelled);
  } finally {
    lock.releaseLock();
  }
  followTrigger(spreadsheet, cancelled.state);
  return { ok: true, value: statusOfStored(spreadsheet, cancelled, jobId) };
}

/**
 * The hourly trigger installed when the quota ran out. It runs with no document (an add-on's
 * time-driven trigger): the spreadsheet is the one its user property names, opened by id. It
 * does nothing while the quota reads 0, chains steps while it has time, and removes itself
 * once the campaign is over.
 */
export function resumeMailFromTrigger(event?: GoogleAppsScript.Events.TimeDriven): void {
  const startedAt = Date.now();
  const uid = event?.triggerUid ?? '';
  const own = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid) ?? null;
  const id = PropertiesService.getUserProperties().getProperty(TRIGGER_KEY + uid);
  let spreadsheet: Spreadsheet | null = null;
  try {
    spreadsheet = id === null ? null : SpreadsheetApp.openById(id);
  } catch {
    spreadsheet = null;
  }
  if (!spreadsheet) {
    // Its spreadsheet is gone or unknown: nothing to resume.
    if (own) deleteTrigger(own);
    else PropertiesService.getUserProperties().deleteProperty(TRIGGER_KEY + uid);
    return;
  }
  const runId = `trigger-${uid}`;
  while (Date.now() - startedAt < TRIGGER_DEADLINE_MS) {
    const stored = readStored(spreadsheet);
    if (!stored || triggerAfter(stored.state) === 'remove') {
      removeTrigger(spreadsheet);
      return;
    }
    if (MailApp.getRemainingDailyQuota() <= 0) return;
    const now = Date.now();
    const taken = takeLease(spreadsheet, runId, (current) => {
      if (!current || otherRunActive(current, runId, now)) return fail('');
      return { ok: true, value: { ...current, runId, state: 'running' } };
    });
    if (!taken.ok) return;
    // Failures wait for the referent's « Reprendre »: an hourly retry would hammer a bad address.
    const reply = step(spreadsheet, taken.value, false, Date.now());
    if (!reply.ok || reply.value.state !== 'running') return;
  }
}
