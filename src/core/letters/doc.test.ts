import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/helpers/accounts';
import { buildLetters } from './build';
import { DOC_MONO, DOC_RESERVE, DOC_SANS, docLetters, docPageSetup, docParagraph } from './doc';
import { pageGeometry } from './geometry';
import { stylesFor } from './styles';

const SETTINGS = {
  entName: 'ENT',
  entUrl: 'https://ent.exemple.fr',
  schoolName: 'Collège',
  contact: 'Bureau',
};

describe('the Doc of the letters', () => {
  it('layout 1: A4 portrait, the model’s margins less the reserve, no table', () => {
    const setup = docPageSetup(pageGeometry(1));
    expect(setup.table).toBeNull();
    expect(setup.width).toBe(595.28);
    expect(setup.margins.top).toBeCloseTo(56.69 - DOC_RESERVE, 1);
    expect(setup.margins.left).toBeCloseTo(56.69, 1);
  });

  it.each([2, 8] as const)(
    'layout %i: each cell’s content box is the model’s slot content',
    (layout) => {
      const geometry = pageGeometry(layout);
      const setup = docPageSetup(geometry);
      const grid = setup.table!;
      expect(grid.columns * grid.rows).toBe(layout);
      // Cells fill the width between the margins.
      const total = grid.cells.reduce((sum, cell) => sum + cell.width, 0);
      expect(total).toBeCloseTo(setup.width - setup.margins.left - setup.margins.right, 1);
      let x = setup.margins.left;
      grid.cells.forEach((cell, column) => {
        const slot = geometry.slots[column]!.content;
        expect(x + cell.padding.left).toBeCloseTo(slot.x, 1);
        expect(cell.width - cell.padding.left - cell.padding.right).toBeCloseTo(slot.width, 1);
        x += cell.width;
      });
      // Rows fit the page with room to spare for what a Doc adds after a table.
      const rowsHeight = grid.rows * Math.max(grid.rowHeight, geometry.slots[0]!.box.height);
      const inner = setup.height - setup.margins.top - setup.margins.bottom;
      if (layout === 8) expect(inner - rowsHeight).toBeGreaterThanOrEqual(2 * DOC_RESERVE - 0.1);
      expect(setup.width).toBe(layout === 2 ? 841.89 : 595.28);
    },
  );

  it('one paragraph per block: a step’s number in front, bold runs as inclusive ranges', () => {
    const styles = stylesFor(1);
    const step = docParagraph(
      {
        kind: 'step',
        runs: [{ text: 'Ouvrez ' }, { text: 'https://ent', bold: true }],
        maxLines: 3,
        lines: [],
        number: 2,
      },
      styles.step,
      false,
    );
    expect(step.text).toBe('2.\u00a0Ouvrez https://ent');
    expect(step.bold).toEqual([[10, 20]]);
    expect(step.text.slice(10, 21)).toBe('https://ent');
    expect(step.style).toMatchObject({
      fontFamily: DOC_SANS,
      bold: false,
      spacingBefore: styles.step.spaceBefore,
      indentStart: styles.step.indent,
      indentFirstLine: 0,
    });
    const code = docParagraph(
      { kind: 'code', runs: [{ text: 'b6yhsp6' }], maxLines: 1, lines: [] },
      styles.code,
      true,
    );
    expect(code.style).toMatchObject({ fontFamily: DOC_MONO, bold: true, spacingBefore: 0 });
  });

  it('keeps the order of pages, slots and blocks; a long name is one paragraph still', () => {
    const accounts = ['a', 'b', 'c'].map((login) =>
      makeAccount({ login, lastName: 'X'.repeat(login === 'b' ? 200 : 3) }),
    );
    const doc = docLetters(buildLetters(accounts, SETTINGS, 2));
    expect(doc.map((page) => page.length)).toEqual([2, 1]);
    const logins = doc.flat().map((slot) => slot.find((p) => /^[abc]$/.test(p.text))?.text);
    expect(logins).toEqual(['a', 'b', 'c']);
    const counts = doc.flat().map((slot) => slot.length);
    expect(new Set(counts).size).toBe(1);
  });
});
