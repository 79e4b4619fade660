// « Générer en PDF » in the add-on as a job of short steps (issue 6): which letters go in which
// Doc (one per class or profile when asked, parts of at most 100 pages), how many letters a
// step appends, and what a step does next. Pure: the add-on stores the job and makes the calls.
import type { JobStatus, LettersResult } from '../contract';
import { messages } from '../i18n';
import type { Account, Layout } from '../types';
import type { Language } from '../present';
import { splitAccounts, type SplitBy } from './split';

/** A Doc of more than about 100 pages is slow to open and to convert: cut into parts. */
export const MAX_PAGES_PER_PART = 100;
/**
 * What one step (one execution) may spend before it saves and returns: about four of Apps
 * Script's six minutes, leaving room for the call under way when the budget runs out (a
 * batchUpdate, a Doc's conversion to PDF) and the save.
 */
export const STEP_BUDGET_MS = 4 * 60 * 1000;

export type LettersSplit = 'none' | SplitBy;

/** The letters of one Doc and its PDF. */
export interface LetterPart {
  /** What the referent reads: « 6EME 3 », « Enseignant », or the school's name. */
  label: string;
  /** 1-based, within its group; partCount 1 when the group fits one Doc. */
  part: number;
  partCount: number;
  /** The Doc's name (the PDF adds « .pdf »). */
  name: string;
  accounts: Account[];
}

export interface PartNames {
  /** What the files are, by layout: « Cartes 8 par page », « Lettres A5 », « Lettres ». */
  prefix: string;
  /** « partie 2 sur 3 » */
  partOf: (part: number, count: number) => string;
  /** The label of a whole selection (no split). */
  all: string;
  /** A date and time the names end with, so that two runs are told apart in Drive. */
  stamp: string;
}

/** Accounts per part: 100 pages of the layout. */
export function partSize(layout: Layout): number {
  return MAX_PAGES_PER_PART * layout;
}

/**
 * Parts in order: the groups of the split (splitAccounts' order and names), each cut into
 * parts of at most 100 pages. Nobody is left out; with a split by class a parent is in each of
 * their children's classes, as in the CLI.
 */
export function planParts(
  accounts: readonly Account[],
  layout: Layout,
  split: LettersSplit,
  language: Language,
  names: PartNames,
): LetterPart[] {
  const groups =
    split === 'none'
      ? [{ label: names.all, accounts: [...accounts] }]
      : splitAccounts(accounts, split, language);
  const size = partSize(layout);
  const parts: LetterPart[] = [];
  for (const group of groups) {
    const count = Math.max(1, Math.ceil(group.accounts.length / size));
    for (let part = 1; part <= count; part++) {
      const pieces = [names.prefix, group.label];
      if (count > 1) pieces.push(names.partOf(part, count));
      pieces.push(names.stamp);
      parts.push({
        label: group.label,
        part,
        partCount: count,
        name: pieces.join(' – '),
        accounts: group.accounts.slice((part - 1) * size, part * size),
      });
    }
  }
  return parts.filter((part) => part.accounts.length > 0);
}

/** A Doc and its PDF, once a part is done. */
export interface LetterFile {
  label: string;
  part: number;
  partCount: number;
  letters: number;
  pages: number;
  doc: { name: string; url: string };
  pdf: { name: string; url: string };
}

/**
 * A job of another spreadsheet that no step has saved for 30 days is dropped when a job starts
 * (its finished files stay): the user's properties are shared by every spreadsheet the add-on
 * runs in. A job of the same spreadsheet waits, shown by the sidebar, until resumed or abandoned.
 */
export const ABANDONED_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export function isAbandoned(savedAt: number | undefined, now: number): boolean {
  return savedAt === undefined || now - savedAt > ABANDONED_AFTER_MS;
}

/**
 * What the add-on keeps between steps (one user property): bounded, whatever the school's
 * size. The selection itself is frozen elsewhere (a hidden tab, see frozen.ts); the files made
 * go one per key.
 */
export interface LettersJob {
  jobId: string;
  /** The spreadsheet the job belongs to: its sidebar shows it and resumes it. */
  spreadsheetId: string;
  layout: Layout;
  split: LettersSplit;
  /** Of the frozen selection's logins in order: a frozen copy edited by hand is noticed. */
  fingerprint: string;
  /** Letters over every part, and those of the finished parts. */
  total: number;
  done: number;
  stamp: string;
  /** The part under way, and its next letter. */
  part: number;
  next: number;
  /** The part's Doc once created (and its address), its body's end index after the last saved batch. */
  docId: string | null;
  docUrl: string | null;
  end: number;
  files: LetterFile[];
}

export type LetterStep =
  | { kind: 'append'; part: LetterPart; from: number }
  | { kind: 'export'; part: LetterPart }
  | { kind: 'done' };

export function newJob(
  jobId: string,
  spreadsheetId: string,
  layout: Layout,
  split: LettersSplit,
  accounts: readonly Account[],
  parts: readonly LetterPart[],
  stamp: string,
): LettersJob {
  return {
    jobId,
    spreadsheetId,
    layout,
    split,
    fingerprint: fingerprint(accounts),
    total: parts.reduce((sum, part) => sum + part.accounts.length, 0),
    done: 0,
    stamp,
    part: 0,
    next: 0,
    docId: null,
    docUrl: null,
    end: 0,
    files: [],
  };
}

export function nextStep(job: LettersJob, parts: readonly LetterPart[]): LetterStep {
  const part = parts[job.part];
  if (!part) return { kind: 'done' };
  if (job.next < part.accounts.length) return { kind: 'append', part, from: job.next };
  return { kind: 'export', part };
}

/**
 * Before a step: a Doc whose body does not end where the last saved batch left it (a step
 * stopped after a batch it could not save) is dropped and its part starts again, so nobody is
 * twice and nobody is missing. `endFound` is null when the Doc cannot be read.
 */
export function reconcile(
  job: LettersJob,
  endFound: number | null,
): { job: LettersJob; discard: string | null } {
  if (job.docId === null || endFound === job.end) return { job, discard: null };
  return { job: { ...job, docId: null, docUrl: null, next: 0, end: 0 }, discard: job.docId };
}

export function afterAppend(
  job: LettersJob,
  to: number,
  doc: { id: string; url: string },
  end: number,
): LettersJob {
  return { ...job, next: to, docId: doc.id, docUrl: doc.url, end };
}

export function afterExport(job: LettersJob, file: LetterFile): LettersJob {
  return {
    ...job,
    part: job.part + 1,
    done: job.done + file.letters,
    next: 0,
    docId: null,
    docUrl: null,
    end: 0,
    files: [...job.files, file],
  };
}

/** Letters done and to do, over every part. */
export function jobProgress(job: LettersJob): { processed: number; total: number } {
  return { processed: Math.min(job.total, job.done + job.next), total: job.total };
}

/**
 * What the sidebar's progress shows after a step (the adapter adds the job's id): the count of
 * files once done, « Conversion en PDF » while a part's Doc is full, else the part under way.
 */
export function lettersJobStatus(
  job: LettersJob,
  parts: readonly LetterPart[],
  done: boolean,
  language: Language,
): Omit<JobStatus<LettersResult>, 'jobId'> {
  const t = messages(language).letters;
  const { processed, total } = jobProgress(job);
  const part = parts[job.part];
  const label = done
    ? t.done(job.files.length, total)
    : part && job.next >= part.accounts.length
      ? t.exporting(part.name)
      : part
        ? t.step(job.part + 1, parts.length, part.label)
        : '';
  return { done, processed, total, label, ...(done ? { result: { files: job.files } } : {}) };
}

/** FNV-1a over the logins in order (and their count): cheap, enough to notice a change. */
export function fingerprint(accounts: readonly Account[]): string {
  let hash = 0x811c9dc5;
  for (const account of accounts) {
    const text = `${account.login}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return `${accounts.length}-${hash.toString(16)}`;
}
