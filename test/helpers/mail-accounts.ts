import type { Account, Settings } from '../../src/core/types';
import { makeAccount } from './accounts';

/** The settings of the campaign tests that do not look at the message's wording. */
export const mailSettings: Settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.example.org',
  schoolName: 'Collège',
  contact: '',
};

/** An account with a sendable address, as most mail tests need; tests override what they pin. */
export function mailAccount(overrides: Partial<Account> = {}): Account {
  const login = overrides.login ?? 'zoe.celik';
  return makeAccount({
    profile: 'Teacher',
    email: `${login}@example.org`,
    emailStatus: 'valid',
    classes: ['6EME 3'],
    levels: ['6EME'],
    ...overrides,
  });
}

/** n accounts with sendable addresses, logins user0001… in order. */
export function makeAccounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => {
    const login = `user${String(i + 1).padStart(4, '0')}`;
    const activated = i % 3 === 0;
    return mailAccount({
      row: i + 2,
      login,
      lastName: `NOM${i + 1}`,
      activated,
      activationCode: activated ? null : `code${i + 1}`,
    });
  });
}
