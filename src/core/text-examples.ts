// The accounts the text editor's preview offers for one text (issue 17), from the fullest
// accounts of its variant that the server sends (getTextExamples, the fit check's own order):
// for an e-mail, those with a sendable address first (they are the ones it goes to); a made-up
// account when the selection has none; codes masked while the referent hides them.
import type { LetterVariant } from './letters/model';
import { isSendableAddress } from './mail/address';
import { exampleAccounts } from './mail/message';
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
