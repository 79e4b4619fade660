// No guessed article before a school's or an ENT's name: « de Collège Jean Moulin » is wrong and
// « du collège » is a guess. The French texts name them on their own, or after a label.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../src/core/mail/message';
import type { Settings } from '../../src/core/types';
import { ROOT } from '../helpers/dist';
import { mailAccount } from '../helpers/mail-accounts';

const BEFORE_A_NAME =
  /(?:^|[\s(])(?:de|du|des|à|au|aux|d['’]|l['’])\s*(?=\{\{\s*(?:établissement|nom_ent)\s*\}\})/i;

const settings: Settings = {
  entName: 'Éclat-BFC',
  entUrl: 'https://ent.example.org',
  schoolName: 'Collège Jean Moulin',
  contact: 'Vie scolaire',
};

describe('no article guessed before a name', () => {
  it('the French templates put no « de », « du », « à » or « l’ » before the school or the ENT', () => {
    const dir = join(ROOT, 'templates/fr');
    const files = readdirSync(dir).map((name) => join(dir, name));
    expect(files.length).toBe(6);
    const wrong = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => BEFORE_A_NAME.test(line))
        .map((line) => `${file}: ${line}`),
    );
    expect(wrong).toEqual([]);
  });

  it('an e-mail names the school after « Établissement », never after « de »', () => {
    for (const activated of [true, false]) {
      const account = mailAccount({ activated, activationCode: activated ? null : 'b6yhsp6' });
      const message = buildMessage(account, settings, { language: 'fr' });
      expect(message.text).toContain('\nÉtablissement\u00a0: Collège Jean Moulin\n');
      for (const text of [message.subject, message.text, message.html]) {
        expect(text).not.toMatch(/\b(?:de|du|à|au) (?:Collège|Éclat)/);
      }
    }
  });
});
