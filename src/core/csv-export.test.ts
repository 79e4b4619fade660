import { describe, expect, it } from 'vitest';
import { parseCsv } from '../local/csv';
import { loadAccounts } from './accounts';
import {
  MASKED_CODE,
  quoteCell,
  safeCell,
  selectionToCsv,
  shownCode,
  unsafeCell,
} from './csv-export';
import { load } from './test-accounts';

const accounts = load([
  [
    'Nom',
    'Prénom',
    'Login',
    'Profil',
    "Code d'activation",
    'Courriel',
    'Classes',
    'Date de création',
  ],
  [
    '=HYPERLINK("http://x")',
    'Anne',
    'anne.x',
    'Enseignant',
    'b6yhsp6',
    '',
    '6EME 1, 6EME 2',
    '07/11/2017',
  ],
  ['PEREZ', '+33 Léna', 'lena.perez', 'Élève', '', '@lena', '', ''],
  ['D"ALMEIDA', '-Tom', 'tom;d', 'Parent', 'abc', 'tom@ex.fr', '', ''],
]);

describe('exporting a selection as CSV', () => {
  it('writes UTF-8 with a BOM, ";", quoted cells and CRLF, codes masked', () => {
    const csv = selectionToCsv(accounts, { showCodes: false });
    expect(
      csv.startsWith(
        '\uFEFF"Nom";"Prénom";"Profil";"Login";"Code d\'activation";"Courriel";"Classe";"Date de création"\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      `"Enseignant";"anne.x";"${MASKED_CODE}";"";"6EME 1, 6EME 2";"07/11/2017"\r\n`,
    );
    expect(csv).not.toContain('b6yhsp6');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('shows the codes when asked', () => {
    expect(selectionToCsv(accounts, { showCodes: true })).toContain('"b6yhsp6"');
  });

  it('masks a code unless shown, and shows nothing for an activated account', () => {
    const [anne, lena] = accounts;
    expect(shownCode(anne!, false)).toBe(MASKED_CODE);
    expect(shownCode(anne!, true)).toBe('b6yhsp6');
    expect(shownCode(lena!, true)).toBe('');
    expect(shownCode(lena!, false)).toBe('');
  });

  it('neutralises cells a spreadsheet would run', () => {
    const csv = selectionToCsv(accounts, { showCodes: false });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'+33 Léna"`);
    expect(csv).toContain(`"'@lena"`);
    expect(csv).toContain(`"'-Tom"`);
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('6EME 1')).toBe('6EME 1');
    expect(quoteCell('=a"b')).toBe('"\'=a""b"');
  });

  it('reads back exactly what safeCell protected, and nothing else', () => {
    for (const value of ['=1', '+33', '-x', '@a', '\t=1', '\r', "'plain", 'plain', '']) {
      expect(unsafeCell(safeCell(value))).toBe(value);
    }
    expect(unsafeCell("'word")).toBe("'word");
    // The one value that does not come back: text that itself began with the apostrophe.
    expect(unsafeCell(safeCell("'=1"))).toBe('=1');
  });

  it('loads back as the same accounts, activation kept even when codes are masked', () => {
    const csv = selectionToCsv(accounts, { showCodes: false });
    const result = loadAccounts(parseCsv(new TextEncoder().encode(csv)).rows);
    if (!result.ok) throw new Error(result.error.message);
    expect(
      result.accounts.map((a) => [a.login, a.profile, a.activated, a.classes, a.createdAt]),
    ).toEqual([
      ['anne.x', 'Teacher', false, ['6EME 1', '6EME 2'], '2017-11-07'],
      ['lena.perez', 'Student', true, [], null],
      ['tom;d', 'Relative', false, [], null],
    ]);
  });
});
