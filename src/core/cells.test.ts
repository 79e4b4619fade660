import { describe, expect, it } from 'vitest';
import { activationCodeOf, cellText, isTruthyCell, numberText, splitList } from './cells';

describe('cells', () => {
  it('gives back the digits of a code typed as a number', () => {
    expect(numberText(12345678)).toBe('12345678');
    expect(numberText(123456789012345680000)).toBe('123456789012345683968');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(12.0)).toBe('12');
    expect(cellText(98765432, 'Europe/Paris')).toBe('98765432');
  });

  it('trims text and turns booleans and Dates into text', () => {
    expect(cellText('  abel  ', 'UTC')).toBe('abel');
    expect(cellText(true, 'UTC')).toBe('true');
    expect(cellText(null, 'UTC')).toBe('');
    expect(cellText(new Date('2017-11-06T23:00:00Z'), 'Europe/Paris')).toBe('2017-11-07');
  });

  it('reads the truthy values of local admin and blocked', () => {
    for (const yes of ['oui', 'Oui', 'YES', 'true', 'Vrai', '1', 'x', 'X'])
      expect(isTruthyCell(yes)).toBe(true);
    for (const no of ['non', 'no', 'false', '0', '', 'oui oui'])
      expect(isTruthyCell(no)).toBe(false);
  });

  it('reads empty, null, NULL and - as no activation code', () => {
    for (const none of ['', 'null', 'NULL', '-']) expect(activationCodeOf(none)).toBeNull();
    expect(activationCodeOf('b6yhsp6')).toBe('b6yhsp6');
    expect(activationCodeOf('0')).toBe('0');
  });

  it('splits lists on commas, trimmed, without empties or repeats', () => {
    expect(splitList(' 6EME 3, 5EME 1,,6EME 3 , ')).toEqual(['6EME 3', '5EME 1']);
    expect(splitList('')).toEqual([]);
  });
});
