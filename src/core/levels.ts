// Levels in school order (maternelle, élémentaire, collège, lycée), then any other level
// alphabetically: the sidebar's list and the CLI's « valeurs du fichier » read like a school.
import { textKey } from './normalize';
import { naturalCompare } from './sort';

// Each rank with the spellings exports use for it (compared by textKey: accents removed, lower
// case); the class sort itself stays SPEC §2's natural order.
const SCHOOL_ORDER: readonly (readonly string[])[] = [
  ['PS', 'TPS'],
  ['MS'],
  ['GS'],
  ['CP'],
  ['CE1'],
  ['CE2'],
  ['CM1'],
  ['CM2'],
  ['6EME', '6E', '6EM'],
  ['5EME', '5E', '5EM'],
  ['4EME', '4E', '4EM'],
  ['3EME', '3E', '3EM'],
  ['2NDE', '2DE', '2ND', 'SECONDE'],
  ['1ERE', '1RE', 'PREMIERE'],
  ['TLE', 'TERM', 'TERMINALE', 'TALE'],
];

const RANKS = new Map<string, number>(
  SCHOOL_ORDER.flatMap((names, rank) => names.map((name) => [textKey(name), rank] as const)),
);

/** The level's place in the school year order, or null for a level the list does not know. */
export function levelRank(level: string): number | null {
  return RANKS.get(textKey(level)) ?? null;
}

/** Known levels in school order first, then the others in natural order. */
export function compareLevels(a: string, b: string): number {
  const ra = levelRank(a);
  const rb = levelRank(b);
  if (ra !== null && rb !== null && ra !== rb) return ra - rb;
  if (ra !== null && rb === null) return -1;
  if (ra === null && rb !== null) return 1;
  return naturalCompare(a, b);
}
