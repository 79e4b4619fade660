// The accounts the text editor's preview offers for one text (issue 17), from the fullest
// accounts of its variant that the server sends (getTextExamples, the fit check's own order):
// for an e-mail, those with a sendable address first (they are the ones it goes to); a made-up
// account when the selection has none; codes masked while the referent hides them.
import { variantOf } from './letters/content';
import type { LetterVariant } from './letters/model';
import { isSendableAddress } from './mail/address';
import { exampleAccounts } from './mail/message';
import { fullestAccounts } from './texts/fit-check';
import type { Account } from './types';

export interface ExampleAccounts {
  /** Fullest first; never empty. */
  accounts: Account[];
  /** True when the selection had no account of this variant: the account is made up. */
  fictitious: boolean;
}

/** Each code character replaced: a monospace code takes the same room, so the fit is unchanged. */
export function maskCode(account: Account): Account {
  if (account.activationCode === null) return account;
  return { ...account, activationCode: '•'.repeat(Array.from(account.activationCode).length) };
}

const sendable = (account: Account) => isSendableAddress((account.email ?? '').trim());

export function previewAccounts(
  fullest: readonly Account[],
  text: { format: 'letter' | 'card' | 'mail'; variant: LetterVariant },
  options: { showCodes: boolean },
): ExampleAccounts {
  const [toActivate, activated] = exampleAccounts();
  if (fullest.length === 0) {
    return {
      accounts: [text.variant === 'activated' ? activated! : toActivate!],
      fictitious: true,
    };
  }
  const ordered =
    text.format === 'mail'
      ? [...fullest.filter(sendable), ...fullest.filter((account) => !sendable(account))]
      : [...fullest];
  return {
    accounts: options.showCodes ? ordered : ordered.map(maskCode),
    fictitious: false,
  };
}

/** The accounts a text is tried on: the selection's, or the built-in examples when it has none. */
export function accountsOrExamples(accounts: readonly Account[]): readonly Account[] {
  return accounts.length > 0 ? accounts : exampleAccounts();
}

/**
 * What getTextExamples sends: the fullest accounts of each variant (the selection's, else the
 * built-in examples), the account the referent picked first in its own variant.
 */
export function examplesByVariant(
  accounts: readonly Account[],
  pickedLogin: string | null | undefined,
  count: number,
): Record<LetterVariant, Account[]> {
  const all = accountsOrExamples(accounts);
  const picked = pickedLogin ? all.find((account) => account.login === pickedLogin) : undefined;
  const byVariant = (variant: LetterVariant): Account[] => {
    const fullest = fullestAccounts(all, variant, count);
    const list = picked ? [picked, ...fullest.filter((a) => a.login !== picked.login)] : fullest;
    return list.filter((account) => variantOf(account) === variant);
  };
  return { 'not-activated': byVariant('not-activated'), activated: byVariant('activated') };
}
