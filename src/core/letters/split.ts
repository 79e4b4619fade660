// « Un PDF par classe » / par profil: the selection cut into groups, each named for its file.
import type { Account } from '../types';
import { profileLabel, type Language } from '../present';
import { naturalCompare } from '../sort';

export type SplitBy = 'class' | 'profile';

export interface LetterGroup {
  /** What a person reads: « 6EME 3 », « Enseignant », « Hors classe ». */
  label: string;
  /** A file name without extension, safe on every system, unique in the split (any case). */
  fileName: string;
  /** In the selection's order. */
  accounts: Account[];
}

const OUTSIDE_CLASSES: Record<Language, string> = { fr: 'Hors classe', en: 'No class' };
/** Profiles whose letters go out through a class: pupils, and parents via their children. */
const CLASS_PROFILES = new Set(['Student', 'Relative']);
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Accents dropped, anything but letters, digits, dot, dash and underscore turned into « - ». */
export function safeFileName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  if (ascii === '') return 'sans-nom';
  return RESERVED.test(ascii) ? `_${ascii}` : ascii;
}

/**
 * Groups for one PDF each. By class: a pupil in each of its classes, a parent in each of its
 * children's classes (so each class teacher hands out a full set); teachers, staff, guests and
 * accounts without a class in one « Hors classe » group, last. By profile: one group each.
 * Groups follow the sort's natural order (« 6EME 2 » before « 6EME 10 »); empty groups are left out.
 */
export function splitAccounts(
  accounts: readonly Account[],
  by: SplitBy,
  language: Language = 'fr',
): LetterGroup[] {
  const groups = new Map<string, Account[]>();
  const add = (label: string, account: Account) => {
    const list = groups.get(label) ?? [];
    list.push(account);
    groups.set(label, list);
  };
  const outside = OUTSIDE_CLASSES[language];
  for (const account of accounts) {
    if (by === 'profile') add(profileLabel(account.profile, language), account);
    else if (CLASS_PROFILES.has(account.profile) && account.classes.length > 0) {
      for (const name of account.classes) add(name, account);
    } else add(outside, account);
  }
  const labels = [...groups.keys()]
    .filter((label) => by === 'profile' || label !== outside)
    .sort(naturalCompare);
  if (by === 'class' && groups.has(outside)) labels.push(outside);
  const taken = new Set<string>();
  return labels.map((label) => {
    const base = safeFileName(label);
    let fileName = base;
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) fileName = `${base}-${n}`;
    taken.add(fileName.toLowerCase());
    return { label, fileName, accounts: groups.get(label)! };
  });
}
