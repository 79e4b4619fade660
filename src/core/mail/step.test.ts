import { describe, expect, it } from 'vitest';
import {
  mailAccount as makeAccount,
  makeAccounts,
  mailSettings as settings,
} from '../../../test/helpers/mail-accounts';
import { MailWorld } from '../../../test/helpers/mail-world';
import type { Account } from '../types';
import { classifySendError } from './errors';
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
    runCampaignStep(stepInput(world, makeAccounts(2), { maxAttempts: 3 }));
    const [first, second] = world.store.load('c1');
    expect(first).toMatchObject({ status: SENT, attempts: 3 });
    expect(second).toMatchObject({ status: FAILED, attempts: 3 });
    expect(second!.error).toMatch(/short time.*\(après 3 tentatives\)$/);
  });

  it('fails a refused address at once, and tries it again only in a new run', () => {
    const world = new MailWorld({ rejected: new Set(['user0001']) });
    const accounts = makeAccounts(2);
    runCampaignStep(stepInput(world, accounts));
    expect(world.store.load('c1')[0]).toMatchObject({
      status: FAILED,
      attempts: 1,
      error: 'Invalid email: user0001@example.org',
    });
    expect(runCampaignStep(stepInput(world, accounts)).calls).toBe(0);
    expect(runCampaignStep(stepInput(world, accounts, { retryFailed: true })).calls).toBe(1);
    expect(world.store.load('c1')[0]).toMatchObject({ status: FAILED, attempts: 2 });
  });

  it('leaves the rest « en attente : quota » when the quota runs out, and resumes next day', () => {
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

  it('marks a timeout « à vérifier » when nothing can tell whether it left', () => {
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

  it('without a probe, marks the claims of a killed step « à vérifier » and sends them no more', () => {
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

describe('send errors', () => {
  it('are read from Apps Script texts', () => {
    expect(classifySendError(new Error('Service invoked too many times for one day: email.'))).toBe(
      'quota',
    );
    expect(classifySendError(new Error('Invalid email: a@b'))).toBe('permanent');
    expect(classifySendError(new Error('Service unavailable: Gmail'))).toBe('transient');
    expect(
      classifySendError(new Error('Service invoked too many times in a short time: gmail')),
    ).toBe('transient');
    expect(classifySendError(new Error('Exception: Timeout'))).toBe('uncertain');
    expect(classifySendError('We’re sorry, a server error occurred.')).toBe('uncertain');
  });
});
