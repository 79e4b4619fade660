import { en } from './en';
import { fr, type Messages } from './fr';
import type { Language } from '../present';

export type { Messages };

/** French unless the user's locale is English (Session.getActiveUserLocale(), navigator.language). */
export function languageOf(locale: string | null | undefined): Language {
  return /^en(?:[-_]|$)/i.test(locale ?? '') ? 'en' : 'fr';
}

export function messages(language: Language): Messages {
  return language === 'en' ? en : fr;
}
