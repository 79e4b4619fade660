import { describe, expect, it } from 'vitest';
import {
  mailAccount as makeAccount,
  makeAccounts,
  mailSettings as settings,
} from '../../../test/helpers/mail-accounts';
import { MailWorld } from '../../../test/helpers/mail-world';
import type { Account } from '../types';
import { FAILED, SENDING, SENT, SKIPPED_NO_EMAIL, UNVERIFIED, WAITING_QUOTA } from './journal';
import { buildMessage } from './message';
import { runCampaignStep, type StepInput } from './step';

function stepInput(world: MailWorld, accounts: Account[], extra: Partial<StepInput> = {}) {
  let clock = Date.UTC(2026, 8, 1, 8);
  return {
    campaignId: 'c1',
    accounts,
    store: world.store,
    build: (account: Account) => buildMessage(account, settings, { language: 'fr' }),
    send: world.send,
    probe: world.probe,
    now: () => (clock += 1000),
    remainingQuota: world.remainingQuota(),
    readQuota: () => world.remainingQuota(),
    ...extra,
  } satisfies StepInput;
}

const statuses = (world: MailWorld) =>
  Object.fromEntries(world.store.load('c1').map((e) => [e.login, e.status]));

describe('a campaign step', () => {
  it('sends, skips and records every account in one step when all fits', () => {
    const world = new MailWorld();
    const accounts = [
      ...makeAccounts(3),
      makeAccount({ login: 'nomail', email: null, emailStatus: 'missing' }),
    ];
    const report = runCampaignStep(stepInput(world, accounts));
    expect(report).toMatchObject({ state: 'complete', sent: 3, calls: 3, total: 4 });
    expect(report.counts[SENT]).toBe(3);
    expect(statuses(world)).toEqual({
      user0001: SENT,
      user0002: SENT,
      user0003: SENT,
      nomail: SKIPPED_NO_EMAIL,
    });
    expect(world.store.load('c1').find((e) => e.login === 'user0001')).toMatchObject({
      attempts: 1,
      email: 'user0001@example.org',
      error: '',
    });
  });

  it('sends nothing on a rerun of a complete campaign', () => {
    const world = new MailWorld();
    const accounts = makeAccounts(5);
    runCampaignStep(stepInput(world, accounts));
    const saves = world.store.saves;
    const report = runCampaignStep(stepInput(world, accounts, { retryFailed: true }));
    expect(report).toMatchObject({ state: 'complete', sent: 0, calls: 0 });
    expect(world.store.saves).toBe(saves);
  });

  it('stops at maxMessages and continues on the next step', () => {
    const world = new MailWorld();
    const accounts = makeAccounts(7);
    expect(runCampaignStep(stepInput(world, accounts, { maxMessages: 3 }))).toMatchObject({
      state: 'running',
      sent: 3,
    });
    expect(runCampaignStep(stepInput(world, accounts, { maxMessages: 3 })).sent).toBe(3);
    expect(runCampaignStep(stepInput(world, accounts, { maxMessages: 3 }))).toMatchObject({
      state: 'complete',
      sent: 1,
    });
    expect([...world.delivered.values()]).toEqual(Array(7).fill(1));
  });

  it('stops at its deadline after at least one message, releasing the rest of the batch', () => {
    const world = new MailWorld();
    const report = runCampaignStep(
      stepInput(world, makeAccounts(10), {
        batchSize: 10,
        shouldStop: () => world.delivered.size >= 2,
      }),
    );
    expect(report).toMatchObject({ state: 'running', sent: 2 });
    expect(world.store.load('c1').filter((e) => e.status === SENDING)).toEqual([]);
    const always = runCampaignStep(stepInput(world, makeAccounts(10), { shouldStop: () => true }));
    expect(always.sent).toBe(1);
  });

  it('retries transient errors a bounded number of times, then records the failure', () => {
    const world = new MailWorld({
      transient: new Map([
        ['user0001', 2],
        ['user0002', 5],
      ]),
    });
    const report = runCampaignStep(stepInput(world, makeAccounts(2), { maxAttempts: 3 }));
    const [first, second] = world.store.load('c1');
    expect(first).toMatchObject({ status: SENT, attempts: 3 });
    // Turned away three times with nothing after it to tell why: it waits for the next run.
    expect(second).toMatchObject({ status: WAITING_QUOTA, attempts: 3 });
    expect(second!.error).toMatch(/^refusé à chaque essai \(1\) depuis /);
    expect(report.state).toBe('waiting-quota');
  });

  it('fails a refused address once the next one is sent, and tries it again only in a new run', () => {
    const world = new MailWorld({ rejected: new Set(['user0001']) });
    const accounts = makeAccounts(2);
    runCampaignStep(stepInput(world, accounts));
    expect(world.store.load('c1')[0]).toMatchObject({
      status: FAILED,
      attempts: 3,
      error: 'Invalid email: user0001@example.org (après 3 tentatives)',
    });
    expect(runCampaignStep(stepInput(world, accounts)).calls).toBe(0);
    // A new run tries it again; alone, nothing tells, so it waits once more.
    expect(runCampaignStep(stepInput(world, accounts, { retryFailed: true })).calls).toBe(3);
    expect(world.store.load('c1')[0]).toMatchObject({ status: WAITING_QUOTA, attempts: 6 });
  });

  it('leaves the rest « en attente : quota » when the quota runs out, and resumes next day', () => {
    const world = new MailWorld({ dailyQuota: 4 });
    const accounts = makeAccounts(10);
    const first = runCampaignStep(stepInput(world, accounts));
    expect(first).toMatchObject({ state: 'waiting-quota', sent: 4 });
    expect(first.counts[WAITING_QUOTA]).toBe(6);
    expect(runCampaignStep(stepInput(world, accounts))).toMatchObject({
      state: 'waiting-quota',
      calls: 0,
    });
    world.nextDay();
    expect(runCampaignStep(stepInput(world, accounts)).sent).toBe(4);
    world.nextDay();
    expect(runCampaignStep(stepInput(world, accounts))).toMatchObject({
      state: 'complete',
      sent: 2,
    });
    expect([...world.delivered.values()]).toEqual(Array(10).fill(1));
  });

  it('takes the quota error as the end of the day even when the reading said more', () => {
    const world = new MailWorld({ dailyQuota: 3, quotaLie: 100 });
    const report = runCampaignStep(stepInput(world, makeAccounts(6)));
    expect(report).toMatchObject({ state: 'waiting-quota', sent: 3, calls: 4 });
    expect(world.store.load('c1')[3]).toMatchObject({ status: WAITING_QUOTA, attempts: 0 });
  });

  it('asks the probe after a timeout: a message that left is sent, one that did not is retried', () => {
    const world = new MailWorld({
      timeout: new Map([
        ['user0001', true],
        ['user0002', false],
      ]),
    });
    runCampaignStep(stepInput(world, makeAccounts(2)));
    expect(statuses(world)).toEqual({ user0001: SENT, user0002: SENT });
    expect([...world.delivered.values()]).toEqual([1, 1]);
  });

  it('marks a timeout « à vérifier » when nothing can tell whether it left', () => {
    const world = new MailWorld({ timeout: new Map([['user0001', true]]) });
    runCampaignStep(stepInput(world, makeAccounts(1), { probe: undefined }));
    expect(world.store.load('c1')[0]).toMatchObject({ status: UNVERIFIED });
    expect(
      runCampaignStep(stepInput(world, makeAccounts(1), { probe: undefined, retryFailed: true }))
        .calls,
    ).toBe(0);
  });

  it('resolves the claims of a killed step by probe, without sending twice', () => {
    // Effects: 1 plan write, 2 claim, 3 send #1, 4 after #1, 5 send #2 → killed before it leaves.
    const world = new MailWorld({ killAt: new Set([5]) });
    const accounts = makeAccounts(3);
    runCampaignStep(stepInput(world, accounts, { batchSize: 3 }));
    expect(world.store.load('c1').map((e) => e.status)).toEqual([SENDING, SENDING, SENDING]);
    world.revive();
    expect(runCampaignStep(stepInput(world, accounts))).toMatchObject({
      state: 'complete',
      sent: 2,
    });
    expect([...world.delivered.values()]).toEqual([1, 1, 1]);
  });

  it('without a probe, marks the claims of a killed step « à vérifier » and sends them no more', () => {
    const world = new MailWorld({ killAt: new Set([5]) });
    const accounts = makeAccounts(4);
    runCampaignStep(stepInput(world, accounts, { batchSize: 3, probe: undefined }));
    world.revive();
    const report = runCampaignStep(stepInput(world, accounts, { probe: undefined }));
    expect(report).toMatchObject({ state: 'complete', sent: 1 });
    expect(report.counts[UNVERIFIED]).toBe(3);
    expect(world.delivered.get('user0001')).toBe(1);
  });

  it('sends 1,500 messages with one send call each and journal writes by batch', () => {
    const world = new MailWorld();
    const accounts = makeAccounts(1500);
    let steps = 0;
    for (;;) {
      steps++;
      const report = runCampaignStep(
        stepInput(world, accounts, { maxMessages: 100, batchSize: 50 }),
      );
      if (report.state === 'complete') break;
    }
    expect(world.sendCalls).toBe(1500);
    expect(world.delivered.size).toBe(1500);
    expect(steps).toBe(15);
    // One plan write, then a claim and an outcome write per batch of 50.
    expect(world.store.saves).toBe(1 + 2 * (1500 / 50));
  });
});

describe('send errors, decided from facts and never from their words', () => {
  // Apps Script's texts are in the referent's language: these are French, as a French referent
  // gets them; the step reads the Sent folder and the quota, not the words.
  const texts = {
    quota: 'Service appelé trop de fois pour une journée : email.',
    transient: 'Service appelé trop de fois en peu de temps : gmail.',
    invalid: (to: string) => `Adresse e-mail non valide : ${to}`,
  };

  it('a French quota error: the quota read again is 0, so the rest waits, nothing is failed', () => {
    const world = new MailWorld({ dailyQuota: 2, quotaLie: 3, texts });
    const accounts = makeAccounts(6);
    const sleeps: number[] = [];
    const report = runCampaignStep(
      stepInput(world, accounts, {
        remainingQuota: world.remainingQuota(),
        // The second reading is right: 0 left.
        readQuota: () => world.remainingQuota() - 3,
        sleep: (ms) => sleeps.push(ms),
      }),
    );
    expect(report.state).toBe('waiting-quota');
    expect(report.counts[FAILED]).toBe(0);
    expect(report.counts[WAITING_QUOTA]).toBe(4);
    expect(sleeps).toEqual([]);
    // The refused call is not an attempt.
    expect(world.store.load('c1').find((e) => e.login === 'user0003')!.attempts).toBe(0);
  });

  it('a French transient error: retried after a pause (1 s, then 2 s), then sent', () => {
    const world = new MailWorld({ transient: new Map([['user0001', 2]]), texts });
    const sleeps: number[] = [];
    const report = runCampaignStep(
      stepInput(world, makeAccounts(2), {
        readQuota: () => world.remainingQuota(),
        sleep: (ms) => sleeps.push(ms),
      }),
    );
    expect(report).toMatchObject({ state: 'complete', sent: 2, calls: 4 });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('a refused address: three calls, échec with the text, the others sent', () => {
    const world = new MailWorld({ rejected: new Set(['user0002']), texts });
    runCampaignStep(stepInput(world, makeAccounts(3), { readQuota: () => 100 }));
    expect(statuses(world)).toEqual({ user0001: SENT, user0002: FAILED, user0003: SENT });
    expect(world.store.load('c1').find((e) => e.login === 'user0002')).toMatchObject({
      attempts: 3,
      error: 'Adresse e-mail non valide : user0002@example.org (après 3 tentatives)',
    });
  });

  it('a service turning everything away while the quota reads more: two in a row wait, the step stops', () => {
    const outage = new Map(['user0003', 'user0004', 'user0005', 'user0006'].map((l) => [l, 99]));
    const world = new MailWorld({ transient: outage, texts });
    const report = runCampaignStep(stepInput(world, makeAccounts(6)));
    expect(report.state).toBe('waiting-quota');
    expect(report.counts[FAILED]).toBe(0);
    expect(report.counts[SENT]).toBe(2);
    expect(report.counts[WAITING_QUOTA]).toBe(4);
    // Two accounts tried three times each, then nothing more.
    expect(report.calls).toBe(2 + 3 + 3);
  });

  it('a message turned away in two quota windows is échec for good', () => {
    const world = new MailWorld({ rejected: new Set(['user0001']), texts });
    let clock = Date.UTC(2026, 8, 1, 8);
    const now = () => (clock += 1000);
    runCampaignStep(stepInput(world, makeAccounts(1), { now }));
    expect(statuses(world)).toEqual({ user0001: WAITING_QUOTA });
    // The same window (an hour later): still undecided.
    clock += 3600_000;
    runCampaignStep(stepInput(world, makeAccounts(1), { now }));
    expect(statuses(world)).toEqual({ user0001: WAITING_QUOTA });
    clock += 24 * 3600_000;
    const report = runCampaignStep(stepInput(world, makeAccounts(1), { now }));
    expect(report.state).toBe('complete');
    expect(statuses(world)).toEqual({ user0001: FAILED });
  });

  it('without a Sent folder to ask, an error is « à vérifier », never resent blindly', () => {
    const world = new MailWorld({ transient: new Map([['user0001', 1]]), texts });
    runCampaignStep(stepInput(world, makeAccounts(2), { probe: undefined }));
    expect(statuses(world)).toEqual({ user0001: UNVERIFIED, user0002: SENT });
  });
});
