import { describe, expect, it } from 'vitest';
import { mailAccount as makeAccount, makeAccounts } from '../../../test/helpers/mail-accounts';
import {
  FAILED,
  PENDING,
  SENT,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  UNVERIFIED,
  WAITING_QUOTA,
  type JournalEntry,
} from './journal';
import { planCampaign } from './plan';

const time = '2026-09-01T08:00:00.000Z';
const logins = (list: Array<{ login: string }>) => list.map((a) => a.login);

describe('planning a campaign', () => {
  it('sends to valid addresses within the quota, skips the others with their reason', () => {
    const accounts = [
      makeAccount({ login: 'a' }),
      makeAccount({ login: 'b', email: null, emailStatus: 'missing' }),
      makeAccount({ login: 'c', email: 'c@b', emailStatus: 'invalid' }),
      makeAccount({ login: 'd', email: 'd,e@example.org', emailStatus: 'valid' }),
      makeAccount({ login: 'e' }),
      makeAccount({ login: 'f' }),
    ];
    const plan = planCampaign('c1', accounts, [], 2, { time });
    expect(logins(plan.toSend)).toEqual(['a', 'e']);
    expect(logins(plan.waitingQuota)).toEqual(['f']);
    expect(plan.skipped.map((s) => [s.account.login, s.reason])).toEqual([
      ['b', SKIPPED_NO_EMAIL],
      ['c', SKIPPED_INVALID],
      ['d', SKIPPED_INVALID],
    ]);
    expect(plan.entries.map((e) => [e.login, e.status])).toEqual([
      ['a', PENDING],
      ['b', SKIPPED_NO_EMAIL],
      ['c', SKIPPED_INVALID],
      ['d', SKIPPED_INVALID],
      ['e', PENDING],
      ['f', WAITING_QUOTA],
    ]);
    expect(plan.changed).toHaveLength(6);
  });

  it('never plans again what was sent, nor what must be checked, nor failures in a run', () => {
    const accounts = makeAccounts(4);
    const journal: JournalEntry[] = [
      [SENT, ''],
      [UNVERIFIED, 'timeout'],
      [FAILED, 'Invalid email'],
    ].map(([status, error], i) => ({
      campaignId: 'c1',
      login: accounts[i]!.login,
      name: '',
      email: accounts[i]!.email!,
      status: status as JournalEntry['status'],
      error: error!,
      attempts: 1,
      time,
    }));
    const plan = planCampaign('c1', accounts, journal, 100, { time });
    expect(logins(plan.toSend)).toEqual(['user0004']);
    expect(logins(plan.alreadySent)).toEqual(['user0001']);
    expect(logins(plan.unverified)).toEqual(['user0002']);
    expect(logins(plan.failed)).toEqual(['user0003']);
    const retry = planCampaign('c1', accounts, journal, 100, { time, retryFailed: true });
    expect(logins(retry.toSend)).toEqual(['user0003', 'user0004']);
  });

  it('keeps campaigns apart: a login sent in another campaign is sent in this one', () => {
    const [account] = makeAccounts(1);
    const other: JournalEntry = {
      campaignId: 'other',
      login: account!.login,
      name: '',
      email: account!.email!,
      status: SENT,
      error: '',
      attempts: 1,
      time,
    };
    expect(logins(planCampaign('c1', [account!], [other], 10, { time }).toSend)).toEqual([
      account!.login,
    ]);
  });

  it('writes nothing when the journal already says it all', () => {
    const accounts = makeAccounts(3);
    const first = planCampaign('c1', accounts, [], 1, { time });
    const again = planCampaign('c1', accounts, first.entries, 1, { time: 'later' });
    expect(again.changed).toEqual([]);
    expect(logins(again.toSend)).toEqual(['user0001']);
  });

  it('sends one message per login when a login repeats', () => {
    const plan = planCampaign(
      'c1',
      [makeAccount({ login: 'x' }), makeAccount({ login: 'x', row: 9 })],
      [],
      10,
      { time },
    );
    expect(plan.toSend).toHaveLength(1);
    expect(plan.duplicateLogins.map((a) => a.row)).toEqual([9]);
  });

  it('sends to an address corrected since the last run, and fails what left the selection', () => {
    const [a, b] = makeAccounts(2);
    const first = planCampaign('c1', [{ ...a!, email: null, emailStatus: 'missing' }, b!], [], 0, {
      time,
    });
    expect(first.entries.map((e) => e.status)).toEqual([SKIPPED_NO_EMAIL, WAITING_QUOTA]);
    const next = planCampaign('c1', [a!], first.entries, 10, { time });
    expect(logins(next.toSend)).toEqual([a!.login]);
    expect(next.entries[1]).toMatchObject({ login: b!.login, status: FAILED });
  });
});
