import { describe, expect, it } from 'vitest';
import { languageOf } from './index';

describe('the user’s language', () => {
  it('is English for English locales as Apps Script and browsers write them, else French', () => {
    for (const locale of ['en', 'en_US', 'en_GB', 'en-GB', 'EN'])
      expect(languageOf(locale)).toBe('en');
    for (const locale of ['fr', 'fr_FR', 'de', 'eng', '', null, undefined]) {
      expect(languageOf(locale)).toBe('fr');
    }
  });
});
