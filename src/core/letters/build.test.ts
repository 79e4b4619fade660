import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLetters } from './build';
import { estimateWidth } from './metrics';
import { DEFAULT_SETTINGS } from '../settings';
import type { Account, Layout } from '../types';
import type { LetterDocument } from './model';
import { adversarialAccounts, pupil } from '../../../test/helpers/letters';

const settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT',
};
const LAYOUTS: Layout[] = [1, 2, 8];
const textOf = (letters: LetterDocument, page: number, slot: number) =>
  letters.pages[page]!.slots[slot]!.blocks.map((block) =>
    block.runs.map((run) => run.text).join(''),
  );

/**
 * Every block within its style's line budget and, measured again piece by piece, within the
 * slot's width; the blocks stacked (as the renderers stack them) within the slot's height.
 */
function expectFits(letters: LetterDocument) {
  for (const page of letters.pages) {
    for (const slot of page.slots) {
      let height = 0;
      slot.blocks.forEach((block, index) => {
        const style = letters.styles[block.kind];
        expect(block.lines.length).toBeLessThanOrEqual(style.maxLines);
        for (const line of block.lines) {
          const width = line.pieces.reduce(
            (sum, piece) => sum + estimateWidth(piece.text, piece.font, style.size),
            0,
          );
          expect(width).toBeLessThanOrEqual(slot.content.width - style.indent + 1e-6);
        }
        height += (index > 0 ? style.spaceBefore : 0) + block.lines.length * style.lineHeight;
      });
      expect(height).toBeLessThanOrEqual(slot.content.height + 1e-6);
    }
  }
}

describe('buildLetters', () => {
  it('fills n, ⌈n/2⌉, ⌈n/8⌉ pages in the given order', () => {
    const accounts = Array.from({ length: 11 }, (_, i) => pupil({ login: `user${i}` }));
    for (const layout of LAYOUTS) {
      const letters = buildLetters(accounts, settings, layout);
      expect(letters.pages).toHaveLength(Math.ceil(11 / layout));
      expect(letters.pages.flatMap((page) => page.slots.map((slot) => slot.login))).toEqual(
        accounts.map((account) => account.login),
      );
    }
    expect(buildLetters([], settings, 8).pages).toEqual([]);
  });

  it('gives a not-activated account its login and code, with the first-connection steps', () => {
    const letters = buildLetters([pupil()], settings, 1);
    const slot = letters.pages[0]!.slots[0]!;
    expect(slot.variant).toBe('not-activated');
    expect(slot.blocks.map((block) => block.kind)).toEqual([
      'heading',
      'subheading',
      'name',
      'role',
      'paragraph',
      'label',
      'login',
      'label',
      'code',
      'section',
      'step',
      'step',
      'step',
      'step',
      'step',
      'paragraph',
      'note',
    ]);
    const text = textOf(letters, 0, 0);
    expect(text).toContain('Zoë ÇELIK');
    expect(text).toContain('Élève, classe de 6EME 3');
    expect(text).toContain('zoe.celik');
    expect(text).toContain('b6yhsp6');
    expect(text[0]).toBe('Collège Victor Hugo');
    expect(text.join('\n')).toContain('https://ent.monecole.fr');
    expect(slot.blocks.filter((b) => b.kind === 'step').map((b) => b.number)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('reminds an activated account of its login and the reset procedure, never a code', () => {
    const withEmail = pupil({
      activated: true,
      activationCode: null,
      email: 'z@ex.fr',
      emailStatus: 'valid',
    });
    const withoutEmail = pupil({ activated: true, activationCode: null });
    for (const layout of LAYOUTS) {
      const letters = buildLetters([withEmail, withoutEmail], settings, layout);
      const [first, second] = letters.pages.flatMap((page) => page.slots);
      expect(first!.variant).toBe('activated');
      expect(first!.blocks.some((block) => block.kind === 'code')).toBe(false);
      const a = first!.blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
      const b = second!.blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
      expect(a).toContain('Mot de passe oublié\u00a0?');
      expect(a).toMatch(/courriel/);
      expect(b).toMatch(/référent ENT/);
      expect(a).not.toBe(b);
    }
  });

  it("writes a parent's « Responsable de » line with the children", () => {
    const parent = pupil({
      profile: 'Relative',
      children: ['Léna PEREZ', 'Agathe PICARD'],
      classes: [],
    });
    expect(textOf(buildLetters([parent], settings, 8), 0, 0)).toContain(
      'Responsable de : Léna PEREZ, Agathe PICARD',
    );
  });

  it('speaks English when asked', () => {
    const text = textOf(buildLetters([pupil()], settings, 1, { language: 'en' }), 0, 0).join('\n');
    expect(text).toContain('Activation code');
    expect(text).toContain('Student, class 6EME 3');
    expect(text).not.toContain('Identifiant');
  });

  it('shortens long names, class lists and children with « … » so each slot holds its text', () => {
    for (const layout of LAYOUTS) {
      const letters = buildLetters(adversarialAccounts(), DEFAULT_SETTINGS, layout);
      expectFits(letters);
      const all = letters.pages.flatMap((page) => page.slots);
      const role = (i: number) => all[i]!.blocks.find((b) => b.kind === 'role')!.runs[0]!.text;
      if (layout === 8) {
        expect(role(0)).toMatch(/… \(\+\d+\)$/);
        expect(all[0]!.blocks.find((b) => b.kind === 'name')!.runs[0]!.text).toMatch(/…$/);
      }
      // The login and the code are never shortened.
      expect(all[0]!.blocks.find((b) => b.kind === 'login')!.runs[0]!.text).toBe(
        'marie-charlotte.de-la-tour-dauvergne-saint-exupery',
      );
      expect(all[0]!.blocks.find((b) => b.kind === 'code')!.runs[0]!.text).toBe('kwxpcv5g');
    }
  });

  it('fits whatever the data and the settings (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'W', 'é', 'ễ', ' ', '-', '.', '漢', 'Ç'),
      maxLength: 160,
    });
    const account = fc.record({
      firstName: text,
      lastName: text,
      login: fc.string({
        unit: fc.constantFrom('a', 'z', '.', '-', '1'),
        minLength: 1,
        maxLength: 60,
      }),
      activationCode: fc.option(
        fc.string({ unit: fc.constantFrom('a', 'b', '7'), minLength: 4, maxLength: 12 }),
      ),
      classes: fc.array(text, { maxLength: 20 }),
      children: fc.array(text, { maxLength: 8 }),
      profile: fc.constantFrom('Student', 'Teacher', 'Relative', 'Personnel', 'Guest', 'Stagiaire'),
    });
    const anySettings = fc.record({ entName: text, entUrl: text, schoolName: text, contact: text });
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 1, maxLength: 3 }),
        anySettings,
        fc.constantFrom(...LAYOUTS),
        (drafts, s, layout) => {
          const accounts: Account[] = drafts.map((d) =>
            pupil({ ...d, activated: d.activationCode === null }),
          );
          const letters = buildLetters(accounts, s, layout);
          expectFits(letters);
          for (const slot of letters.pages.flatMap((page) => page.slots)) {
            const kinds = slot.blocks.map((block) => block.kind);
            expect(kinds).toContain('login');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
