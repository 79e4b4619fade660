// Test helper: accounts from a small inline table, as loadAccounts reads them.
import { loadAccounts } from './accounts';
import type { Account } from './types';

export function load(table: readonly (readonly unknown[])[]): Account[] {
  const result = loadAccounts(table);
  if (!result.ok) throw new Error(result.error.message);
  return result.accounts;
}

export const logins = (accounts: readonly Account[]) => accounts.map((a) => a.login);
