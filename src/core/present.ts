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
  return PROFILE_LABELS[language][profile] ?? profile;
}

/** "Prénom NOM", as the ENT console addresses a person. */
export function displayName(account: Pick<Account, 'firstName' | 'lastName'>): string {
  return [account.firstName, account.lastName].filter((part) => part !== '').join(' ');
}

/**
 * Who the account is for, in one line: a parent's children, a pupil's class, else the profile
 * with its classes when it has some.
 */
export function roleLine(account: Account, language: Language = 'fr'): string {
  const fr = language === 'fr';
  if (account.profile === 'Relative' && account.children.length > 0) {
    return `${fr ? 'Responsable de' : 'Parent of'} : ${account.children.join(', ')}`;
  }
  const label = profileLabel(account.profile, language);
  if (account.classes.length === 0) return label;
  const classes = account.classes.join(', ');
  return fr ? `${label}, classe de ${classes}` : `${label}, class ${classes}`;
}
