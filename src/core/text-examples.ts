// The accounts the text editor's preview draws (issue 17): for each variant, the accounts of the
// selection that fill a letter or card most (the fit check's own order, src/core/texts), so
// that what fits the preview fits every letter; a made-up account when the selection has none.
import type { LetterVariant } from './letters/model';
import { isSendableAddress } from './mail/address';
import { exampleAccounts } from './mail/message';
import { fullestAccounts } from './texts';
import type { Account } from './types';

/** How many accounts the referent may pick from, per variant. */
export const EXAMPLES_PER_VARIANT = 5;

export interface ExampleAccounts {
  /** Fullest first; never empty. */
  accounts: Account[];
  /** True when the selection had no account of this variant: the accounts are made up. */
  fictitious: boolean;
}

export interface TextExamples {
  /** Letters and cards, by `variantOf` (not activated = has a code to hand out). */
  letters: Record<LetterVariant, ExampleAccounts>;
  /** The same among the accounts with a sendable address: those an e-mail goes to. */
  mail: Record<LetterVariant, ExampleAccounts>;
}

/** Each code character replaced: a monospace code takes the same room, so the fit is unchanged. */
export function maskCode(account: Account): Account {
  if (account.activationCode === null) return account;
  return { ...account, activationCode: '•'.repeat(Array.from(account.activationCode).length) };
}

/** The fullest accounts of a variant, as the fit check tries them, the first its example. */
function fullest(
  accounts: readonly Account[],
  variant: LetterVariant,
  fallback: Account,
): ExampleAccounts {
  const found = fullestAccounts(accounts, variant, EXAMPLES_PER_VARIANT);
  return found.length > 0
    ? { accounts: found, fictitious: false }
    : { accounts: [fallback], fictitious: true };
}

/** The examples of a selection, codes masked unless the referent chose to show them. */
export function textExamples(
  selection: readonly Account[],
  options: { showCodes: boolean },
): TextExamples {
  const shown = options.showCodes ? [...selection] : selection.map(maskCode);
  const [toActivate, activated] = exampleAccounts();
  const fallback: Record<LetterVariant, Account> = {
    'not-activated': toActivate!,
    activated: activated!,
  };
  const sendable = shown.filter((account) => isSendableAddress((account.email ?? '').trim()));
  const each = (accounts: readonly Account[]) => ({
    'not-activated': fullest(accounts, 'not-activated', fallback['not-activated']),
    activated: fullest(accounts, 'activated', fallback.activated),
  });
  return { letters: each(shown), mail: each(sendable) };
}
