import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { languageOf } from './index';

describe('the user’s language', () => {
  it('is English for English locales as Apps Script and browsers write them, else French', () => {
    for (const locale of ['en', 'en_US', 'en_GB', 'en-GB', 'EN'])
      expect(languageOf(locale)).toBe('en');
    for (const locale of ['fr', 'fr_FR', 'de', 'eng', '', null, undefined]) {
      expect(languageOf(locale)).toBe('fr');
    }
  });

  it('has every French text in English too, section by section', () => {
    const keys = (messages: object) =>
      Object.entries(messages).flatMap(([section, texts]) =>
        Object.keys(texts as object).map((key) => `${section}.${key}`),
      );
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});
