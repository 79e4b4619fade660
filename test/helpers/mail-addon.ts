// dist/Code.js in the emulator's runtime, in-process, on a generated school, with helpers to run a
// campaign as the sidebar does (start, continue until done, « Reprendre » after a stopped step)
// and to check the invariants: one final state per account, none sent twice, none lost.
import { expect } from 'vitest';
import {
  FINAL_STATUSES,
  JOURNAL_HEADER,
  JOURNAL_TAB,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  type JournalStatus,
} from '../../src/core/mail/journal';
import type { MailFaults } from '../../src/local/emulator/gmail';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { AppsScriptRuntime, ScriptError } from '../../src/local/emulator/runtime';
import { readDist } from './dist';

export const SHEET = 'Comptes';
export const JOURNAL = JOURNAL_TAB;

export interface SchoolAccount {
  login: string;
  email: string;
  /** What the generator made of the address: the oracle's truth, not the add-on's reading. */
  address: 'valid' | 'missing' | 'invalid';
}

/** n accounts: every 10th without an address, every 17th with an invalid one, the rest valid. */
export function mailSchool(n: number): { rows: string[][]; accounts: SchoolAccount[] } {
  const rows = [['Nom', 'Prénom', 'Identifiant', 'Type', "Code d'activation", 'Courriel']];
  const accounts: SchoolAccount[] = [];
  for (let i = 1; i <= n; i++) {
    const login = `eleve.${String(i).padStart(4, '0')}`;
    const address = i % 10 === 0 ? 'missing' : i % 17 === 0 ? 'invalid' : 'valid';
    const email = { missing: '', invalid: `${login}@invalide`, valid: `${login}@example.org` }[
      address
    ];
    rows.push([
      `NOM${i}`,
      `Prénom${i}`,
      login,
      i % 2 ? 'Enseignant' : 'Personnel',
      i % 3 ? `c${i}x` : '',
      email,
    ]);
    accounts.push({ login, email, address });
  }
  return { rows, accounts };
}

export function addonRuntime(n: number, faults: Partial<MailFaults> = {}) {
  const school = mailSchool(n);
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(school.rows, SHEET),
    // The campaign's counts below are per batch, with steps that never meet their 30 s
    // deadline: the clock stands still (on the realistic table a step sends about 35 messages).
    latency: 'fast',
  });
  runtime.stores.mail.setFaults(faults);
  return { runtime, accounts: school.accounts };
}

export const request = { sheetName: SHEET, filters: {}, sort: 'alpha', showCodes: false };

type Status = { jobId: string; done: boolean; processed: number; total: number; result?: Outcome };
type Outcome = { state: string; sent: number; waitingQuota: number; failed: number };
type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/**
 * The sidebar's loop: startMail, then continueMail until done. A step stopped by the time limit
 * fails; the referent then clicks « Reprendre » (resumeMail). Returns the last status.
 */
export function runAsSidebar(runtime: AppsScriptRuntime, maxCalls = 500, runId = 'sidebar-1') {
  let stops = 0;
  let calls = 0;
  let reply: Reply<Status> | null = null;
  let call: () => unknown = () => runtime.runFromClient('startMail', [request, runId]);
  while (calls++ < maxCalls) {
    try {
      reply = call() as Reply<Status>;
    } catch (error) {
      expect(error).toBeInstanceOf(ScriptError);
      expect((error as Error).message).toBe("Temps d'exécution maximal dépassé");
      stops++;
      call = () => runtime.runFromClient('resumeMail', [runId]);
      continue;
    }
    if (!reply.ok) throw new Error(reply.error.message);
    if (reply.value.done) return { status: reply.value, stops, calls };
    const jobId = reply.value.jobId;
    call = () => runtime.runFromClient('continueMail', [jobId]);
  }
  throw new Error(`the campaign did not end in ${maxCalls} calls`);
}

/** The journal tab's rows, read from the store (uncounted). */
export function journalRows(runtime: AppsScriptRuntime): Record<string, string>[] {
  const sheet = runtime.stores.spreadsheet.sheetByName(JOURNAL);
  if (!sheet) return [];
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    const row: Record<string, string> = {};
    JOURNAL_HEADER.forEach((name, c) => (row[name] = String(sheet.cell(r, c + 1).value ?? '')));
    rows.push(row);
  }
  return rows;
}

export interface Tally {
  recipients: number;
  delivered: number;
  duplicates: number;
  lost: number;
  byStatus: Record<string, number>;
}

/**
 * Every account has exactly one journal row, in a final state; no address got two messages;
 * none is lost: `envoyé` ⇔ delivered once, skipped ⇔ the generator made the address missing or
 * invalid (with the matching reason), `échec` only for an
 * address the emulator refuses, `à vérifier` only when a message may have left.
 */
export function checkCampaign(
  runtime: AppsScriptRuntime,
  accounts: SchoolAccount[],
  refused: string[] = [],
): Tally {
  const rows = journalRows(runtime);
  const delivered = new Map<string, number>();
  for (const m of runtime.stores.outbox) {
    if (m.subject.startsWith('[TEST]')) continue;
    delivered.set(m.to, (delivered.get(m.to) ?? 0) + 1);
  }
  let lost = 0;
  const byStatus: Record<string, number> = {};
  for (const account of accounts) {
    const mine = rows.filter((r) => r.Identifiant === account.login);
    expect(mine, account.login).toHaveLength(1);
    const status = mine[0]!.Statut as JournalStatus;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    expect(FINAL_STATUSES, `${account.login}: ${status}`).toContain(status);
    const times = delivered.get(account.email) ?? 0;
    const skippedAs = { missing: SKIPPED_NO_EMAIL, invalid: SKIPPED_INVALID, valid: null }[
      account.address
    ];
    const ok =
      (status === 'envoyé' && account.address === 'valid' && times === 1) ||
      (skippedAs !== null && status === skippedAs && times === 0) ||
      (status === 'échec' && refused.includes(account.email) && times === 0) ||
      (status === 'à vérifier' && times <= 1);
    if (!ok) lost++;
  }
  const duplicates = [...delivered.values()].filter((n) => n > 1).length;
  return {
    recipients: accounts.length,
    delivered: [...delivered.values()].reduce((a, b) => a + b, 0),
    duplicates,
    lost,
    byStatus,
  };
}
