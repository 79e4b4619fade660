import { describe, expect, it } from 'vitest';
import { ELLIPSIS, shortenList, shortenRuns, wrapRuns } from './wrap';
import type { Measure } from './metrics';
import type { TextStyle } from './model';

// One point per character: widths a person can count.
const measure: Measure = (text) => Array.from(text).length;
const style: TextStyle = {
  font: 'sans',
  size: 10,
  lineHeight: 12,
  spaceBefore: 0,
  indent: 0,
  maxLines: 3,
};
const texts = (runs: { text: string }[]) => runs.map((run) => run.text).join('');
const lineTexts = (runs: { text: string; bold?: boolean }[], width: number) =>
  wrapRuns(runs, style, width, measure).map((line) => line.pieces.map((p) => p.text).join(''));

describe('line breaking', () => {
  it('breaks at spaces, collapsing them', () => {
    expect(lineTexts([{ text: 'Ouvrez  l’adresse dans un navigateur' }], 12)).toEqual([
      'Ouvrez',
      'l’adresse',
      'dans un',
      'navigateur',
    ]);
  });

  it('never breaks at a non-breaking space: « ? » and « : » stay with their word', () => {
    // With an ordinary space, the line would be « un code » and the next « : abc ».
    expect(lineTexts([{ text: 'un code\u00a0: abc' }], 8)).toEqual(['un', 'code\u00a0:', 'abc']);
  });

  it('keeps faces per piece, a word may change face mid-way', () => {
    const [line] = wrapRuns(
      [{ text: 'Sur ' }, { text: 'ent.fr', bold: true }, { text: ', cliquez' }],
      style,
      40,
      measure,
    );
    expect(line!.pieces.map((p) => [p.text, p.font])).toEqual([
      ['Sur ', 'sans'],
      ['ent.fr', 'sans-bold'],
      [', cliquez', 'sans'],
    ]);
    expect(line!.width).toBe(19);
  });

  it('breaks a word longer than the line between characters', () => {
    expect(lineTexts([{ text: 'Va https://ent.example/très/long' }], 10)).toEqual([
      'Va https:/',
      '/ent.examp',
      'le/très/lo',
      'ng',
    ]);
  });
});

describe('shortening', () => {
  it('leaves text that fits alone', () => {
    expect(shortenRuns([{ text: 'Zoë ÇELIK' }], style, 20, 1, measure)).toEqual([
      { text: 'Zoë ÇELIK' },
    ]);
  });

  it('cuts the longest head that fits with « … », without a dangling separator', () => {
    const runs = shortenRuns([{ text: 'Marie-Charlotte, DE LA TOUR' }], style, 16, 1, measure);
    expect(texts(runs)).toBe(`Marie-Charlotte${ELLIPSIS}`);
    const two = shortenRuns([{ text: 'aaaa bbbb cccc dddd eeee' }], style, 9, 2, measure);
    expect(texts(two)).toBe(`aaaa bbbb cccc ddd${ELLIPSIS}`);
    expect(wrapRuns(two, style, 9, measure)).toHaveLength(2);
  });

  it('shortens a list item-wise and says how many are left out', () => {
    const items = ['6EME 1', '6EME 2', '6EME 3', '5EME 1', '5EME 2'];
    const runs = shortenList('Enseignant, classe de ', items, style, 40, 1, measure);
    expect(texts(runs)).toBe(`Enseignant, classe de 6EME 1, ${ELLIPSIS} (+4)`);
    expect(texts(shortenList('Parent de : ', ['A'], style, 40, 1, measure))).toBe('Parent de : A');
  });

  it('cuts the text when not even one item fits', () => {
    const runs = shortenList('Responsable de : ', ['x'.repeat(60)], style, 30, 1, measure);
    expect(texts(runs)).toHaveLength(30);
    expect(texts(runs).endsWith(ELLIPSIS)).toBe(true);
  });
});
