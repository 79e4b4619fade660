import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailAccount as makeAccount, makeAccounts } from '../../../test/helpers/mail-accounts';
import { parseEml } from '../../../test/helpers/eml-parser';
import { FAILED, SENT, SKIPPED_NO_EMAIL, WAITING_QUOTA } from '../../core/mail/journal';
import type { Settings } from '../../core/types';
import { CsvJournalStore, OutboxError, runOutboxCampaign } from './outbox';
import { mailSummary } from './summary';

const settings: Settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.example.org',
  schoolName: 'Collège',
  contact: '',
  replyTo: 'referent@college.example.org',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (accounts = makeAccounts(5), extra = {}) =>
  runOutboxCampaign({
    accounts,
    outbox: join(dir, 'out'),
    settings,
    language: 'fr',
    now: () => Date.UTC(2026, 8, 1, 8),
    ...extra,
  });

const emls = () => readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.eml'));

describe('the outbox', () => {
  it('writes one .eml per message and the journal, and nothing on a rerun', () => {
    const accounts = [
      ...makeAccounts(3),
      makeAccount({ login: 'x', email: null, emailStatus: 'missing' }),
    ];
    const first = run(accounts);
    expect(first).toMatchObject({ campaignId: 'courriel-2026-09-01', sent: 3, files: 3 });
    expect(first.report.counts[SKIPPED_NO_EMAIL]).toBe(1);
    expect(emls().sort()).toEqual(['user0001.eml', 'user0002.eml', 'user0003.eml']);
    const eml = parseEml(readFileSync(join(dir, 'out', 'user0002.eml'), 'utf8'));
    expect(eml.header('To')).toBe('Zoë NOM2 <user0002@example.org>');
    expect(eml.header('From')).toBe('Collège <referent@college.example.org>');
    const journal = readFileSync(first.journalPath);
    expect([...journal.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = journal.toString('utf8');
    expect(text).toContain('"Campagne";"Horodatage";"Identifiant"');
    expect(text).toContain(
      '"courriel-2026-09-01";"2026-09-01T08:00:00.000Z";"user0001";"Zoë NOM1";"user0001@example.org";"envoyé";"";"1"',
    );
    const before = readdirSync(join(dir, 'out')).map((n) =>
      readFileSync(join(dir, 'out', n), 'utf8'),
    );
    const again = run(accounts);
    expect(again).toMatchObject({ sent: 0, files: 3 });
    const after = readdirSync(join(dir, 'out')).map((n) =>
      readFileSync(join(dir, 'out', n), 'utf8'),
    );
    expect(after).toEqual(before);
  });

  it('keeps what exceeds a simulated quota waiting, and the next run sends it', () => {
    const accounts = makeAccounts(5);
    expect(run(accounts, { quota: 2 })).toMatchObject({ sent: 2, files: 2 });
    const store = new CsvJournalStore(join(dir, 'out', 'journal.csv'));
    expect(store.load('courriel-2026-09-01').map((e) => e.status)).toEqual([
      SENT,
      SENT,
      WAITING_QUOTA,
      WAITING_QUOTA,
      WAITING_QUOTA,
    ]);
    expect(run(accounts, { quota: 2 }).sent).toBe(2);
    const last = run(accounts, { quota: 2 });
    expect(last).toMatchObject({ sent: 1, files: 5 });
    expect(last.report.state).toBe('complete');
  });

  it('does not write a message again when journal.csv was lost', () => {
    run();
    const out = join(dir, 'out');
    const before = emls().map((n) => [n, readFileSync(join(out, n), 'utf8')]);
    rmSync(join(out, 'journal.csv'));
    // Later the same day: the campaign's own Message-IDs say the messages left.
    const again = run(makeAccounts(5), { now: () => Date.UTC(2026, 8, 1, 18) });
    expect(again).toMatchObject({ sent: 0, files: 5 });
    expect(again.report.counts[SENT]).toBe(5);
    expect(again.report.counts[FAILED]).toBe(0);
    expect(emls().map((n) => [n, readFileSync(join(out, n), 'utf8')])).toEqual(before);
    expect(mailSummary(again, 'out')).toContain('envoyés : 5 (0 lors de cette exécution)');
  });

  it('issue 14 #8: a new campaign on an old outbox without its journal is refused, not « envoyé »', () => {
    run();
    rmSync(join(dir, 'out', 'journal.csv'));
    // The next day is another campaign: the old files hold the old codes.
    expect(() => run(makeAccounts(5), { now: () => Date.UTC(2026, 8, 2, 8) })).toThrow(
      /contient déjà un message d'une autre campagne/,
    );
    expect(emls()).toHaveLength(5);
  });

  it('issue 14 #8: words in a login or a folder name never decide an outcome', () => {
    const accounts = [makeAccount({ login: 'eleve.503', email: 'e503@example.org' })];
    const out = join(dir, 'quota-2026');
    const go = () =>
      runOutboxCampaign({
        accounts,
        outbox: out,
        settings,
        language: 'fr',
        now: () => Date.UTC(2026, 8, 1, 8),
      });
    go();
    rmSync(join(out, 'journal.csv'));
    const again = go();
    expect(again.report.state).toBe('complete');
    expect(again.report.counts[SENT]).toBe(1);
    expect(again.report.counts[WAITING_QUOTA]).toBe(0);
  });

  it('issue 14 #8: a second run on a locked outbox is refused in French; a dead one’s lock is taken over', () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    // A live process (this test's parent) holds the lock.
    writeFileSync(join(dir, 'out', '.publipostage.lock'), String(process.ppid));
    expect(() => run()).toThrow(/Un envoi est déjà en cours sur la boîte d'envoi/);
    expect(emls()).toEqual([]);
    writeFileSync(join(dir, 'out', '.publipostage.lock'), '999999999');
    expect(run().sent).toBe(5);
    expect(readdirSync(join(dir, 'out'))).not.toContain('.publipostage.lock');
  });

  it('issue 14 #8: an empty --campaign is refused; an empty login is not written; reruns read the journal', () => {
    expect(() => run(makeAccounts(2), { campaignId: '  ' })).toThrow(/--campaign/);
    const accounts = [...makeAccounts(2), makeAccount({ login: '', email: 'x@example.org' })];
    run(accounts);
    expect(() => run(accounts)).not.toThrow();
    expect(emls()).toHaveLength(2);
  });

  it('issue 14 #8: a 5,000-character login keeps every header line within 998 characters', () => {
    const login = 'a'.repeat(5000);
    run([makeAccount({ login, email: 'long@example.org' })]);
    const text = readFileSync(join(dir, 'out', emls()[0]!), 'utf8');
    const head = text.split('\r\n\r\n')[0]!;
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('reads back a journal a spreadsheet program saved, formula-like values intact', () => {
    const accounts = [makeAccount({ login: '=cmd', lastName: '+33 ', email: 'a@example.org' })];
    run(accounts);
    const text = readFileSync(join(dir, 'out', 'journal.csv'), 'utf8');
    expect(text).toContain(`"'=cmd"`);
    const store = new CsvJournalStore(join(dir, 'out', 'journal.csv'));
    expect(store.load('courriel-2026-09-01')[0]).toMatchObject({ login: '=cmd', status: SENT });
    expect(run(accounts).sent).toBe(0);
  });

  it('refuses another campaign in the same outbox, and a file that is no journal', () => {
    run();
    expect(() => run(makeAccounts(1), { campaignId: 'autre' })).toThrow(OutboxError);
    writeFileSync(join(dir, 'out', 'journal.csv'), 'Nom;Prénom\nA;B\n');
    expect(() => run()).toThrow(/n'est pas un journal de publipostage/);
  });
});

describe('the summary of a run', () => {
  it('counts each state in French and says when nothing was new', () => {
    const accounts = [
      ...makeAccounts(2),
      makeAccount({ login: 'x', email: null, emailStatus: 'missing' }),
      makeAccount({ login: 'y', email: 'y@x', emailStatus: 'invalid' }),
    ];
    const first = mailSummary(run(accounts, { quota: 1 }), 'out');
    expect(first).toContain('Campagne « courriel-2026-09-01 » : 4 comptes.');
    expect(first).toContain('envoyés : 1 (1 lors de cette exécution)');
    expect(first).toContain('ignorés, sans courriel : 1');
    expect(first).toContain('ignorés, courriel invalide : 1');
    expect(first).toContain('en attente : quota : 1');
    run(accounts);
    expect(mailSummary(run(accounts), 'out')).toContain('Rien de nouveau à envoyer');
  });

  it('writes zero and one in the singular, as French does', () => {
    const alone = [makeAccount({ login: 'x', email: null, emailStatus: 'missing' })];
    const summary = mailSummary(
      runOutboxCampaign({
        accounts: alone,
        outbox: join(dir, 'seul'),
        settings,
        language: 'fr',
        now: () => Date.UTC(2026, 8, 1, 8),
      }),
      'seul',
    );
    expect(summary).toContain(': 1 compte.');
    expect(summary).toContain('(0 message)');
  });
});
