// How an account is named to a person: on the preview tab, in a letter, in an e-mail.
import type { Account, Profile } from './types';

export type Language = 'fr' | 'en';

const PROFILE_LABELS: Record<Language, Record<string, string>> = {
  fr: {
    Student: 'Élève',
    Teacher: 'Enseignant',
    Relative: 'Parent',
    Personnel: 'Personnel',
    Guest: 'Invité',
  },
  en: {
    Student: 'Student',
    Teacher: 'Teacher',
    Relative: 'Parent',
    Personnel: 'Staff',
    Guest: 'Guest',
  },
};

/** The label of a profile; an unknown profile is shown as the export wrote it. */
export function profileLabel(profile: Profile, language: Language = 'fr'): string {
  const labels = PROFILE_LABELS[language];
  // An own key only: a profile written "constructor" or "toString" is not a label.
  return Object.prototype.hasOwnProperty.call(labels, profile) ? labels[profile]! : profile;
}

/** "Prénom NOM", as the ENT console addresses a person. */
export function displayName(account: Pick<Account, 'firstName' | 'lastName'>): string {
  return [account.firstName, account.lastName].filter((part) => part !== '').join(' ');
}

/**
 * Who the account is for, as a label and its value: « Compte » and the profile with its classes,
 * or, for a parent, « Responsable de » and the children. A line that names the account uses the
 * label itself, so it never reads « Compte : Responsable de : … » (issue 16).
 */
export function roleField(
  account: Account,
  language: Language = 'fr',
): { label: string; value: string } {
  const { prefix, items } = roleParts(account, language);
  if (account.profile === 'Relative' && account.children.length > 0) {
    return { label: PARENT_OF[language], value: items.join(', ') };
  }
  return { label: language === 'fr' ? 'Compte' : 'Account', value: prefix + items.join(', ') };
}

const PARENT_OF: Record<Language, string> = { fr: 'Responsable de', en: 'Parent of' };

/**
 * Who the account is for: a parent's children, else the profile with its classes. Split into a
 * fixed prefix and a list, so that a letter can shorten the list item by item.
 */
export function roleParts(
  account: Account,
  language: Language = 'fr',
): { prefix: string; items: string[] } {
  const fr = language === 'fr';
  if (account.profile === 'Relative' && account.children.length > 0) {
    return { prefix: `${PARENT_OF[language]}${fr ? '\u00a0: ' : ': '}`, items: account.children };
  }
  const label = profileLabel(account.profile, language);
  const many = account.classes.length > 1;
  if (account.classes.length === 0) return { prefix: label, items: [] };
  const classes = fr ? (many ? 'classes' : 'classe de') : many ? 'classes' : 'class';
  return { prefix: `${label}, ${classes} `, items: account.classes };
}

/** Who the account is for, in one line. */
export function roleLine(account: Account, language: Language = 'fr'): string {
  const { prefix, items } = roleParts(account, language);
  return prefix + items.join(', ');
}
