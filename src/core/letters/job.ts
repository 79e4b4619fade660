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
 * DocumentApp calls a letter or card costs at most: 36.4 (layout 1), 44.7 (2), 23.4 (8), measured in the emulator (see
 * docs/LETTERS.md; a test holds the add-on to it).
 */
export const CALLS_PER_LETTER = 48;
/** A guess at one DocumentApp call's cost inside a script (no network round trip per call). */
export const MS_PER_CALL = 10;
/** What a step may spend on letters, far under Apps Script's six minutes and the 30 s goal. */
export const STEP_BUDGET_MS = 15_000;

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
  /** « Courriers ENT » */
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

/**
 * Letters a step appends: as many as the budget allows at the measured calls per letter,
 * whole pages only (a table is one page), at least one page.
 */
export function lettersPerStep(
  layout: Layout,
  callsPerLetter = CALLS_PER_LETTER,
  msPerCall = MS_PER_CALL,
  budgetMs = STEP_BUDGET_MS,
): number {
  const letters = Math.floor(budgetMs / (callsPerLetter * msPerCall));
  return Math.max(layout, Math.floor(letters / layout) * layout);
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
 * A job no step has saved for a day is abandoned: the sidebar steps a running job every few
 * seconds, so a day without a step means its tab was closed. Jobs without a date (saved by an
 * older version) count as abandoned.
 */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export function isAbandoned(savedAt: number | undefined, now: number): boolean {
  return savedAt === undefined || now - savedAt > ABANDONED_AFTER_MS;
}

/** What the add-on keeps between steps (user properties): small, plain data. */
export interface LettersJob {
  jobId: string;
  layout: Layout;
  split: LettersSplit;
  /** Of the selection's logins in order: a sheet edited between steps is noticed. */
  fingerprint: string;
  stamp: string;
  /** The part under way, and its next letter. */
  part: number;
  next: number;
  /** The part's Doc once created, and its body's children after the last step that ended well. */
  docId: string | null;
  children: number;
  files: LetterFile[];
}

export type LetterStep =
  | { kind: 'append'; part: LetterPart; from: number; to: number; newDoc: boolean }
  | { kind: 'export'; part: LetterPart }
  | { kind: 'done' };

export function newJob(
  jobId: string,
  layout: Layout,
  split: LettersSplit,
  accounts: readonly Account[],
  stamp: string,
): LettersJob {
  return {
    jobId,
    layout,
    split,
    fingerprint: fingerprint(accounts),
    stamp,
    part: 0,
    next: 0,
    docId: null,
    children: 0,
    files: [],
  };
}

export function nextStep(
  job: LettersJob,
  parts: readonly LetterPart[],
  perStep: number,
): LetterStep {
  const part = parts[job.part];
  if (!part) return { kind: 'done' };
  if (job.next < part.accounts.length) {
    const to = Math.min(part.accounts.length, job.next + perStep);
    return { kind: 'append', part, from: job.next, to, newDoc: job.docId === null };
  }
  return { kind: 'export', part };
}

/**
 * Before a step: a Doc whose body does not hold what the last good step left (a step stopped
 * half-way) is dropped and its part starts again, so nobody is twice and nobody is missing.
 */
export function reconcile(
  job: LettersJob,
  childrenFound: number | null,
): { job: LettersJob; discard: string | null } {
  if (job.docId === null || childrenFound === job.children) return { job, discard: null };
  return { job: { ...job, docId: null, next: 0, children: 0 }, discard: job.docId };
}

export function afterAppend(job: LettersJob, to: number, docId: string, children: number) {
  return { ...job, next: to, docId, children };
}

export function afterExport(job: LettersJob, file: LetterFile): LettersJob {
  return {
    ...job,
    part: job.part + 1,
    next: 0,
    docId: null,
    children: 0,
    files: [...job.files, file],
  };
}

/** Letters done and to do, over every part. */
export function jobProgress(job: LettersJob, parts: readonly LetterPart[]) {
  let total = 0;
  let processed = 0;
  parts.forEach((part, i) => {
    total += part.accounts.length;
    if (i < job.part) processed += part.accounts.length;
    else if (i === job.part) processed += job.next;
  });
  return { processed, total };
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
  const { processed, total } = jobProgress(job, parts);
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
