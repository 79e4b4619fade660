// « Générer en PDF »: the letters as Google Docs (one per part) written through the Docs API and
// exported to PDF in the add-on's folder, in steps the sidebar loops over. The core decides
// parts, steps, requests and checks (src/core/letters/job.ts, docs-requests.ts, check.ts,
// frozen.ts); this file stores the job and makes the calls.
import type {
  JobStatus,
  LettersRequest,
  LettersResult,
  PendingLetters,
  Reply,
} from '../core/contract';
import { messages } from '../core/i18n';
import {
  NEW_DOC,
  READBACK_FIELDS,
  STEP_BUDGET_MS,
  afterAppend,
  afterExport,
  bodyEnd,
  buildLetters,
  checkPlacement,
  frozenSheetName,
  frozenValues,
  isAbandoned,
  jobProgress,
  lettersJobStatus,
  newJob,
  nextDocsBatch,
  nextStep,
  pageCount,
  pdfPageCount,
  placementMessage,
  planParts,
  reconcile,
  thawAccounts,
  thawTexts,
  type DocsRequest,
  type LetterFile,
  type LetterPart,
  type LettersJob,
  type ReadDocument,
} from '../core/letters';
import type { Language } from '../core/present';
import { blockingProblem } from '../core/settings';
import type { Account } from '../core/types';
import { createFileInFolder, createGoogleDoc, trashFile } from './drive';
import { fail, language, localNow, readSelection as select } from './selection';
import { readSettings } from './settings';
import { parseStored } from './stored';
import { readTexts } from './texts';
import { customTextMisfit, letterTextId, usableTexts, type TextSources } from '../core/texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Status = JobStatus<LettersResult>;

const PREFIX = 'publipostage.letters.';
const PDF = 'application/pdf';

interface Stored {
  job: LettersJob;
  language: Language;
  /** When a step last saved the job (ms). */
  savedAt?: number;
}

// ---- the job, in the user's properties: one key for the state, one per file made ----------

function properties() {
  return PropertiesService.getUserProperties();
}

const isStateKey = (key: string) => key.startsWith(PREFIX) && !key.includes('.file.');

/** The job as saved, from all the properties; null when it is not there or cannot be read. */
function fromProperties(all: Record<string, string>, jobId: string): Stored | null {
  const stored = parseStored(all[PREFIX + jobId] ?? null) as Stored | null;
  if (!stored?.job?.spreadsheetId) return null;
  const files: LetterFile[] = [];
  for (let i = 0; all[`${PREFIX}${jobId}.file.${i}`]; i++) {
    const file = parseStored(all[`${PREFIX}${jobId}.file.${i}`]!) as LetterFile | null;
    if (!file) return null;
    files.push(file);
  }
  stored.job.files = files;
  return stored;
}

function load(jobId: string): Stored | null {
  return fromProperties(properties().getProperties(), jobId);
}

function save(stored: Stored, before: number): void {
  const { files, ...job } = stored.job;
  const values: Record<string, string> = {
    [PREFIX + job.jobId]: JSON.stringify({
      ...stored,
      job: { ...job, files: [] },
      savedAt: Date.now(),
    }),
  };
  // Only the files this step made: the others are stored already.
  files.slice(before).forEach((file, i) => {
    values[`${PREFIX}${job.jobId}.file.${before + i}`] = JSON.stringify(file);
  });
  properties().setProperties(values);
}

/** The job's keys, whatever state they are in. */
function forgetKeys(all: Record<string, string>, jobId: string): void {
  const key = PREFIX + jobId;
  for (const other of Object.keys(all)) {
    if (other === key || other.startsWith(`${key}.file.`)) properties().deleteProperty(other);
  }
}

/** The frozen tab deleted, the state forgotten: what ends a job (finished files always stay). */
function end(stored: Stored, spreadsheet: Spreadsheet | null): void {
  if (spreadsheet) {
    const sheet = spreadsheet.getSheetByName(frozenSheetName(stored.job.jobId));
    if (sheet) spreadsheet.deleteSheet(sheet);
  }
  forgetKeys(properties().getProperties(), stored.job.jobId);
}

/** Cancel, or a job replaced: the unfinished Doc goes to the bin as well. */
function discard(stored: Stored, spreadsheet: Spreadsheet | null): void {
  if (stored.job.docId !== null) trashFile(stored.job.docId);
  end(stored, spreadsheet);
}

/**
 * Before a new job: this spreadsheet's unfinished job is replaced (as a cancel would), and a job
 * of another spreadsheet untouched for 30 days is forgotten (its Doc binned; its tab stays in
 * its spreadsheet, which this one cannot reach without opening it).
 */
function discardOthers(spreadsheet: Spreadsheet, now: number): void {
  const all = properties().getProperties();
  for (const key of Object.keys(all).filter(isStateKey)) {
    const jobId = key.slice(PREFIX.length);
    const stored = fromProperties(all, jobId);
    if (!stored) forgetKeys(all, jobId);
    else if (stored.job.spreadsheetId === spreadsheet.getId()) discard(stored, spreadsheet);
    else if (isAbandoned(stored.savedAt, now)) discard(stored, null);
  }
}

// ---- the frozen selection: a hidden tab, one account per row -------------------------------

function freeze(
  spreadsheet: Spreadsheet,
  jobId: string,
  accounts: Account[],
  note: string,
  texts: TextSources,
): void {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(frozenSheetName(jobId));
  const values = frozenValues(accounts, note);
  const rows = sheet.getMaxRows();
  if (values.length > rows) sheet.insertRowsAfter(rows, values.length - rows);
  sheet.getRange(1, 1, values.length, 1).setValues(values);
  // The job's texts beside the note: a resumed step prints what the job started with.
  if (Object.keys(texts).length > 0) sheet.getRange(1, 2).setValue(JSON.stringify(texts));
  sheet.hideSheet();
  // insertSheet makes the new tab the active one: the referent stays where they were.
  spreadsheet.setActiveSheet(active);
}

function thaw(
  spreadsheet: Spreadsheet,
  job: LettersJob,
): { accounts: Account[]; texts: TextSources } | null {
  const sheet = spreadsheet.getSheetByName(frozenSheetName(job.jobId));
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const accounts = thawAccounts(values, job.fingerprint);
  return accounts ? { accounts, texts: thawTexts(values) } : null;
}

/**
 * The layout's two texts as stored, checked: a text that no longer compiles, or a customised
 * one too long for the fullest account of the selection, stops the job before it starts.
 */
function lettersTexts(
  accounts: readonly Account[],
  layout: LettersRequest['layout'],
  lang: Language,
): { ok: true; texts: TextSources } | { ok: false; message: string } {
  const ids = [letterTextId(layout, 'not-activated'), letterTextId(layout, 'activated')];
  const checked = usableTexts(lang, readTexts(lang), ids);
  if (!checked.ok) return checked;
  const { texts } = checked;
  const misfit = customTextMisfit(accounts, readSettings(), layout, lang, texts);
  return misfit ? { ok: false, message: misfit.message } : { ok: true, texts };
}

// ---- the Doc, through the Docs API ----------------------------------------------------------

function docs(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  if (typeof Docs === 'undefined' || !Docs?.Documents)
    throw new Error('The advanced Docs service (v1) is not enabled in appsscript.json.');
  return Docs.Documents;
}

function batchUpdate(docId: string, requests: DocsRequest[]): void {
  // The declared Request type stops at updateTextStyle; the table requests are the REST API's.
  docs().batchUpdate({ requests: requests as GoogleAppsScript.Docs.Schema.Request[] }, docId);
}

/** The part's Doc as Google holds it; null when it cannot be read (gone, binned). */
function readBack(docId: string): ReadDocument | null {
  try {
    return docs().get(docId, { fields: READBACK_FIELDS }) as ReadDocument;
  } catch {
    return null;
  }
}

const loginsOf = (part: LetterPart, count: number) =>
  part.accounts.slice(0, count).map((account) => account.login);

type Outcome = { ok: true; job: LettersJob } | { ok: false; message: string };

/** Appends the next batchUpdate of the part, in a new Doc when it has none yet. */
function append(job: LettersJob, part: LetterPart, from: number, build: Builder): LettersJob {
  const doc =
    job.docId !== null && job.docUrl !== null
      ? { id: job.docId, url: job.docUrl }
      : createGoogleDoc(part.name);
  const cursor =
    job.docId === null ? NEW_DOC : { end: job.end, pages: Math.ceil(from / job.layout) };
  const batch = nextDocsBatch(part.accounts, from, job.layout, cursor, build);
  batchUpdate(doc.id, batch.requests);
  return afterAppend(job, batch.to, doc, batch.cursor.end);
}

/** A full part: its Doc read back and checked, its PDF made and its pages counted. */
function exportPart(job: LettersJob, part: LetterPart, lang: Language): Outcome {
  const docId = job.docId!;
  const read = readBack(docId);
  const problem = read
    ? checkPlacement(read, job.layout, loginsOf(part, part.accounts.length))
    : { kind: 'pages' as const, found: 0, expected: pageCount(part.accounts.length, job.layout) };
  if (problem)
    return { ok: false, message: placementMessage(problem, job.layout, part.name, lang) };
  const blob = DocumentApp.openById(docId).getAs(PDF);
  const expected = pageCount(part.accounts.length, job.layout);
  const pages = pdfPageCount(blob.getDataAsString('ISO-8859-1'));
  if (pages !== null && pages !== expected) {
    const t = messages(lang).letters;
    return { ok: false, message: t.checkFailed(part.name, t.checkPdfPages(pages, expected)) };
  }
  const pdf = createFileInFolder(`${part.name}.pdf`, PDF, blob);
  const file: LetterFile = {
    label: part.label,
    part: part.part,
    partCount: part.partCount,
    letters: part.accounts.length,
    pages: expected,
    doc: { name: part.name, url: job.docUrl ?? '' },
    pdf: { name: pdf.name, url: pdf.url },
  };
  return { ok: true, job: afterExport(job, file) };
}

// ---- the steps ---------------------------------------------------------------------------

type Builder = (accounts: readonly Account[]) => ReturnType<typeof buildLetters>;

function status(stored: Stored, parts: readonly LetterPart[], done: boolean): Status {
  return { jobId: stored.job.jobId, ...lettersJobStatus(stored.job, parts, done, stored.language) };
}

function partsOf(
  job: Pick<LettersJob, 'layout' | 'split' | 'stamp'>,
  lang: Language,
  accounts: readonly Account[],
) {
  const t = messages(lang).letters;
  return planParts(accounts, job.layout, job.split, lang, {
    prefix: t.prefix(job.layout),
    partOf: t.partOf,
    all: t.all,
    stamp: job.stamp,
  });
}

/**
 * First step: checks, reads the selection once and freezes it in a hidden tab, stores the job;
 * no Doc yet, so the sidebar shows its bar at once.
 */
export function startLetters(request: LettersRequest): Reply<Status> {
  const lang = language();
  const t = messages(lang).letters;
  const blocking = blockingProblem(readSettings());
  if (blocking && !request.confirmed) return fail(t.needsConfirmation(blocking.message));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = select(spreadsheet, request);
  if (!selection.ok) return selection;
  const accounts = selection.value.accounts;
  if (accounts.length === 0) return fail(t.nothingSelected);
  const texts = lettersTexts(accounts, request.layout, lang);
  if (!texts.ok) return fail(texts.message);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return fail(t.busy);
  try {
    discardOthers(spreadsheet, Date.now());
    const stamp = localNow(spreadsheet, 'yyyy-MM-dd HH-mm');
    const jobId = Utilities.getUuid();
    const parts = partsOf({ layout: request.layout, split: request.split, stamp }, lang, accounts);
    const job = newJob(
      jobId,
      spreadsheet.getId(),
      request.layout,
      request.split,
      accounts,
      parts,
      stamp,
    );
    freeze(spreadsheet, jobId, accounts, t.frozenNote, texts.texts);
    const stored: Stored = { job, language: lang };
    save(stored, 0);
    return { ok: true, value: status(stored, parts, false) };
  } finally {
    lock.releaseLock();
  }
}

/** One step: appends batches, exports full parts, until done or about four minutes are used. */
export function continueLetters(jobId: string): Reply<Status> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return fail(messages(language()).letters.busy);
  try {
    return step(jobId);
  } finally {
    lock.releaseLock();
  }
}

function step(jobId: string): Reply<Status> {
  const started = Date.now();
  const stored = load(jobId);
  if (!stored) return fail(messages(language()).letters.unknownJob);
  const lang = stored.language;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const frozen = thaw(spreadsheet, stored.job);
  if (!frozen) {
    end(stored, spreadsheet);
    return fail(messages(lang).letters.selectionLost);
  }
  const { accounts, texts } = frozen;
  const parts = partsOf(stored.job, lang, accounts);
  const before = stored.job.files.length;
  let job = stored.job;
  const stop = (message: string): Reply<Status> => {
    // The Doc is kept for the referent to look at; the files made stay.
    end({ ...stored, job }, spreadsheet);
    return fail(message);
  };
  if (job.docId !== null) {
    // What the last step left: a Doc that does not end where it was saved restarts its part
    // (a step stopped after a batch it could not save); one whose cards moved stops the job.
    const read = readBack(job.docId);
    const checked = reconcile(job, read ? bodyEnd(read) : null);
    if (checked.discard !== null) trashFile(checked.discard);
    else {
      const part = parts[job.part]!;
      const problem = checkPlacement(read!, job.layout, loginsOf(part, job.next));
      if (problem) return stop(placementMessage(problem, job.layout, part.name, lang));
    }
    job = checked.job;
  }
  const settings = readSettings();
  const build: Builder = (some) =>
    buildLetters(some, settings, job.layout, { language: lang, texts });
  for (;;) {
    const next = nextStep(job, parts);
    if (next.kind === 'done') break;
    if (next.kind === 'append') job = append(job, next.part, next.from, build);
    else {
      const outcome = exportPart(job, next.part, lang);
      if (!outcome.ok) return stop(outcome.message);
      job = outcome.job;
    }
    if (Date.now() - started >= STEP_BUDGET_MS) break;
  }
  const updated = { ...stored, job };
  const done = nextStep(job, parts).kind === 'done';
  if (done) end(updated, spreadsheet);
  else save(updated, before);
  return { ok: true, value: status(updated, parts, done) };
}

/** Stops the job: the finished Docs and PDFs stay, the unfinished Doc goes to the bin. */
export function cancelLetters(jobId: string): Reply<Status> {
  const stored = load(jobId);
  if (!stored) return fail(messages(language()).letters.unknownJob);
  discard(stored, SpreadsheetApp.getActiveSpreadsheet());
  return {
    ok: true,
    value: {
      jobId,
      done: true,
      processed: 0,
      total: 0,
      label: messages(stored.language).progress.cancelled,
      result: { files: stored.job.files },
    },
  };
}

/** This spreadsheet's unfinished job, if any, for the sidebar to offer « Reprendre ». */
export function pendingLetters(): Reply<PendingLetters | null> {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const all = properties().getProperties();
  for (const key of Object.keys(all).filter(isStateKey)) {
    const stored = fromProperties(all, key.slice(PREFIX.length));
    if (stored?.job.spreadsheetId !== id) continue;
    const { jobId, files } = stored.job;
    return { ok: true, value: { jobId, ...jobProgress(stored.job), files } };
  }
  return { ok: true, value: null };
}
