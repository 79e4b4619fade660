// Effective classes of parents and the level of each class (SPEC §1).
import { compareCodePoints, fullNameKey, textKey } from './normalize';

/** A class's level when no row gives one: its first word, upper-cased ("6eme 3" → "6EME"). */
export function levelFromClassName(className: string): string {
  return (className.trim().split(/\s+/)[0] ?? '').toUpperCase();
}

/** Rows as the level rule needs them: the row's own classes and its `level` cell. */
export interface ClassRow {
  classes: readonly string[];
  level: string;
}

/**
 * The level of each class: the most frequent non-empty `level` cell among rows listing the class
 * in their own classes (ties: alphabetically first); without one, the class name's first word.
 */
export function classLevelMap(rows: readonly ClassRow[]): Map<string, string> {
  const levels = votedClassLevels(rows);
  for (const row of rows) {
    for (const className of row.classes) {
      if (!levels.has(className)) levels.set(className, levelFromClassName(className));
    }
  }
  return levels;
}

/** classLevelMap for the classes that some row's level cell names; the others are left out. */
export function votedClassLevels(rows: readonly ClassRow[]): Map<string, string> {
  const votes = new ClassLevelVotes();
  for (const row of rows) votes.add(row.classes, row.level);
  return votes.levels();
}

/** votedClassLevels one row at a time, so that a loader counts while it reads. */
export class ClassLevelVotes {
  private readonly votes = new Map<string, Map<string, number>>();

  add(classes: readonly string[], level: string): void {
    if (level === '') return;
    for (const className of classes) {
      let counts = this.votes.get(className);
      if (!counts) this.votes.set(className, (counts = new Map()));
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
  }

  levels(): Map<string, string> {
    const levels = new Map<string, string>();
    for (const [className, counts] of this.votes) {
      let best = '';
      let bestCount = 0;
      for (const [level, count] of counts) {
        if (count > bestCount || (count === bestCount && compareAlphabetically(level, best) < 0)) {
          best = level;
          bestCount = count;
        }
      }
      levels.set(className, best);
    }
    return levels;
  }
}

function compareAlphabetically(a: string, b: string): number {
  return compareCodePoints(textKey(a), textKey(b)) || compareCodePoints(a, b);
}

/** The keys under which a pupil can be named in a parent's "Enfants" cell. */
export function childKeys(firstName: string, lastName: string): string[] {
  const a = fullNameKey(firstName, lastName);
  const b = fullNameKey(lastName, firstName);
  return a === b ? [a] : [a, b];
}

/** Appends the items not yet in the list (first occurrence kept). */
export function appendUnique(list: string[], items: readonly string[]): string[] {
  for (const item of items) if (!list.includes(item)) list.push(item);
  return list;
}
