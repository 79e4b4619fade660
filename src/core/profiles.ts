// Profile values of an export, and profile names typed by the referent (SPEC §1, §3).
import { headerKey } from './normalize';
import type { KnownProfile, Profile } from './types';

const PROFILE_BY_KEY: ReadonlyMap<string, KnownProfile> = new Map([
  ['enseignant', 'Teacher'],
  ['teacher', 'Teacher'],
  ['eleve', 'Student'],
  ['student', 'Student'],
  ['parent', 'Relative'],
  ['relative', 'Relative'],
  ['responsable', 'Relative'],
  ['personnel', 'Personnel'],
  ['personnels', 'Personnel'],
  ['invite', 'Guest'],
  ['guest', 'Guest'],
]);

/** The profile of an export's cell: a known code, or null when the value is not one of ours. */
export function knownProfileOf(text: string): KnownProfile | null {
  return PROFILE_BY_KEY.get(headerKey(text)) ?? null;
}

/**
 * A profile as the referent names it on the command line: a code (Teacher), a French or English
 * label (Enseignant, Staff), in any case; other names are taken verbatim (custom profiles).
 */
export function profileFromUserText(text: string): Profile {
  const trimmed = text.trim();
  const key = headerKey(trimmed);
  if (key === 'staff') return 'Personnel';
  return knownProfileOf(trimmed) ?? trimmed;
}
