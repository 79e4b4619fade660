// Singular and plural in every count the product writes: French puts 0 and 1 in the singular.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en';
import { fr } from '../../src/core/i18n/fr';
import { messages as coreMessages } from '../../src/core/messages';
import { cliMessages, pdfMessages } from '../../src/local/cli/messages';

const NB = '\u00a0';

// Words that end in s or x in the singular, and may follow a count.
const INVARIABLE = new Set(['pas', 'sans', 'plus', 'dans', 'depuis', 'sur']);

/** Every text a message gives when all its counts are `n` (strings and lists where it needs them). */
function texts(root: unknown, n: number): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'function') {
      const args = Array.from({ length: value.length }, () => n);
      try {
        out.push(String(value(...args)));
      } catch {
        // Takes something other than counts.
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(root);
  return out;
}

describe('counts in French', () => {
  it('writes the issue’s examples in the singular', () => {
    expect(fr.previewTab.written(0, 'Aperçu publipostage')).toBe(
      `0 compte écrit dans l’onglet «${NB}Aperçu publipostage${NB}».`,
    );
    expect(fr.mail.alreadySent(1)).toBe('1 déjà envoyé par cette campagne (pas renvoyé)');
    expect(fr.mail.alreadySent(2)).toBe('2 déjà envoyés par cette campagne (pas renvoyés)');
    expect(fr.sidebar.accountsFound(1)).toBe('1 compte lu');
    expect(fr.mail.testSent(1, 'moi@example.org')).toBe(
      '1 message de test envoyé à moi@example.org.',
    );
    expect(fr.mail.progress(1, 1)).toBe('1 envoyé sur 1 compte');
    expect(fr.letters.checkDocPages(1, 2)).toBe('le Google Doc a 1 page au lieu de 2.');
    expect(cliMessages.exported(1, 'x.csv', false)).toBe(
      `1 compte exporté dans «${NB}x.csv${NB}» (codes d'activation masqués).`,
    );
    expect(coreMessages.more(1)).toBe('… et 1 avertissement du même genre.');
  });

  it('never puts a plural word right after 0 or 1, and always one after 2', () => {
    const all = [fr, coreMessages, cliMessages, pdfMessages];
    for (const n of [0, 1]) {
      const wrong = texts(all, n).filter((text) =>
        [...text.matchAll(new RegExp(`(?:^|[\\s(])${n} (\\p{L}+)`, 'gu'))].some(
          ([, word]) => /[sx]$/.test(word!) && !INVARIABLE.has(word!),
        ),
      );
      expect(wrong).toEqual([]);
    }
    expect(texts(fr.summary, 2)).toContain('2 comptes sélectionnés au total');
    expect(texts(fr.summary, 2)).toContain('2 activés, 2 non activés');
  });
});

describe('counts in English', () => {
  it('puts only 1 in the singular', () => {
    expect(en.sidebar.accountsFound(0)).toBe('0 accounts read');
    expect(en.sidebar.accountsFound(1)).toBe('1 account read');
    expect(en.previewTab.written(1, 'Preview')).toBe('1 account written to the “Preview” tab.');
    expect(en.letters.pages(0)).toBe('0 pages');
  });
});
