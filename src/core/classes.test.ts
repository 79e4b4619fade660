import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClassLevelVotes, levelFromClassName, PupilIndex } from './classes';
import { nameKey } from './normalize';

describe('class levels', () => {
  it("falls back on the class name's first word, upper-cased", () => {
    expect(levelFromClassName('6EME 3')).toBe('6EME');
    expect(levelFromClassName('ce1 a')).toBe('CE1');
    expect(levelFromClassName('  TLE G2 ')).toBe('TLE');
  });

  it('takes the most frequent level cell, ties alphabetically, empty cells not voting', () => {
    const votes = new ClassLevelVotes();
    votes.add(['6A'], '6EME', 2);
    votes.add(['6A'], 'SIXIEME');
    votes.add(['X'], 'beta');
    votes.add(['X', '5EME 2'], '');
    votes.add(['X'], 'Alpha');
    const levels = votes.levels();
    expect(levels.get('6A')).toBe('6EME');
    // beta and Alpha have one vote each: alphabetically first by key, "alpha".
    expect(levels.get('X')).toBe('Alpha');
    // No vote: the loader falls back on the class name.
    expect(levels.has('5EME 2')).toBe(false);
  });
});

describe('PupilIndex', () => {
  it('finds a pupil named "Prénom Nom" or "Nom Prénom", whatever the case, accents and spaces', () => {
    const index = new PupilIndex();
    index.add('Léna', 'PEREZ', 0);
    index.add('Jean Pierre', 'DE LA FONTAINE', 1);
    index.add('Léna', 'Perez', 2);
    expect(index.find('lena  perez')).toEqual([0, 2]);
    expect(index.find('PEREZ Léna')).toEqual([0, 2]);
    expect(index.find('Jean Pierre De La Fontaine')).toEqual([1]);
    expect(index.find('de la fontaine jean pierre')).toEqual([1]);
    expect(index.find('Jean Pierre')).toEqual([]);
  });

  it('finds exactly the pupils named "Prénom Nom" or "Nom Prénom" by the key, in order', () => {
    const word = fc.constantFrom('a', 'b', 'É', 'e', ' ', '  ', '\u00a0', 'ab', '');
    const part = fc.array(word, { maxLength: 4 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 8 }), part, (pupils, child) => {
        const index = new PupilIndex();
        pupils.forEach(([first, last], id) => index.add(first, last, id));
        const key = nameKey(child);
        const expected = pupils
          .map(([first, last], id) =>
            nameKey(`${first} ${last}`) === key || nameKey(`${last} ${first}`) === key ? id : -1,
          )
          .filter((id) => id >= 0);
        expect(index.find(child)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
