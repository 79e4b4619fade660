// Singular or plural after a count. French puts 0 and 1 in the singular (« 0 compte écrit »,
// « 1 déjà envoyé »); English only 1 (« 0 accounts »).
import type { Language } from './present';

/** The word that goes with `n`: `one` or `many`. */
export function plural(n: number, one: string, many: string, language: Language = 'fr'): string {
  const singular = language === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return singular ? one : many;
}

/** The count and its word: « 0 compte », « 2 comptes ». */
export function count(n: number, one: string, many: string, language: Language = 'fr'): string {
  return `${n} ${plural(n, one, many, language)}`;
}
