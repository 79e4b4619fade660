import type { Account } from '../../src/core/types';

/** An account as loadAccounts returns it, with what the example needs changed. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
  const login = overrides.login ?? 'zoe.celik';
  return {
    row: 2,
    login,
    originalLogin: login,
    lastName: 'ÇELIK',
    firstName: 'Zoë',
    profile: 'Student',
    activated: false,
    activationCode: 'b6yhsp6',
    email: null,
    emailStatus: 'missing',
    classes: [],
    levels: [],
    children: [],
    functions: [],
    localAdmin: false,
    blocked: false,
    createdAt: null,
    ...overrides,
  };
}
