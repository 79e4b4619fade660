import { describe, expect, it } from 'vitest';
import { buildLetters } from './build';
import { undrawnCharacters } from './glyphs';
import { load } from '../test-accounts';
import { DEFAULT_SETTINGS } from '../settings';

describe('characters a face cannot draw', () => {
  it('names each letter holding one, with the characters once each, whitespace aside', () => {
    const accounts = load([
      ['Nom', 'Prénom', 'Identifiant', 'Profil'],
      ['LI', 'Xiǎo 明明', 'li.x', 'Élève'],
      ['MARTIN', 'Léa', 'lea', 'Élève'],
    ]);
    const letters = buildLetters(accounts, DEFAULT_SETTINGS, 8);
    // A face without the CJK ideographs, as DejaVu is.
    const noCjk = (_font: string, codePoint: number) => codePoint < 0x3000;
    expect(undrawnCharacters(letters, noCjk)).toEqual([{ login: 'li.x', characters: ['明'] }]);
    expect(undrawnCharacters(letters, () => true)).toEqual([]);
  });
});
