// The user document's distribution strategy (fiche 4.2 §7): « Courriel pour ceux qui ont une
// adresse, PDF pour les autres ». One rule decides both halves, the one the campaign plan uses.
import type { Account } from '../types';
import { skipReason, type SkipReason } from './plan';

export interface AddressSplit {
  /** Accounts the campaign sends to, in the selection's order. */
  byEmail: Account[];
  /** Accounts that get a letter (PDF) instead, in the selection's order, with the reason. */
  byLetter: Account[];
  reasons: Map<string, SkipReason>;
}

export function splitByAddress(accounts: readonly Account[]): AddressSplit {
  const split: AddressSplit = { byEmail: [], byLetter: [], reasons: new Map() };
  for (const account of accounts) {
    const reason = skipReason(account);
    if (reason === null) split.byEmail.push(account);
    else {
      split.byLetter.push(account);
      split.reasons.set(account.login, reason);
    }
  }
  return split;
}

/**
 * The accounts whose login is listed, in their order; all of them when there is no list. The
 * strategy's letters half asks for exactly the logins the campaign skipped.
 */
export function onlyLogins(accounts: readonly Account[], logins?: readonly string[]): Account[] {
  if (logins === undefined) return accounts.slice();
  const wanted = new Set(logins);
  return accounts.filter((account) => wanted.has(account.login));
}
