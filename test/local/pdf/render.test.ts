import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetters, type LetterDocument } from '../../../src/core/letters';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Account, Layout } from '../../../src/core/types';
import { writeLettersPdf } from '../../../src/local/pdf/render';
import { adversarialAccounts, pupil } from '../../helpers/letters';
import {
  pdfPageCount,
  pdfPageSize,
  pdfPageText,
  pdfWords,
  within,
  type Word,
} from '../../helpers/pdf';

const settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT',
};
const LAYOUTS: Layout[] = [1, 2, 8];
const dir = mkdtempSync(join(tmpdir(), 'letters-'));

/** 11 accounts: a few activated, with and without e-mail; names with diacritics. */
const accounts: Account[] = Array.from({ length: 11 }, (_, i) =>
  pupil({
    row: i + 2,
    login: `eleve${String(i).padStart(2, '0')}.celik`,
    firstName: ['Zoë', 'Văn', 'Çağla', 'Anaïs'][i % 4]!,
    lastName: `ÇELIK${i}`,
    activated: i % 5 === 4,
    activationCode: i % 5 === 4 ? null : `c0de${i}xk`,
    email: i === 4 ? 'a@b.fr' : null,
    emailStatus: i === 4 ? 'valid' : 'missing',
  }),
);

async function render(list: Account[], layout: Layout, name: string) {
  const letters = buildLetters(list, settings, layout);
  const path = join(dir, `${name}-${layout}.pdf`);
  const bytes = await writeLettersPdf(letters, path, { title: name });
  return { letters, path, bytes };
}

/** The words drawn in each slot, in reading order, slot by slot across the pages. */
function wordsBySlot(letters: LetterDocument, words: Word[]): string[] {
  return letters.pages.flatMap((page, p) =>
    page.slots.map((slot) =>
      words
        .filter((word) => word.page === p + 1 && within(word, slot.box))
        .map((word) => word.text)
        .join(' '),
    ),
  );
}

describe('PDF of the letters', () => {
  const rendered: Record<number, Awaited<ReturnType<typeof render>>> = {};
  beforeAll(async () => {
    for (const layout of LAYOUTS) rendered[layout] = await render(accounts, layout, 'classe');
  });

  it('has n, ⌈n/2⌉, ⌈n/8⌉ real A4 pages', () => {
    expect(pdfPageCount(rendered[1]!.path)).toBe(11);
    expect(pdfPageCount(rendered[2]!.path)).toBe(6);
    expect(pdfPageCount(rendered[8]!.path)).toBe(2);
    expect(pdfPageSize(rendered[1]!.path)).toEqual({ width: 595.28, height: 841.89 });
    expect(pdfPageSize(rendered[2]!.path)).toEqual({ width: 841.89, height: 595.28 });
    expect(pdfPageSize(rendered[8]!.path)).toEqual({ width: 595.28, height: 841.89 });
  });

  it('puts one account a page in layout 1: name, login, code or reset hint, in order', () => {
    accounts.forEach((account, i) => {
      const text = pdfPageText(rendered[1]!.path, i + 1);
      expect(text).toContain(`${account.firstName} ${account.lastName}`);
      expect(text).toContain(account.login);
      if (account.activated) {
        expect(text).toContain('Mot de passe oublié ?');
        expect(text).toContain('est déjà activé');
        expect(text).not.toContain("Code d'activation");
      } else {
        expect(text).toContain(account.activationCode!);
        expect(text).toContain("Code d'activation");
      }
      for (const other of accounts.filter((_, j) => j !== i))
        expect(text).not.toContain(other.login);
    });
  });

  it('puts each account in its own slot in layouts 2 and 8, in order', () => {
    for (const layout of [2, 8] as const) {
      const { letters, path } = rendered[layout]!;
      const slots = wordsBySlot(letters, pdfWords(path));
      expect(slots).toHaveLength(accounts.length);
      accounts.forEach((account, i) => {
        const text = slots[i]!;
        expect(text).toContain(`${account.firstName} ${account.lastName}`);
        expect(text).toContain(account.login);
        if (account.activated) expect(text).toContain('Mot de passe oublié ?');
        else expect(text).toContain(account.activationCode!);
        for (const other of accounts.filter((_, j) => j !== i))
          expect(text).not.toContain(other.login);
      });
    }
  });

  it('keeps every word of adversarial data inside its own slot, Unicode intact', async () => {
    const list = adversarialAccounts();
    for (const layout of LAYOUTS) {
      const { letters, path } = await render(list, layout, 'adverse');
      const words = pdfWords(path);
      const all = words.map((word) => word.text).join(' ');
      expect(all).toContain('NGUYỄN');
      expect(all).toContain('ÇELIK');
      expect(all).toContain('Zoë');
      if (layout === 8) expect(all).toContain('…');
      const slots = letters.pages.flatMap((page, p) =>
        page.slots.map((slot) => ({ page: p + 1, slot })),
      );
      for (const word of words) {
        const home = slots.filter(
          ({ page, slot }) => page === word.page && within(word, slot.content),
        );
        expect(home, `« ${word.text} » on page ${word.page} leaves its slot`).toHaveLength(1);
      }
      const bySlot = wordsBySlot(letters, words);
      list.forEach((account, i) => {
        expect(bySlot[i]).toContain(account.login.slice(0, 20));
        if (account.activationCode) expect(bySlot[i]).toContain(account.activationCode);
      });
    }
  });

  it('draws placeholders visibly when the settings are the defaults', async () => {
    const letters = buildLetters([pupil()], DEFAULT_SETTINGS, 1);
    const path = join(dir, 'defaults.pdf');
    await writeLettersPdf(letters, path, { title: 'défauts' });
    const text = pdfPageText(path, 1);
    expect(text).toContain("[Nom de l'établissement]");
    expect(text).toContain('https://ent.example');
  });
});
