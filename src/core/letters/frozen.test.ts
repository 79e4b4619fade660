import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/helpers/accounts';
import { frozenSheetName, frozenValues, thawAccounts } from './frozen';
import { fingerprint } from './job';

const accounts = [
  makeAccount({
    login: 'a.martin',
    lastName: 'MARTIN',
    classes: ['6EME 1'],
    createdAt: '2026-09-01',
  }),
  makeAccount({ login: 'b.durand', activationCode: 'x7k2p9q', email: 'b@exemple.fr' }),
];

describe('the frozen selection of a letters job', () => {
  it('gives back the very accounts, in order, when the tab is untouched', () => {
    const values = frozenValues(accounts, 'Ne pas modifier');
    expect(values[0]).toEqual(['Ne pas modifier']);
    expect(values).toHaveLength(3);
    expect(thawAccounts(values, fingerprint(accounts))).toEqual(accounts);
  });

  it('is lost when a row is edited, removed, reordered or is not an account', () => {
    const values = frozenValues(accounts, 'note');
    const print = fingerprint(accounts);
    expect(thawAccounts([values[0]!, values[2]!, values[1]!], print)).toBeNull();
    expect(thawAccounts(values.slice(0, 2), print)).toBeNull();
    const edited = values.map((row) => [row[0]!.replace('a.martin', 'a.martine')]);
    expect(thawAccounts(edited, print)).toBeNull();
    expect(thawAccounts([values[0]!, ['{"login":'], values[2]!], print)).toBeNull();
    expect(thawAccounts([values[0]!, [42], values[2]!], print)).toBeNull();
  });

  it('names the tab after its job', () => {
    expect(frozenSheetName('0f3c9a12-77aa-4b1e')).toBe('Publipostage – sélection figée 0f3c9a12');
  });
});
