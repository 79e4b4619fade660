// The user document's distribution strategy (fiche 4.2 §7): « Courriel pour ceux qui ont une
// adresse, PDF pour les autres ». The campaign decides who it skips (plan.ts's skipReason, listed
// by campaign.ts's skippedAccounts); the letters half prints exactly those logins.
import type { Account } from '../types';

/**
 * The accounts whose login is listed, in their order, once per login as the campaign counts
 * them; all of them when there is no list. The strategy's letters half asks for exactly the
 * logins the campaign skipped.
 */
export function onlyLogins(accounts: readonly Account[], logins?: readonly string[]): Account[] {
  if (logins === undefined) return accounts.slice();
  const wanted = new Set(logins);
  return accounts.filter((account) => {
    if (!wanted.has(account.login)) return false;
    wanted.delete(account.login);
    return true;
  });
}
