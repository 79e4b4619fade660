import { describe, expect, it } from 'vitest';
import { compareLevels } from './levels';

describe('levels in school order', () => {
  it('puts primary, collège and lycée levels in their order, then the others alphabetically', () => {
    const levels = ['TLE', 'Z-ULIS', '1ERE', '3EME', 'CM2', '6EME', 'CP', 'SEGPA', '2NDE', '5EME'];
    levels.push('CE1', 'CE2', 'CM1', '4EME');
    expect([...levels].sort(compareLevels)).toEqual([
      'CP',
      'CE1',
      'CE2',
      'CM1',
      'CM2',
      '6EME',
      '5EME',
      '4EME',
      '3EME',
      '2NDE',
      '1ERE',
      'TLE',
      'SEGPA',
      'Z-ULIS',
    ]);
  });

  it('knows the other spellings of a level, accents and case aside', () => {
    expect(['Terminale', '6ème', '2de', '5E'].sort(compareLevels)).toEqual([
      '6ème',
      '5E',
      '2de',
      'Terminale',
    ]);
  });
});
