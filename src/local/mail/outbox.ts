// The CLI's outbox: each message an .eml file, the campaign's journal in journal.csv beside them.
// Writing a file is the CLI's "send"; a rerun on the same outbox sends nothing twice.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
import { runCampaignStep, type StepReport } from '../../core/mail/step';
import type { Language } from '../../core/present';
import type { Account, Settings } from '../../core/types';
import { readCsvFile } from '../csv';
import { emlFileName, formatEml, messageIdFor } from './eml';

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
        `« ${path} » n'est pas un journal de publipostage : sa première ligne devrait être ${JOURNAL_HEADER.join(';')}.`,
      );
    }
    rows.forEach((row, i) => {
      const entry = rowToEntry(row.map(unsafeCell));
      if (!entry && row.some((cell) => cell.trim() !== '')) {
        throw new OutboxError(
          `« ${path} », ligne ${i + 2} : campagne ou identifiant manquant ; corrigez ou supprimez cette ligne.`,
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

export function outboxMailer(
  dir: string,
  campaignId: string,
  fromAddress: string,
  now: () => number,
): OutboxMailer {
  const domain = fromAddress.slice(fromAddress.indexOf('@') + 1);
  const mailer: OutboxMailer = {
    written: 0,
    send(message) {
      const path = join(dir, emlFileName(message.login));
      // Already there (journal.csv lost or edited): an uncertain outcome, the probe settles it.
      if (existsSync(path)) throw new Error(`déjà dans la boîte d'envoi : ${path}`);
      const eml = formatEml(message, {
        fromAddress,
        date: new Date(now()),
        messageId: messageIdFor(campaignId, message.login, domain),
      });
      writeAtomically(path, eml);
      mailer.written++;
    },
    probe(entry) {
      return existsSync(join(dir, emlFileName(entry.login))) ? 'sent' : 'not-sent';
    },
  };
  return mailer;
}

export interface OutboxCampaignOptions {
  accounts: readonly Account[];
  outbox: string;
  settings: Settings;
  language: Language;
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
    throw new OutboxError(`La boîte d'envoi « ${outbox} » est un fichier, pas un dossier.`);
  }
  try {
    mkdirSync(outbox, { recursive: true });
  } catch (error) {
    throw new OutboxError(
      `Impossible de créer la boîte d'envoi « ${outbox} » : ${(error as Error).message}`,
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
      `La boîte d'envoi « ${outbox} » contient déjà la campagne « ${other} » : choisissez un autre dossier pour la campagne « ${campaignId} ».`,
    );
  }
  const replyTo = (options.settings.replyTo ?? '').trim();
  const fromAddress = isSendableAddress(replyTo) ? replyTo : PLACEHOLDER_FROM;
  const mailer = outboxMailer(outbox, campaignId, fromAddress, options.now);
  let report: StepReport;
  for (let first = true; ; first = false) {
    report = runCampaignStep({
      campaignId,
      accounts: options.accounts,
      store,
      build: (account) => buildMessage(account, options.settings, { language: options.language }),
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
