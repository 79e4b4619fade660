import { describe, expect, it } from 'vitest';
import { mailAccount, makeAccounts } from '../../../test/helpers/mail-accounts';
import {
  RUN_IDLE_MS,
  campaignIdToStart,
  cancelCampaign,
  confirmationOf,
  continueAction,
  differsFromPreview,
  jobStatusOf,
  otherRunActive,
  outcomeOf,
  runRefusal,
  leaseRefusal,
  queueRequest,
  requestsOf,
  sentFolderQuery,
  sentFolderRights,
  triggerAfter,
  withSender,
  MAX_SENDERS,
  type StoredCampaign,
} from './campaign';
import { FAILED, SENT, SKIPPED_NO_EMAIL, type JournalEntry } from './journal';
import { planCampaign } from './plan';
import { countStatuses } from './step';
import { buildPreviewTab } from '../preview-tab';
import { summarize } from '../summary';

const stored = (over: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'courriel-2026-09-01',
  request: { sheetName: 'Comptes', filters: {}, sort: 'alpha', showCodes: false },
  language: 'fr',
  state: 'running',
  runId: 'a',
  lastStepAt: 1_000_000,
  ...over,
});

const entry = (login: string, status: JournalEntry['status']): JournalEntry => ({
  campaignId: 'courriel-2026-09-01',
  login,
  name: login,
  email: `${login}@example.org`,
  status,
  error: '',
  attempts: 1,
  time: '2026-09-01T08:00:00.000Z',
});

describe('which campaign a click works on', () => {
  it('is today’s, unless an earlier one is unfinished', () => {
    expect(campaignIdToStart(null, '2026-09-02')).toBe('courriel-2026-09-02');
    expect(campaignIdToStart(stored({ state: 'complete' }), '2026-09-02')).toBe(
      'courriel-2026-09-02',
    );
    expect(campaignIdToStart(stored({ state: 'waiting-quota' }), '2026-09-02')).toBe(
      'courriel-2026-09-01',
    );
    expect(campaignIdToStart(stored({ state: 'cancelled' }), '2026-09-02')).toBe(
      'courriel-2026-09-01',
    );
  });
});

describe('one run at a time', () => {
  it('refuses another run while the campaign’s run made a step recently', () => {
    const c = stored();
    expect(otherRunActive(c, 'b', c.lastStepAt + 1000)).toBe(true);
    expect(otherRunActive(c, 'a', c.lastStepAt + 1000)).toBe(false);
  });
  it('lets another run take over a silent run, or a campaign that is not running', () => {
    const c = stored();
    expect(otherRunActive(c, 'b', c.lastStepAt + RUN_IDLE_MS)).toBe(false);
    expect(otherRunActive(stored({ state: 'waiting-quota' }), 'b', c.lastStepAt)).toBe(false);
    expect(otherRunActive(null, 'b', 0)).toBe(false);
  });
  it('refuses to act without a campaign, or on one another run drives', () => {
    const c = stored();
    expect(runRefusal(null, 'a', 0)).toBe('noCampaign');
    expect(runRefusal(c, 'b', c.lastStepAt + 1000)).toBe('busy');
    expect(runRefusal(c, 'a', c.lastStepAt + 1000)).toBeNull();
    expect(runRefusal(c, 'b', c.lastStepAt + RUN_IDLE_MS)).toBeNull();
  });
  it('continues only a running campaign; an ended or waiting one is only reported', () => {
    const c = stored();
    expect(continueAction(null, 'a', 0)).toBe('noCampaign');
    expect(continueAction(c, 'b', c.lastStepAt + 1000)).toBe('busy');
    expect(continueAction(c, 'a', c.lastStepAt + 1000)).toBe('step');
    for (const state of ['cancelled', 'complete', 'waiting-quota'] as const) {
      expect(continueAction(stored({ state }), 'b', c.lastStepAt)).toBe('report');
    }
  });
  it('cancels any campaign but a complete one, which stays complete', () => {
    for (const state of ['running', 'waiting-quota', 'cancelled'] as const) {
      expect(cancelCampaign(stored({ state }), 5)).toMatchObject({
        state: 'cancelled',
        lastStepAt: 5,
      });
    }
    expect(cancelCampaign(stored({ state: 'complete' }), 5).state).toBe('complete');
  });
  it('installs the hourly trigger while waiting for quota, removes it once the campaign ended', () => {
    expect(triggerAfter('waiting-quota')).toBe('install');
    expect(triggerAfter('running')).toBe('keep');
    expect(triggerAfter('complete')).toBe('remove');
    expect(triggerAfter('cancelled')).toBe('remove');
    expect(triggerAfter(undefined)).toBe('remove');
  });
});

describe('the confirmation', () => {
  it('counts what is sent now, what waits, the skipped by reason, the already sent and the retried', () => {
    const accounts = [
      ...makeAccounts(5),
      mailAccount({ login: 'sans', email: null, emailStatus: 'missing' }),
      mailAccount({ login: 'faux', email: 'faux@x', emailStatus: 'invalid' }),
      mailAccount({ login: 'virgule', email: 'a,b@example.org', emailStatus: 'valid' }),
    ];
    const journal = [entry('user0001', SENT), entry('user0002', FAILED)];
    const plan = planCampaign('courriel-2026-09-01', accounts, journal, 2, {
      retryFailed: true,
      time: 't',
    });
    const value = confirmationOf('courriel-2026-09-01', plan, journal, accounts, 2, true);
    expect(value).toMatchObject({
      total: 8,
      toSend: 2,
      waitingQuota: 2,
      skippedNoEmail: 1,
      skippedInvalid: 2,
      alreadySent: 1,
      failedToRetry: 1,
      remainingQuota: 2,
      unfinished: true,
      nothingToSend: false,
    });
    expect(value.fromEarlier).toBe(0);
    // The same plan when the referent asked for the first three: the rest come from earlier.
    const asked = confirmationOf('courriel-2026-09-01', plan, journal, accounts, 2, true, [
      ...accounts.slice(0, 3),
    ]);
    expect(asked).toMatchObject({ total: 3, fromEarlier: 5, toSend: 2 });
    expect(value.skipped.map((s) => [s.login, s.reason])).toEqual([
      ['sans', 'ignoré : sans courriel'],
      ['faux', 'ignoré : courriel invalide'],
      ['virgule', 'ignoré : courriel invalide'],
    ]);
  });

  it('says there is nothing to send when everyone is served or skipped, whatever the quota', () => {
    const accounts = [
      mailAccount({ login: 'user0001' }),
      mailAccount({ login: 'sans', email: null, emailStatus: 'missing' }),
    ];
    const journal = [entry('user0001', SENT)];
    const nothingWith = (quota: number) =>
      confirmationOf(
        'courriel-2026-09-01',
        planCampaign('courriel-2026-09-01', accounts, journal, quota, { time: 't' }),
        journal,
        accounts,
        quota,
        false,
      ).nothingToSend;
    expect(nothingWith(10)).toBe(true);
    expect(nothingWith(0)).toBe(true);
    const waiting = planCampaign('courriel-2026-09-01', makeAccounts(2), [], 0, { time: 't' });
    expect(
      confirmationOf('courriel-2026-09-01', waiting, [], makeAccounts(2), 0, false),
    ).toMatchObject({
      toSend: 0,
      waitingQuota: 2,
      nothingToSend: false,
    });
  });
});

describe('the job status', () => {
  it('is done when the campaign waits for quota, with the resume time a day later', () => {
    const entries = [
      entry('a', SENT),
      { ...entry('b', SENT), status: 'en attente : quota' as const },
    ];
    const counts = countStatuses(entries);
    const now = Date.UTC(2026, 8, 1, 10);
    const outcome = outcomeOf('c', 'waiting-quota', entries, makeAccounts(2), now);
    expect(outcome).toMatchObject({
      sent: 1,
      waitingQuota: 1,
      resumeAfter: '2026-09-02T10:00:00.000Z',
    });
    const status = jobStatusOf({ counts, total: 2 }, outcome, 'fr');
    expect(status).toMatchObject({
      done: true,
      processed: 1,
      total: 2,
      label: '1 envoyé sur 2 comptes',
    });
    expect(status.result).toBe(outcome);
  });
  it('goes on while running, without a result', () => {
    const counts = countStatuses([entry('a', SENT)]);
    const outcome = outcomeOf('c', 'running', [entry('a', SENT)], [], 0);
    expect(jobStatusOf({ counts, total: 1 }, outcome, 'en')).toMatchObject({
      done: false,
      label: '1 sent of 1 account',
    });
    expect(outcome.skippedAccounts).toEqual([]);
  });

  it('counts the skipped from the journal even when the selection cannot name them', () => {
    const entries: JournalEntry[] = [
      entry('a', SENT),
      { ...entry('b', SENT), status: SKIPPED_NO_EMAIL },
    ];
    const outcome = outcomeOf('c', 'complete', entries, [], 0);
    expect(outcome).toMatchObject({ sent: 1, skipped: 1, skippedAccounts: [] });
  });
});

describe('the Sent folder search', () => {
  it('names the recipient, the subject without quotes, and the day before the claim', () => {
    expect(sentFolderQuery('zoe@example.org', 'PE-ABC123DEF456', '2026-09-01T00:30:00.000Z')).toBe(
      'in:sent to:zoe@example.org "PE-ABC123DEF456" after:2026/08/31',
    );
    expect(sentFolderQuery('z@example.org', 'PE-X', 'hier')).toBe(
      'in:sent to:z@example.org "PE-X"',
    );
  });
});

describe('the queue across selections (issue 14 #1)', () => {
  const r = (level: string) => ({
    sheetName: 'Comptes',
    filters: { levels: [level] },
    sort: 'alpha' as const,
    showCodes: false,
  });
  it('keeps the earlier selections of an unfinished campaign, each once', () => {
    const first = stored({ request: r('4EME'), state: 'waiting-quota' });
    const next = queueRequest(first, r('3EME'))!;
    expect(requestsOf({ ...first, ...next })).toEqual([r('3EME'), r('4EME')]);
    expect(queueRequest(stored({ state: 'complete' }), r('3EME'))).toEqual({
      request: r('3EME'),
      queued: [],
    });
    const again = queueRequest({ ...first, ...next }, r('4EME'))!;
    expect(requestsOf({ ...first, ...again })).toEqual([r('4EME'), r('3EME')]);
  });
  it('refuses a ninth selection while eight wait', () => {
    const full = stored({
      state: 'waiting-quota',
      request: r('L0'),
      queued: Array.from({ length: 7 }, (_, i) => r(`L${i + 1}`)),
    });
    expect(queueRequest(full, r('L0'))).not.toBeNull();
    expect(queueRequest(full, r('NEW'))).toBeNull();
  });
  it('a lease refuses another run until it ends or expires', () => {
    const held = stored({ lease: { runId: 'a', user: 'u', until: 5000 } });
    expect(leaseRefusal(held, 'b', 4000)).toBe(true);
    expect(leaseRefusal(held, 'a', 4000)).toBe(false);
    expect(leaseRefusal(held, 'b', 5000)).toBe(false);
  });
});

describe('who may search their Sent folder', () => {
  it('adds a new sender once, last, keeping only the latest MAX_SENDERS', () => {
    expect(withSender(stored(), 'a@x')).toEqual({ senders: ['a@x'], lastSender: 'a@x' });
    expect(withSender(stored({ senders: ['a@x', 'b@x'] }), 'a@x')).toEqual({
      senders: ['a@x', 'b@x'],
      lastSender: 'a@x',
    });
    const many = Array.from({ length: MAX_SENDERS }, (_, i) => `u${i}@x`);
    const next = withSender(stored({ senders: many }), 'new@x').senders!;
    expect(next).toHaveLength(MAX_SENDERS);
    expect(next[0]).toBe('u1@x');
    expect(next.at(-1)).toBe('new@x');
  });

  it('probes the claims of its own last step, the rowless only when it alone has sent', () => {
    expect(sentFolderRights(stored(), 'a@x')).toEqual({ claims: true, rowless: null });
    expect(sentFolderRights(stored({ senders: ['a@x'], lastSender: 'a@x' }), 'a@x')).toEqual({
      claims: true,
      rowless: true,
    });
    expect(sentFolderRights(stored({ senders: ['a@x', 'b@x'], lastSender: 'b@x' }), 'a@x')).toEqual(
      { claims: false, rowless: false },
    );
  });
});

describe('the preview the confirmation compares with (issue 14 #6)', () => {
  it('finds the total and filters lines in the head buildPreviewTab writes', () => {
    const accounts = makeAccounts(3);
    const filters = { profiles: ['Teacher'] };
    const grid = buildPreviewTab(accounts, summarize(accounts), {
      filters,
      showCodes: false,
      language: 'fr',
      generatedAt: '2026-09-03T08:05',
    });
    const head = grid.values.slice(0, grid.frozenRows).map((row) => row[0]);
    expect(differsFromPreview(head, 3, filters, 'fr')).toBe(false);
    expect(differsFromPreview(head, 2, filters, 'fr')).toBe(true);
    expect(differsFromPreview(head, 3, {}, 'fr')).toBe(true);
    expect(differsFromPreview(null, 3, {}, 'fr')).toBe(false);
  });
});
