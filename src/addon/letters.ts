// « Générer en PDF »: the letters as Google Docs (one per part) exported to PDF in the add-on's
// folder, in steps the sidebar loops over. The core decides parts, steps and paragraphs
// (src/core/letters/job.ts, doc.ts); this file stores the job and makes the DocumentApp calls.
import type { JobStatus, LettersRequest, LettersResult, Reply } from '../core/contract';
import { messages } from '../core/i18n';
import {
  afterAppend,
  afterExport,
  buildLetters,
  docLetters,
  docPageSetup,
  fingerprint,
  isAbandoned,
  lettersJobStatus,
  lettersPerStep,
  newJob,
  nextStep,
  pageCount,
  planParts,
  reconcile,
  type DocPageSetup,
  type DocParagraph,
  type LetterFile,
  type LetterPart,
  type LettersJob,
} from '../core/letters';
import type { Language } from '../core/present';
import { blockingProblem } from '../core/settings';
import { createFileInFolder, createGoogleDoc, trashFile } from './drive';
import { fail, language, localNow, readSelection as select } from './selection';
import { readSettings } from './settings';
import { parseStored } from './stored';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Status = JobStatus<LettersResult>;

const PREFIX = 'publipostage.letters.';
/** The paragraph that ends a body after a table, shrunk so it never pushes a page over. */
const TINY = { FONT_SIZE: 1, SPACING_BEFORE: 0, SPACING_AFTER: 0, LINE_SPACING: 1 };

interface Stored {
  job: LettersJob;
  request: LettersRequest;
  language: Language;
  /** When a step last saved the job (ms): a job untouched for a day is abandoned. */
  savedAt?: number;
}

// ---- the job, in the user's properties: one key for the state, one per file made ----------

function properties() {
  return PropertiesService.getUserProperties();
}

/** The job as saved; null when there is none or it cannot be read (nothing can resume it). */
function load(jobId: string): Stored | null {
  const all = properties().getProperties();
  const stored = parseStored(all[PREFIX + jobId] ?? null) as Stored | null;
  if (!stored?.job) return null;
  const files: LetterFile[] = [];
  for (let i = 0; all[`${PREFIX}${jobId}.file.${i}`]; i++) {
    const file = parseStored(all[`${PREFIX}${jobId}.file.${i}`]!) as LetterFile | null;
    if (!file) return null;
    files.push(file);
  }
  stored.job.files = files;
  return stored;
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

/** The job's state and files forgotten, its unfinished Doc in the bin; finished files stay. */
function discard(stored: Stored): void {
  if (stored.job.docId !== null) trashFile(stored.job.docId);
  forget(stored);
}

/**
 * The user's properties are shared by every spreadsheet the add-on runs in: a job whose sidebar
 * was closed would stay there for good. Starting a job discards those abandoned for a day.
 */
function discardAbandoned(now: number): void {
  const all = properties().getProperties();
  for (const key of Object.keys(all)) {
    if (!key.startsWith(PREFIX) || key.includes('.file.')) continue;
    const jobId = key.slice(PREFIX.length);
    const stored = load(jobId);
    if (stored && !isAbandoned(stored.savedAt, now)) continue;
    if (stored) discard(stored);
    else {
      for (const other of Object.keys(all)) {
        if (other === key || other.startsWith(`${key}.file.`)) properties().deleteProperty(other);
      }
    }
  }
}

function forget(stored: Stored): void {
  const store = properties();
  stored.job.files.forEach((_, i) =>
    store.deleteProperty(`${PREFIX}${stored.job.jobId}.file.${i}`),
  );
  store.deleteProperty(PREFIX + stored.job.jobId);
}

// ---- the Doc: page setup, letters, export ------------------------------------------------

function paragraphAttributes(p: DocParagraph): Record<string, unknown> {
  return {
    FONT_FAMILY: p.style.fontFamily,
    FONT_SIZE: p.style.fontSize,
    BOLD: p.style.bold,
    SPACING_BEFORE: p.style.spacingBefore,
    SPACING_AFTER: p.style.spacingAfter,
    LINE_SPACING: p.style.lineSpacing,
    INDENT_FIRST_LINE: p.style.indentFirstLine,
    INDENT_START: p.style.indentStart,
  };
}

/** One setAttributes per paragraph, one setBold per bold run: never a call per character. */
function styleParagraph(paragraph: Paragraph, p: DocParagraph): Paragraph {
  paragraph.setAttributes(paragraphAttributes(p));
  if (p.bold.length > 0) {
    const text = paragraph.editAsText();
    for (const [start, end] of p.bold) text.setBold(start, end, true);
  }
  return paragraph;
}

function createDoc(name: string, setup: DocPageSetup): GoogleAppsScript.Document.Document {
  // Made in the add-on's folder at once: never a Doc left in My Drive if a later call fails.
  const doc = DocumentApp.openById(createGoogleDoc(name).id);
  const body = doc.getBody();
  body.setPageWidth(setup.width);
  body.setPageHeight(setup.height);
  body.setMarginTop(setup.margins.top);
  body.setMarginRight(setup.margins.right);
  body.setMarginBottom(setup.margins.bottom);
  body.setMarginLeft(setup.margins.left);
  body.getChild(0).asParagraph().setAttributes(TINY);
  return doc;
}

/** Layout 1: the blocks one after the other; a page break ends each letter but the part's last. */
function appendPages(body: Body, letters: DocParagraph[][], breakAfterLast: boolean): void {
  letters.forEach((letter, i) => {
    let last: Paragraph | null = null;
    for (const p of letter) last = styleParagraph(body.appendParagraph(p.text), p);
    if (last && (i < letters.length - 1 || breakAfterLast)) last.appendPageBreak();
  });
}

/** Layouts 2 and 8: one table per page, its cells' content boxes the model's slots. */
function appendTables(
  body: Body,
  pages: DocParagraph[][][],
  setup: DocPageSetup,
  firstOfPart: boolean,
): void {
  const grid = setup.table!;
  pages.forEach((slots, pageIndex) => {
    if (!firstOfPart || pageIndex > 0) {
      const end = body.getChild(body.getNumChildren() - 1).asParagraph();
      end.appendPageBreak();
    }
    const cells = Array.from({ length: grid.rows }, (_, r) =>
      Array.from({ length: grid.columns }, (_, c) => slots[r * grid.columns + c]?.[0]?.text ?? ''),
    );
    const table = body.appendTable(cells);
    table.setBorderColor(grid.border.color);
    table.setBorderWidth(grid.border.width);
    grid.cells.forEach((cell, c) => table.setColumnWidth(c, cell.width));
    for (let r = 0; r < grid.rows; r++) {
      if (grid.rowHeight > 0) table.getRow(r).setMinimumHeight(grid.rowHeight);
      for (let c = 0; c < grid.columns; c++) {
        const cell = table.getCell(r, c);
        const { padding } = grid.cells[c]!;
        cell.setAttributes({
          PADDING_TOP: padding.top,
          PADDING_RIGHT: padding.right,
          PADDING_BOTTOM: padding.bottom,
          PADDING_LEFT: padding.left,
        });
        const blocks = slots[r * grid.columns + c];
        if (!blocks || blocks.length === 0) continue;
        styleParagraph(cell.getChild(0).asParagraph(), blocks[0]!);
        for (const p of blocks.slice(1)) styleParagraph(cell.appendParagraph(p.text), p);
      }
    }
    body
      .getChild(body.getNumChildren() - 1)
      .asParagraph()
      .setAttributes(TINY);
  });
}

function exportPdf(job: LettersJob, part: LetterPart): LetterFile {
  const doc = DocumentApp.openById(job.docId!);
  const blob = doc.getAs('application/pdf');
  const pdf = createFileInFolder(`${part.name}.pdf`, 'application/pdf', blob);
  return {
    label: part.label,
    part: part.part,
    partCount: part.partCount,
    letters: part.accounts.length,
    pages: pageCount(part.accounts.length, job.layout),
    doc: { name: doc.getName(), url: doc.getUrl() },
    pdf: { name: pdf.name, url: pdf.url },
  };
}

// ---- the steps ---------------------------------------------------------------------------

function status(stored: Stored, parts: readonly LetterPart[], done: boolean): Status {
  return { jobId: stored.job.jobId, ...lettersJobStatus(stored.job, parts, done, stored.language) };
}

function partsOf(stored: Stored, accounts: Parameters<typeof planParts>[0]) {
  const t = messages(stored.language).letters;
  return planParts(accounts, stored.job.layout, stored.job.split, stored.language, {
    prefix: t.prefix,
    partOf: t.partOf,
    all: t.all,
    stamp: stored.job.stamp,
  });
}

/** First step: checks and stores the job; no Doc yet, so the sidebar shows its bar at once. */
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
  discardAbandoned(Date.now());
  const stamp = localNow(spreadsheet, 'yyyy-MM-dd HH-mm');
  const job = newJob(Utilities.getUuid(), request.layout, request.split, accounts, stamp);
  const stored: Stored = { job, request, language: lang };
  save(stored, 0);
  return { ok: true, value: status(stored, partsOf(stored, accounts), false) };
}

/** One step: appends the next letters to the part's Doc, or exports a finished Doc to PDF. */
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
  const stored = load(jobId);
  if (!stored) return fail(messages(language()).letters.unknownJob);
  const t = messages(stored.language).letters;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = select(spreadsheet, stored.request);
  if (!selection.ok) return selection;
  const parts = partsOf(stored, selection.value.accounts);
  if (fingerprint(selection.value.accounts) !== stored.job.fingerprint) {
    forget(stored);
    return fail(t.sheetChanged);
  }
  const before = stored.job.files.length;
  let doc: GoogleAppsScript.Document.Document | null = null;
  if (stored.job.docId !== null) {
    try {
      doc = DocumentApp.openById(stored.job.docId);
    } catch {
      doc = null;
    }
  }
  const checked = reconcile(stored.job, doc ? doc.getBody().getNumChildren() : null);
  if (checked.discard !== null) {
    // A step stopped half-way: its part starts again in a new Doc.
    if (doc) trashFile(checked.discard);
    doc = null;
  }
  let job = checked.job;
  const next = nextStep(job, parts, lettersPerStep(job.layout));
  if (next.kind === 'append') {
    const settings = readSettings();
    const letters = buildLetters(
      next.part.accounts.slice(next.from, next.to),
      settings,
      job.layout,
      { language: stored.language },
    );
    const setup = docPageSetup(letters.geometry);
    if (next.newDoc || !doc) doc = createDoc(next.part.name, setup);
    const body = doc.getBody();
    const paragraphs = docLetters(letters);
    if (setup.table === null) {
      appendPages(
        body,
        paragraphs.map((page) => page[0]!),
        next.to < next.part.accounts.length,
      );
    } else {
      appendTables(body, paragraphs, setup, next.from === 0);
    }
    const children = body.getNumChildren();
    const id = doc.getId();
    doc.saveAndClose();
    job = afterAppend(job, next.to, id, children);
  } else if (next.kind === 'export') {
    job = afterExport(job, exportPdf(job, next.part));
  }
  const updated = { ...stored, job };
  const done = nextStep(job, parts, 1).kind === 'done';
  if (done) forget(updated);
  else save(updated, before);
  return { ok: true, value: status(updated, parts, done) };
}

/** Stops the job: the finished Docs and PDFs stay, the unfinished Doc goes to the bin. */
export function cancelLetters(jobId: string): Reply<Status> {
  const stored = load(jobId);
  if (!stored) return fail(messages(language()).letters.unknownJob);
  discard(stored);
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
