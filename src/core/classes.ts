// Effective classes of parents and the level of each class (SPEC §1).
import { compareCodePoints, nameKey, textKey } from './normalize';

/** A class's level when no row gives one: its first word, upper-cased ("6eme 3" → "6EME"). */
export function levelFromClassName(className: string): string {
  return (className.trim().split(/\s+/)[0] ?? '').toUpperCase();
}

/**
 * The level of each class that some row's level cell names: the most frequent non-empty `level`
 * cell among rows listing the class in their own classes (ties: alphabetically first). A class
 * without a vote takes its name's first word (levelFromClassName), which the loader adds.
 */
export class ClassLevelVotes {
  private readonly votes = new Map<string, Map<string, number>>();

  /** `count` rows listing these classes have this level cell. */
  add(classes: readonly string[], level: string, count = 1): void {
    if (level === '') return;
    for (const className of classes) {
      let counts = this.votes.get(className);
      if (!counts) this.votes.set(className, (counts = new Map()));
      counts.set(level, (counts.get(level) ?? 0) + count);
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

/**
 * Pupils by the names a parent's children cell can give them: "Prénom Nom" or "Nom Prénom",
 * compared by name key (SPEC §1). Indexed by last then first name key, the parts' cached keys, rather
 * than by one joined key per pupil: a joined key is a new string to hash and keep for each of
 * tens of thousands of pupils, when a children cell names a few thousand.
 */
export class PupilIndex {
  // The id lists handed out by find are the index's own: they are only read.
  private readonly byLast = new Map<string, Map<string, number | number[]>>();
  /** Whether a pupil has an empty last or first name key (named then by the other alone). */
  private partEmpty = false;

  /** Ids must be added in increasing order: find gives them back in that order. */
  add(firstName: string, lastName: string, id: number): void {
    const last = nameKey(lastName);
    const first = nameKey(firstName);
    if (last === '' || first === '') this.partEmpty = true;
    let byFirst = this.byLast.get(last);
    if (!byFirst) this.byLast.set(last, (byFirst = new Map()));
    const found = byFirst.get(first);
    if (found === undefined) byFirst.set(first, id);
    else if (typeof found === 'number') byFirst.set(first, [found, id]);
    else found.push(id);
  }

  private lookUp(last: string, first: string): number | readonly number[] | undefined {
    const byFirst = this.byLast.get(last);
    return byFirst === undefined ? undefined : byFirst.get(first);
  }

  /** The ids of the pupils a child's name, as written in a children cell, can be. */
  find(child: string): readonly number[] {
    const key = nameKey(child);
    // A name key has single spaces between words: "Prénom Nom" or "Nom Prénom" is cut at one
    // of them; a pupil with an empty part is named by the other part alone. Mostly one cut
    // names anyone: its ids are then the answer as they are.
    let one: number | readonly number[] | undefined;
    let more: (number | readonly number[])[] | undefined;
    const take = (ids: number | readonly number[] | undefined) => {
      if (ids === undefined) return;
      if (one === undefined) one = ids;
      else (more ??= [one]).push(ids);
    };
    if (this.partEmpty) {
      take(this.lookUp(key, ''));
      if (key !== '') take(this.lookUp('', key));
    }
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      const left = key.slice(0, at);
      const right = key.slice(at + 1);
      take(this.lookUp(right, left));
      if (left !== right) take(this.lookUp(left, right));
    }
    if (one === undefined) return NONE;
    if (!more) return typeof one === 'number' ? [one] : one;
    // Several cuts name someone, maybe the same pupil twice: each once, in the order added.
    const found = more.flat().sort((a, b) => a - b);
    let kept = 1;
    for (let i = 1; i < found.length; i++)
      if (found[i] !== found[kept - 1]) found[kept++] = found[i]!;
    found.length = kept;
    return found;
  }
}

const NONE: readonly number[] = Object.freeze([]);

/** Appends the items not yet in the list (first occurrence kept). */
export function appendUnique(list: string[], items: readonly string[]): string[] {
  for (const item of items) if (!list.includes(item)) list.push(item);
  return list;
}
