import { describe, expect, it } from 'vitest';
import { mailAccount as makeAccount } from '../../../test/helpers/mail-accounts';
import { confirmationOf, outcomeOf } from './campaign';
import {
  MemoryJournalStore,
  SENT,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  type JournalEntry,
} from './journal';
import { buildMessage } from './message';
import { planCampaign } from './plan';
import { runCampaignStep } from './step';
import { onlyLogins } from './strategy';

describe('e-mail for those with an address, a letter for the others', () => {
  const id = 'c1';
  const accounts = [
    makeAccount({ login: 'a' }),
    makeAccount({ login: 'b', email: null, emailStatus: 'missing' }),
    makeAccount({ login: 'c', email: 'c@x', emailStatus: 'invalid' }),
    // The same login again: one account for the campaign, so one letter.
    makeAccount({ login: 'b', email: null, emailStatus: 'missing' }),
    makeAccount({ login: 'd', email: 'd;e@example.org' }),
    // E-mailed earlier in this campaign, its address gone since: no letter, it has its message.
    makeAccount({ login: 'f', email: null, emailStatus: 'missing' }),
    makeAccount({ login: 'e' }),
  ];
  const journal: JournalEntry[] = [
    {
      campaignId: id,
      login: 'f',
      name: 'F',
      email: 'f@example.org',
      status: SENT,
      error: '',
      attempts: 1,
      time: 't0',
    },
  ];

  it('lists the accounts the campaign does not e-mail, once each, as many as it counts', () => {
    const plan = planCampaign(id, accounts, journal, 100, { time: 't' });
    const value = confirmationOf(id, plan, journal, accounts, 100, false);
    expect(value.skipped.map((s) => [s.login, s.reason])).toEqual([
      ['b', SKIPPED_NO_EMAIL],
      ['c', SKIPPED_INVALID],
      ['d', SKIPPED_INVALID],
    ]);
    expect(value.skippedNoEmail + value.skippedInvalid).toBe(value.skipped.length);
    expect(value).toMatchObject({ toSend: 2, alreadySent: 1 });
  });

  it('after sending, the outcome lists the same accounts, and the letters are exactly them', () => {
    const plan = planCampaign(id, accounts, journal, 100, { time: 't' });
    const before = confirmationOf(id, plan, journal, accounts, 100, false).skipped;
    const store = new MemoryJournalStore();
    store.save(journal);
    const report = runCampaignStep({
      campaignId: id,
      accounts,
      store,
      build: (account) =>
        buildMessage(
          account,
          { entName: 'ENT', entUrl: 'https://ent.fr', schoolName: 'C', contact: '' },
          { language: 'fr' },
        ),
      send: () => {},
      now: () => 0,
      remainingQuota: 100,
    });
    expect(report.state).toBe('complete');
    const outcome = outcomeOf(id, report.state, store.load(id), accounts, 0);
    expect(outcome.skippedAccounts).toEqual(before);
    expect(outcome.skipped).toBe(before.length);
    const letters = onlyLogins(
      accounts,
      outcome.skippedAccounts.map((s) => s.login),
    );
    expect(letters.map((a) => a.login)).toEqual(['b', 'c', 'd']);
  });
});

describe('the letters half: only the skipped logins', () => {
  it('keeps the listed logins in the selection’s order, everything without a list', () => {
    const accounts = ['a', 'b', 'c'].map((login) => makeAccount({ login }));
    expect(onlyLogins(accounts, ['c', 'a', 'zz']).map((a) => a.login)).toEqual(['a', 'c']);
    expect(onlyLogins(accounts, []).map((a) => a.login)).toEqual([]);
    expect(onlyLogins(accounts).map((a) => a.login)).toEqual(['a', 'b', 'c']);
  });
});
