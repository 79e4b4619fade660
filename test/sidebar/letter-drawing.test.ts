// The preview draws what the PDF draws: every word the sidebar's drawing places (from the core's
// fitted lines) is found in a PDF of the same letters, at the same place.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetters } from '../../src/core/letters';
import { estimateWidth } from '../../src/core/letters/metrics';
import type { Layout } from '../../src/core/types';
import { writeLettersPdf } from '../../src/local/pdf/render';
import { shownArea, slotCutLines, slotDrawing } from '../../sidebar/letter-drawing';
import { makeAccount } from '../helpers/accounts';
import { pdfWords } from '../helpers/pdf';

const settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT',
};
const account = makeAccount({
  login: 'marie-christine.de-la-fontaine',
  firstName: 'Marie-Christine',
  lastName: 'DE LA FONTAINE',
  profile: 'Teacher',
  classes: ['6EME 1', '6EME 2', '5EME 3', '4EME 4', '3EME 1'],
  activationCode: 'p3rt9za',
});

describe('the preview places each word where the PDF does', () => {
  for (const layout of [1, 2, 8] as Layout[]) {
    it(`layout ${layout}`, async () => {
      const letters = buildLetters([account], settings, layout);
      const slot = letters.pages[0]!.slots[0]!;
      const path = join(mkdtempSync(join(tmpdir(), 'drawing-')), 'out.pdf');
      await writeLettersPdf(letters, path, { title: 'test' });
      const words = pdfWords(path);
      const drawn = slotDrawing(letters, slot);
      expect(drawn.length).toBeGreaterThan(5);
      let checked = 0;
      for (const text of drawn) {
        let x = text.x;
        for (const word of text.text.split(' ')) {
          // Only plain words (pdftotext splits punctuation its own way); a piece's last word may
          // run on into the next piece (« **ENT**, »).
          if (/^[\p{L}\p{N}]{2,}$/u.test(word)) {
            const found = words.find(
              (w) =>
                w.text.startsWith(word) &&
                Math.abs(w.x - x) < 0.6 &&
                // pdftotext's box starts an ascender (DejaVu's, 0.928 em) above the baseline.
                Math.abs(w.y - (text.baseline - 0.928 * text.size)) < 0.3,
            );
            expect(
              found,
              `« ${word} » at ${x.toFixed(1)}, ${text.baseline.toFixed(1)}`,
            ).toBeDefined();
            checked++;
          }
          x += estimateWidth(`${word} `, text.font, text.size);
        }
      }
      expect(checked).toBeGreaterThan(10);
    });
  }

  it('shows one card with the dashed lines along its four edges', () => {
    const letters = buildLetters([account, account, account], settings, 8);
    const slot = letters.pages[0]!.slots[1]!;
    const area = shownArea(letters, slot);
    expect(area.width).toBeCloseTo(slot.box.width + 12);
    const lines = slotCutLines(letters, slot);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const vertical = line.x1 === line.x2;
      const length = vertical ? line.y2 - line.y1 : line.x2 - line.x1;
      expect(length).toBeCloseTo(vertical ? slot.box.height : slot.box.width);
    }
  });

  it('shows an A5 half with its cut line, a full page without', () => {
    const halves = buildLetters([account], settings, 2);
    expect(slotCutLines(halves, halves.pages[0]!.slots[0]!)).toHaveLength(1);
    const page = buildLetters([account], settings, 1);
    expect(slotCutLines(page, page.pages[0]!.slots[0]!)).toEqual([]);
    expect(shownArea(page, page.pages[0]!.slots[0]!)).toEqual({
      x: 0,
      y: 0,
      width: page.geometry.width,
      height: page.geometry.height,
    });
  });
});
