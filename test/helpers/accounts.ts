import type { Account } from '../../src/core/types';

/** An account as the export's reader would give it; tests override what they pin. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
  const login = overrides.login ?? 'zoe.celik';
  return {
    row: 2,
    login,
    originalLogin: login,
    lastName: 'ÇELIK',
    firstName: 'Zoë',
    profile: 'Teacher',
    activated: false,
    activationCode: 'b6yhsp6',
    email: `${login}@example.org`,
    emailStatus: 'valid',
    classes: ['6EME 3'],
    levels: ['6EME'],
    children: [],
    functions: [],
    localAdmin: false,
    blocked: false,
    createdAt: null,
    ...overrides,
  };
}

/** n accounts with sendable addresses, logins user0001… in order. */
export function makeAccounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => {
    const login = `user${String(i + 1).padStart(4, '0')}`;
    const activated = i % 3 === 0;
    return makeAccount({
      row: i + 2,
      login,
      lastName: `NOM${i + 1}`,
      activated,
      activationCode: activated ? null : `code${i + 1}`,
    });
  });
}
