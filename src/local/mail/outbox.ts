// The CLI's outbox: each message an .eml file, the campaign's journal in journal.csv beside them.
// Writing a file is the CLI's "send"; a rerun on the same outbox sends nothing twice.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { quoteCell, unsafeCell } from '../../core/csv-export';
import { isSendableAddress } from '../../core/mail/address';
import {
  JOURNAL_HEADER,
  MemoryJournalStore,
  entryToRow,
  journalKey,
  rowToEntry,
  type JournalEntry,
} from '../../core/mail/journal';
import { campaignIdFor } from '../../core/mail/campaign';
import { buildMessage, type MailMessage } from '../../core/mail/message';
import type { TextSources } from '../../core/texts';
import { runCampaignStep, type StepReport } from '../../core/mail/step';
import type { Language } from '../../core/present';
import type { Account, Settings } from '../../core/types';
import { readCsvFile } from '../csv';
import { emlFileName, formatEml, messageIdFor, messageIdPrefix } from './eml';

export const JOURNAL_FILE = 'journal.csv';
/** The From address when the settings give no reply-to: a reserved domain, never delivered. */
export const PLACEHOLDER_FROM = 'publipostage@publipostage.invalid';

/** A problem with the outbox for the referent, in French. */
export class OutboxError extends Error {
  override name = 'OutboxError';
}

/** Writes beside the target then renames: a stop never leaves half a file under the real name. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, path);
}

/**
 * journal.csv: UTF-8 with BOM, `;`, every cell quoted, rewritten whole at each batch; a cell a
 * spreadsheet program would run gets the export's apostrophe, taken off when read back. Read
 * once when made, then the memory store's entries, written back after each save.
 */
export class CsvJournalStore extends MemoryJournalStore {
  constructor(readonly path: string) {
    super();
    if (!existsSync(path)) return;
    const [header, ...rows] = readCsvFile(path).rows;
    if (header?.[0]?.trim() !== JOURNAL_HEADER[0] || header?.[2]?.trim() !== JOURNAL_HEADER[2]) {
      throw new OutboxError(
        `« ${path} » n'est pas un journal de publipostage : sa première ligne devrait être ${JOURNAL_HEADER.join(';')}.`,
      );
    }
    rows.forEach((row, i) => {
      const entry = rowToEntry(row.map(unsafeCell));
      if (!entry && row.some((cell) => cell.trim() !== '')) {
        throw new OutboxError(
          `« ${path} », ligne ${i + 2} : campagne ou identifiant manquant ; corrigez ou supprimez cette ligne.`,
        );
      }
      if (entry) this.entries.set(journalKey(entry), entry);
    });
  }

  override save(entries: readonly JournalEntry[]): void {
    super.save(entries);
    const lines = [JOURNAL_HEADER, ...[...this.entries.values()].map(entryToRow)].map((row) =>
      row.map(quoteCell).join(';'),
    );
    writeAtomically(this.path, `\uFEFF${lines.join('\r\n')}\r\n`);
  }
}

export interface OutboxMailer {
  send(message: MailMessage): void;
  /** An .eml under the login's name is a message that left: files are written atomically. */
  probe(entry: JournalEntry): 'sent' | 'not-sent';
  /** .eml files this mailer wrote: the run's sends (a message found already there is not one). */
  written: number;
}

/** The Message-ID header of an .eml file, or null when it has none (a file not ours). */
function messageIdOf(path: string): string | null {
  const head = readFileSync(path, 'utf8').split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^Message-ID:\s*(<[^>\r\n]*>)/im.exec(head)?.[1] ?? null;
}

export function outboxMailer(
  dir: string,
  campaignId: string,
  fromAddress: string,
  now: () => number,
): OutboxMailer {
  const domain = fromAddress.slice(fromAddress.indexOf('@') + 1);
  const idOf = (login: string) => messageIdFor(campaignId, login, domain);
  // The campaign's own Message-ID, whatever domain the settings gave it then.
  const ours = (path: string, login: string) =>
    messageIdOf(path)?.split('@')[0] === idOf(login).split('@')[0];
  const mailer: OutboxMailer = {
    written: 0,
    send(message) {
      const path = join(dir, emlFileName(message.login));
      // Already there (journal.csv lost or edited): the probe settles it.
      if (existsSync(path)) throw new Error(`déjà dans la boîte d'envoi : ${path}`);
      const eml = formatEml(message, {
        fromAddress,
        date: new Date(now()),
        messageId: idOf(message.login),
      });
      writeAtomically(path, eml);
      mailer.written++;
    },
    probe(entry) {
      const path = join(dir, emlFileName(entry.login));
      if (!existsSync(path)) return 'not-sent';
      if (ours(path, entry.login)) return 'sent';
      throw new OutboxError(otherCampaign(dir, path));
    },
  };
  return mailer;
}

const otherCampaign = (dir: string, path: string) =>
  `La boîte d'envoi « ${dir} » contient déjà un message d'une autre campagne (« ${path} ») : choisissez un dossier vide pour cette campagne.`;

/**
 * One run per outbox at a time (issue 14 #8: three runs at once wrote 4,545 to 6,522 messages
 * for 3,491 recipients): a lock file made with O_EXCL, holding the process id; a lock whose
 * process is gone is taken over.
 */
function lockOutbox(dir: string): () => void {
  const path = join(dir, '.publipostage.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new OutboxError(
          `Un envoi est déjà en cours sur la boîte d'envoi « ${dir} » (processus ${pid}) : attendez qu'il se termine, puis relancez.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new OutboxError(`Impossible de verrouiller la boîte d'envoi « ${dir} ».`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OutboxCampaignOptions {
  accounts: readonly Account[];
  outbox: string;
  settings: Settings;
  language: Language;
  /** The referent's texts (`--templates`); a missing one is the default. */
  texts?: TextSources;
  now: () => number;
  /** Messages this run may send (a simulated daily quota); unlimited when absent. */
  quota?: number;
  /** The campaign id; by default the outbox's, or `courriel-AAAA-MM-JJ` for a new outbox. */
  campaignId?: string;
}

export interface OutboxCampaignResult {
  campaignId: string;
  report: StepReport;
  /** Messages written by this run. */
  sent: number;
  journalPath: string;
  /** .eml files in the outbox. */
  files: number;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Runs the campaign's steps on the outbox until it is complete or out of quota. */
export function runOutboxCampaign(options: OutboxCampaignOptions): OutboxCampaignResult {
  const { outbox } = options;
  if (existsSync(outbox) && !statSync(outbox).isDirectory()) {
    throw new OutboxError(`La boîte d'envoi « ${outbox} » est un fichier, pas un dossier.`);
  }
  try {
    mkdirSync(outbox, { recursive: true });
  } catch (error) {
    throw new OutboxError(
      `Impossible de créer la boîte d'envoi « ${outbox} » : ${(error as Error).message}`,
    );
  }
  const unlock = lockOutbox(outbox);
  try {
    return runLocked(options, outbox);
  } finally {
    unlock();
  }
}

function runLocked(options: OutboxCampaignOptions, outbox: string): OutboxCampaignResult {
  if (options.campaignId !== undefined && options.campaignId.trim() === '') {
    throw new OutboxError(
      'Le nom de campagne (« --campaign ») est vide : donnez-en un, par exemple courriel-2026-09-01.',
    );
  }
  const journalPath = join(outbox, JOURNAL_FILE);
  const store = new CsvJournalStore(journalPath);
  const existing = store.campaignIds();
  const day = new Date(options.now()).toISOString().slice(0, 10);
  const campaignId = options.campaignId ?? existing[0] ?? campaignIdFor(day);
  const other = existing.find((id) => id !== campaignId);
  if (other !== undefined) {
    throw new OutboxError(
      `La boîte d'envoi « ${outbox} » contient déjà la campagne « ${other} » : choisissez un autre dossier pour la campagne « ${campaignId} ».`,
    );
  }
  const replyTo = (options.settings.replyTo ?? '').trim();
  const fromAddress = isSendableAddress(replyTo) ? replyTo : PLACEHOLDER_FROM;
  const mailer = outboxMailer(outbox, campaignId, fromAddress, options.now);
  // An .eml of another campaign where this one would write: refused before anything is sent.
  const mine = store.load(campaignId).length > 0;
  if (!mine) {
    for (const name of readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
      const path = join(outbox, name);
      if (!messageIdOf(path)?.startsWith(messageIdPrefix(campaignId))) {
        throw new OutboxError(otherCampaign(outbox, path));
      }
    }
  }
  // A login the journal could not read back (empty) is not sent: every rerun would stop on it.
  const accounts = options.accounts.filter((a) => a.login.trim() !== '');
  let report: StepReport;
  for (let first = true; ; first = false) {
    report = runCampaignStep({
      campaignId,
      accounts,
      store,
      build: (account) =>
        buildMessage(account, options.settings, {
          language: options.language,
          campaignId,
          texts: options.texts,
        }),
      send: (message) => mailer.send(message),
      probe: (entry) => mailer.probe(entry),
      now: options.now,
      remainingQuota:
        options.quota === undefined ? UNLIMITED : Math.max(0, options.quota - mailer.written),
      // The outbox's probe is exact, so large batches cost no safety: fewer journal rewrites.
      maxMessages: 1000,
      batchSize: 250,
      retryFailed: first,
    });
    // A step always sends when it can; one that made no call has nothing left to do now.
    if (report.state !== 'running' || report.calls === 0) break;
  }
  const files = readdirSync(outbox).filter((name) => name.endsWith('.eml')).length;
  return { campaignId, report, sent: mailer.written, journalPath, files };
}
