import { describe, expect, it } from 'vitest';
import { mailAccount as makeAccount } from '../../../test/helpers/mail-accounts';
import { SKIPPED_INVALID, SKIPPED_NO_EMAIL } from './journal';
import { planCampaign } from './plan';
import { onlyLogins, splitByAddress } from './strategy';

describe('e-mail for those with an address, a letter for the others', () => {
  const accounts = [
    makeAccount({ login: 'a' }),
    makeAccount({ login: 'b', email: null, emailStatus: 'missing' }),
    makeAccount({ login: 'c', email: 'c@x', emailStatus: 'invalid' }),
    makeAccount({ login: 'd', email: 'd;e@example.org' }),
    makeAccount({ login: 'e' }),
  ];

  it('splits the selection in order, with the reason of each letter', () => {
    const split = splitByAddress(accounts);
    expect(split.byEmail.map((a) => a.login)).toEqual(['a', 'e']);
    expect(split.byLetter.map((a) => a.login)).toEqual(['b', 'c', 'd']);
    expect(split.reasons.get('b')).toBe(SKIPPED_NO_EMAIL);
    expect(split.reasons.get('d')).toBe(SKIPPED_INVALID);
  });

  it('leaves no one out and no one in both: the letters are exactly what the campaign skips', () => {
    const split = splitByAddress(accounts);
    const plan = planCampaign('c1', accounts, [], 100, { time: 't' });
    expect(plan.skipped.map((s) => s.account.login)).toEqual(split.byLetter.map((a) => a.login));
    expect(plan.toSend.map((a) => a.login)).toEqual(split.byEmail.map((a) => a.login));
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
