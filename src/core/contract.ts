// The sidebar ↔ server contract: one module of request and response types used by both sides.
// Everything crosses google.script.run, so it is plain data (no Date, no function, no class).
import type { Language } from './present';
import type { LetterFile, LettersSplit } from './letters/job';
import type { ShareRole } from './share';
import type { Account, Filters, Layout, Profile, Settings, SortKey, Summary } from './types';
import type { TextFormat, TextId } from './texts/catalog';
import type { LetterVariant } from './letters/model';
import type { FilterGroup, Relaxed } from './widen';

export type { LetterFile, LettersSplit, ShareRole, FilterGroup, Relaxed };

export type FilterName = 'levels' | 'activation' | 'email' | 'localAdmins' | 'created' | 'blocked';

/** A failure the referent can act on, said in their language. */
export interface UserFailure {
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: UserFailure };

export interface SheetChoice {
  name: string;
  looksLikeExport: boolean;
}

export interface ColumnInfo {
  field: string;
  /** The field's name for the referent (« Date de création »). */
  label: string;
  /** The header found in the sheet, or null when the column is absent. */
  header: string | null;
  required: boolean;
}

export interface FilterOptions {
  profiles: { value: Profile; label: string; count: number }[];
  levels: { name: string; classes: string[] }[];
  /** Filters that cannot be used on this sheet, with the reason to show. */
  unavailable: Partial<Record<FilterName, string>>;
}

export interface SourceInfo {
  language: Language;
  sheets: SheetChoice[];
  sheetName: string;
  accountCount: number;
  columns: ColumnInfo[];
  warnings: string[];
  /** How many warnings the export raised; `warnings` shows a few of each kind. */
  warningCount: number;
  options: FilterOptions;
}

export interface SelectionRequest {
  sheetName: string;
  filters: Filters;
  sort: SortKey;
  showCodes: boolean;
  /**
   * Only these logins, within the filters: the strategy « Courriel pour ceux qui ont une adresse,
   * PDF pour les autres » asks the letters for exactly the accounts the campaign skipped.
   */
  logins?: string[];
}

export interface PreviewResult {
  tabName: string;
  summary: Summary;
  /** True when an earlier preview tab was replaced. */
  replaced: boolean;
}

export interface ExportResult {
  fileName: string;
  url: string;
  count: number;
}

/** The server functions the sidebar calls, by their entry-point name. */
export interface ServerApi {
  getSource(sheetName: string | null): Reply<SourceInfo>;
  runPreview(request: SelectionRequest): Reply<PreviewResult>;
  exportSelection(request: SelectionRequest): Reply<ExportResult>;
  getSettings(): Reply<SettingsView>;
  saveSettings(settings: Settings): Reply<SettingsView>;
  planMail(request: SelectionRequest): Reply<MailConfirmation>;
  sendTestMail(): Reply<TestMailResult>;
  /** `runId`: made by the sidebar, so that it keeps its run across a step stopped by the time limit. */
  startMail(request: SelectionRequest, runId: string): Reply<JobStatus<MailOutcome>>;
  continueMail(jobId: string): Reply<JobStatus<MailOutcome>>;
  resumeMail(runId: string): Reply<JobStatus<MailOutcome>>;
  cancelMail(jobId: string): Reply<JobStatus<MailOutcome>>;
  startLetters(request: LettersRequest): Reply<JobStatus<LettersResult>>;
  continueLetters(jobId: string): Reply<JobStatus<LettersResult>>;
  cancelLetters(jobId: string): Reply<JobStatus<LettersResult>>;
  /** This spreadsheet's unfinished letters job, if any: the sidebar offers to resume it. */
  pendingLetters(): Reply<PendingLetters | null>;
  /** « Compter », and the first step of the preview and the export: how many, before any write. */
  planSelection(request: SelectionRequest): Reply<SelectionPlan>;
  /**
   * The preview tab written a chunk of rows at a time (the sidebar shows « 1 000 / 3 000
   * lignes »): `from` 0 clears the tab and writes its head; `fingerprint`, null at first, is the
   * previous step's, so that a sheet changed between two steps is said, not mixed.
   */
  writePreviewRows(
    request: SelectionRequest,
    from: number,
    fingerprint: string | null,
  ): Reply<PreviewProgress>;
  /** « Partager l'aperçu »: the preview, codes masked, in its own spreadsheet shared with these addresses. */
  sharePreview(request: ShareRequest): Reply<ShareResult>;
  /** « Importer un export ENT »: a new tab in plain text, then its rows in calls, then its name. */
  beginImport(start: ImportStart): Reply<ImportTicket>;
  appendImport(chunk: ImportChunk): Reply<ImportProgress>;
  finishImport(importId: string): Reply<ImportResult>;
  /** Deletes the tab of an import that failed, so that no half tab looks complete. */
  abortImport(importId: string): Reply<null>;
  /** The six texts of a language (the referent's own when null), customised or default. */
  getTexts(language: Language | null): Reply<TextsView>;
  /** Checks then stores one text; refused with the French problems when it cannot be used. */
  saveText(request: SaveTextRequest): Reply<TextView>;
  /** « Rétablir le texte par défaut »: the stored text removed. */
  resetText(language: Language, id: TextId): Reply<TextView>;
  /** Accounts of the selection for the live preview, fullest first, and the settings. */
  getTextExamples(request: TextExamplesRequest): Reply<TextExamples>;
}

/** A selection counted before anything is written; when empty, how to widen it. */
export interface SelectionPlan {
  total: number;
  /** Accounts read from the source tab, before the filters. */
  accountCount: number;
  /** When nothing is selected: each group of filters set, with what relaxing it alone gives. */
  relax: Relaxed[];
}

/** One step of the preview's writing. */
export interface PreviewProgress {
  /** Accounts written so far, and the selection's total. */
  written: number;
  total: number;
  /** The selection's logins, hashed: the next step checks that it is still the same. */
  fingerprint: string;
  done: boolean;
  tabName: string;
  summary: Summary;
  /** Set by the first step: an earlier preview tab was replaced. */
  replaced?: boolean;
}

/** « Partager l'aperçu »: the selection, and who gets it (the addresses as typed) with which role. */
export interface ShareRequest extends SelectionRequest {
  addresses: string;
  role: ShareRole;
}

export interface ShareResult {
  fileName: string;
  url: string;
  /** Accounts in the shared preview. */
  count: number;
  /** The shared spreadsheet was made now: the first share, or the earlier one was deleted. */
  created: boolean;
  /** An earlier shared spreadsheet was deleted or trashed: this link replaces its link. */
  replacedLost: boolean;
  /** Addresses given access now (or a new role). */
  shared: string[];
  /** Addresses that already had this access (or more): nothing sent to them again. */
  alreadyShared: string[];
  /** Addresses Drive refused, each with Drive's reason; the others are shared all the same. */
  failed: { address: string; reason: string }[];
  /** Everyone the file is shared with now, the owner aside. */
  access: { address: string; role: string }[];
}

/** The table the sidebar read from the export, announced before its rows (a rectangle). */
export interface ImportStart {
  rows: number;
  columns: number;
}

export interface ImportTicket {
  importId: string;
  /** The name the tab takes once complete (until then, « … (import en cours) »). */
  sheetName: string;
}

/** Rows `start` (0-based) to `start + rows.length - 1` of the import, each `columns` strings. */
export interface ImportChunk {
  importId: string;
  start: number;
  rows: string[][];
}

export interface ImportProgress {
  written: number;
  total: number;
}

export interface ImportResult {
  sheetName: string;
  rows: number;
}

/** One editable text as the sidebar shows it. */
export interface TextView {
  id: TextId;
  language: Language;
  format: TextFormat;
  variant: LetterVariant;
  /** « Carte – compte non activé ». */
  label: string;
  /** The text in use (an e-mail: subject, blank line, body). */
  source: string;
  defaultSource: string;
  /** A text of the referent's is stored (else the default is used). */
  customised: boolean;
}

/** The field list the sidebar offers: « {{prénom}} » and what it is. */
export interface MergeFieldView {
  /** As typed in this language's texts: « {{prénom}} » or « {{first_name}} ». */
  tag: string;
  label: string;
  description: string;
}

export interface TextsView {
  language: Language;
  texts: TextView[];
  fields: MergeFieldView[];
  /** Longest text, in characters (one document property). */
  maxLength: number;
}

export interface SaveTextRequest {
  language: Language;
  id: TextId;
  source: string;
  /**
   * The selection the referent works on: a letter or card text is then checked on its fullest
   * accounts (« trop long pour sa carte : pour … »). Without one, on the example accounts.
   */
  selection?: SelectionRequest | null;
  /** For a letter text, the layout it is checked in (2, the A5 half page, is smaller); 1 by default. */
  layout?: Layout | null;
}

export interface TextExamplesRequest {
  selection: SelectionRequest;
  /** An account the referent picked, by login, returned first of its variant when selected. */
  login?: string | null;
}

export interface TextExamples {
  settings: Settings;
  /** Up to five accounts a variant, fullest first (longest name, most classes or children). */
  accounts: Record<LetterVariant, Account[]>;
}

/** « Générer en PDF »: the selection, the layout, one file or one per class or profile. */
export interface LettersRequest extends SelectionRequest {
  layout: Layout;
  split: LettersSplit;
  /** The referent chose « Générer quand même » with a placeholder ENT address. */
  confirmed: boolean;
}

/** A letters job left unfinished (its sidebar closed): « Courriers en cours : N sur M ». */
export interface PendingLetters {
  jobId: string;
  processed: number;
  total: number;
  /** The parts finished so far, with their links. */
  files: LetterFile[];
}

/** Every Doc and PDF made, in order (parts of a group together). */
export interface LettersResult {
  files: LetterFile[];
}

/**
 * A long job (letters, a campaign) runs as steps the sidebar calls in a loop, each well under
 * Apps Script's six minutes; every step saves its progress before it returns.
 */
export interface JobStatus<R = unknown> {
  jobId: string;
  done: boolean;
  /** Units done and to do (pages, messages), for the progress bar. */
  processed: number;
  total: number;
  /** What the step did, in the user's language ("Page 120 sur 400"). */
  label: string;
  /** Set once done: what the job produced (links, counts). */
  result?: R;
}

/** The settings panel: stored in the document's properties (letters and e-mails share them). */
export interface SettingsView {
  settings: Settings;
  /** Fields still holding a placeholder, with the message to show next to them. */
  problems: { field: string; message: string }[];
  /** The problem that asks for confirmation before letters (a placeholder ENT address), or null. */
  blocking: { field: string; message: string } | null;
}

/** An account the campaign does not write to, and why: the strategy gives it a letter instead. */
export interface SkippedAccount {
  login: string;
  name: string;
  reason: 'ignoré : sans courriel' | 'ignoré : courriel invalide';
}

/** « Envoyer par courriel »'s confirmation: what would happen, before anything is sent. */
export interface MailConfirmation {
  campaignId: string;
  /** Accounts of the selection. */
  total: number;
  /** Sent now: what fits in today's quota. */
  toSend: number;
  /** Beyond today's quota: sent on the next days by the hourly resume. */
  waitingQuota: number;
  skippedNoEmail: number;
  skippedInvalid: number;
  /** Already `envoyé` in this campaign: never sent again. */
  alreadySent: number;
  /** `échec` entries a new run tries again. */
  failedToRetry: number;
  /** `à vérifier`: left for the referent, never resent. */
  unverified: number;
  remainingQuota: number;
  /** A campaign started earlier is not finished (« Reprendre » continues it). */
  unfinished: boolean;
  /** No one to send to, now or later: the sidebar says so instead of offering to confirm. */
  nothingToSend: boolean;
  /** Accounts of earlier selections still waiting in the campaign's queue (issue 14 #1). */
  fromEarlier?: number;
  /** The selection's filters in a sentence, as the preview tab says them. */
  selection?: string;
  /** The preview tab shows another selection (other filters or another total). */
  differsFromPreview?: boolean;
  skipped: SkippedAccount[];
}

/** What a campaign run has done so far, the result of its job. */
export interface MailOutcome {
  campaignId: string;
  state: 'running' | 'waiting-quota' | 'complete' | 'cancelled';
  total: number;
  /** Sent by the campaign so far (every run, every day). */
  sent: number;
  /** Sent by this run (this « Envoyer » or « Reprendre »), what the referent just did. */
  sentNow?: number;
  skipped: number;
  failed: number;
  unverified: number;
  waitingQuota: number;
  /** When the hourly resume should find the quota back (ISO), while waiting for it. */
  resumeAfter: string | null;
  /** The selection's accounts without a sendable address: the letters' half of the strategy. */
  skippedAccounts: SkippedAccount[];
}

export interface TestMailResult {
  to: string;
  count: number;
  remainingQuota: number;
}
