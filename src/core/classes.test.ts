import { describe, expect, it } from 'vitest';
import { childKeys, classLevelMap, levelFromClassName } from './classes';

describe('class levels', () => {
  it("falls back on the class name's first word, upper-cased", () => {
    expect(levelFromClassName('6EME 3')).toBe('6EME');
    expect(levelFromClassName('ce1 a')).toBe('CE1');
    expect(levelFromClassName('  TLE G2 ')).toBe('TLE');
  });

  it('takes the most frequent level cell, ties alphabetically, empty cells not voting', () => {
    const levels = classLevelMap([
      { classes: ['6A'], level: '6EME' },
      { classes: ['6A'], level: '6EME' },
      { classes: ['6A'], level: 'SIXIEME' },
      { classes: ['X'], level: 'beta' },
      { classes: ['X', '5EME 2'], level: '' },
      { classes: ['X'], level: 'Alpha' },
    ]);
    expect(levels.get('6A')).toBe('6EME');
    // beta and Alpha have one vote each: alphabetically first by key, "alpha".
    expect(levels.get('X')).toBe('Alpha');
    expect(levels.get('5EME 2')).toBe('5EME');
  });

  it('names a pupil "Prénom Nom" and "Nom Prénom"', () => {
    expect(childKeys('Léna', 'PEREZ')).toEqual(['lena perez', 'perez lena']);
    expect(childKeys('Jean  ', 'Jean')).toEqual(['jean jean']);
    expect(childKeys('', 'PEREZ')).toEqual(['perez']);
  });
});
