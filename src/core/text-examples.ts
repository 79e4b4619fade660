// The accounts the text editor's preview draws (issue 17): for each variant, the accounts of the
// selection that take the most room on a letter or card, the widest first, so that what fits the
// preview fits every letter; a fictitious account when the selection has none of that variant.
import { variantOf } from './letters/content';
import { estimateWidth } from './letters/metrics';
import type { LetterVariant } from './letters/model';
import { isSendableAddress } from './mail/address';
import { exampleAccounts } from './mail/message';
import { displayName, roleLine, type Language } from './present';
import type { Account } from './types';

/** How many accounts the referent may pick from, per variant. */
export const EXAMPLES_PER_VARIANT = 5;

export interface ExampleAccounts {
  /** Widest first; never empty. */
  accounts: Account[];
  /** True when the selection had no account of this variant: the accounts are made up. */
  fictitious: boolean;
}

export interface TextExamples {
  /** Letters and cards: the variant is `variantOf` (not activated = has a code to hand out). */
  letters: Record<LetterVariant, ExampleAccounts>;
  /** E-mails go to accounts with a sendable address; the variant is `activated`. */
  mail: Record<LetterVariant, ExampleAccounts>;
}

/**
 * The room an account's own lines take (name in bold, role with its classes or children, login
 * in monospace), in points at one size: the card's account blocks are set in those faces.
 */
export function roomTaken(account: Account, language: Language = 'fr'): number {
  return (
    estimateWidth(displayName(account) || account.login, 'sans-bold', 10) +
    estimateWidth(roleLine(account, language), 'sans', 10) +
    estimateWidth(account.login, 'mono-bold', 10)
  );
}

/** Each code character replaced: a monospace code takes the same room, so the fit is unchanged. */
export function maskCode(account: Account): Account {
  if (account.activationCode === null) return account;
  return { ...account, activationCode: '•'.repeat(Array.from(account.activationCode).length) };
}

function widest(
  accounts: readonly Account[],
  language: Language,
  fallback: Account,
): ExampleAccounts {
  if (accounts.length === 0) return { accounts: [fallback], fictitious: true };
  const sorted = accounts
    .map((account) => ({ account, room: roomTaken(account, language) }))
    // The sheet's order breaks ties, so the same account comes back each time.
    .sort((a, b) => b.room - a.room || a.account.row - b.account.row)
    .slice(0, EXAMPLES_PER_VARIANT)
    .map((item) => item.account);
  return { accounts: sorted, fictitious: false };
}

/** The examples of a selection, codes masked unless the referent chose to show them. */
export function textExamples(
  selection: readonly Account[],
  options: { language: Language; showCodes: boolean },
): TextExamples {
  const shown = options.showCodes ? [...selection] : selection.map(maskCode);
  const [toActivate, activated] = exampleAccounts();
  const fallback: Record<LetterVariant, Account> = {
    'not-activated': toActivate!,
    activated: activated!,
  };
  const sendable = shown.filter((account) => isSendableAddress((account.email ?? '').trim()));
  const pick = (
    accounts: readonly Account[],
    variant: LetterVariant,
    test: (a: Account) => boolean,
  ) => widest(accounts.filter(test), options.language, fallback[variant]);
  return {
    letters: {
      'not-activated': pick(shown, 'not-activated', (a) => variantOf(a) === 'not-activated'),
      activated: pick(shown, 'activated', (a) => variantOf(a) === 'activated'),
    },
    mail: {
      'not-activated': pick(sendable, 'not-activated', (a) => !a.activated),
      activated: pick(sendable, 'activated', (a) => a.activated),
    },
  };
}
