// The reader the CLI and the sidebar's import share: encodings, separators, quotes, and the
// files a referent may pick by mistake, each refused in French.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { CsvReadError, parseCsv } from './csv-reader';

const TEXT = 'Nom;Prénom;Code\r\nÇELIK;Zoë;0427193\r\nDUPONT-LEFÈVRE;Œdipe;"a;b"\r\n';
const ROWS = [
  ['Nom', 'Prénom', 'Code'],
  ['ÇELIK', 'Zoë', '0427193'],
  ['DUPONT-LEFÈVRE', 'Œdipe', 'a;b'],
];
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): string {
  try {
    parseCsv(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvReadError);
    return (error as Error).message;
  }
  throw new Error('read without error');
}

describe('parseCsv: the encodings an export comes in', () => {
  it.each([
    ['UTF-8 with a BOM', utf8(`\uFEFF${TEXT}`), 'utf-8'],
    ['UTF-8 without a BOM', utf8(TEXT), 'utf-8'],
    [
      'Windows-1252 (a French spreadsheet program’s CSV)',
      iconv.encode(TEXT, 'windows-1252'),
      'windows-1252',
    ],
    ['UTF-16 LE with a BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le'],
    [
      'UTF-16 BE with a BOM',
      Uint8Array.from([0xfe, 0xff, ...iconv.encode(TEXT, 'utf-16be')]),
      'utf-16be',
    ],
  ])('reads %s, accents and leading zeros intact', (_name, bytes, encoding) => {
    const table = parseCsv(bytes);
    expect(table.encoding).toBe(encoding);
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual(ROWS);
  });

  it('decodes 0x80–0x9F as Windows-1252 (’, œ, €), not as Latin-1 controls', () => {
    const text = 'Nom;Note\nD’ŒUF;« 5 € » – œuvre…\n';
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.some((b) => b >= 0x80 && b < 0xa0)).toBe(true);
    expect(parseCsv(bytes).rows).toEqual([
      ['Nom', 'Note'],
      ['D’ŒUF', '« 5 € » – œuvre…'],
    ]);
  });

  it('keeps a byte Windows-1252 leaves undefined rather than losing it', () => {
    const table = parseCsv(Uint8Array.from([0x4e, 0x81, 0x3b, 0xe9, 0x0a]));
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows).toEqual([['N\u0081', 'é']]);
  });
});

describe('parseCsv: separators and quotes', () => {
  it('finds the separator of the first line: comma, tab', () => {
    expect(parseCsv(utf8('Nom,Prénom\nA,B\n'))).toMatchObject({
      delimiter: ',',
      rows: [
        ['Nom', 'Prénom'],
        ['A', 'B'],
      ],
    });
    expect(parseCsv(utf8('Nom\tPrénom\nA\tB\n')).delimiter).toBe('\t');
  });

  it('keeps line breaks, separators and doubled quotes inside quoted fields', () => {
    expect(parseCsv(utf8('Nom;Adresse\n"D""A";"1 rue X\r\n75000 Paris"\n')).rows).toEqual([
      ['Nom', 'Adresse'],
      ['D"A', '1 rue X\r\n75000 Paris'],
    ]);
  });

  it('reads an empty file as no record (the caller says it is empty)', () => {
    expect(parseCsv(new Uint8Array()).rows).toEqual([]);
    expect(parseCsv(utf8('\uFEFF')).rows).toEqual([]);
  });
});

describe('parseCsv: files picked by mistake', () => {
  it('says an .xlsx (a ZIP) is a workbook to save as CSV', () => {
    const xlsx = Uint8Array.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x06,
      0x00,
      ...utf8('[Content_Types].xml'),
    ]);
    expect(refusal(xlsx)).toMatch(
      /^c'est un classeur Excel ou LibreOffice .* enregistrez-le en CSV/,
    );
  });

  it('says a PDF is a PDF, and random bytes are not text', () => {
    expect(refusal(utf8('%PDF-1.7\n'))).toMatch(/c'est un document PDF/);
    expect(refusal(Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 32))).toMatch(
      /ce n'est pas un fichier texte/,
    );
  });

  it('names the line of a quote never closed', () => {
    expect(refusal(utf8('Nom;Prénom\nA;"B\nC;D\n'))).toMatch(
      /ligne 2\)\u00a0: un guillemet ouvert/,
    );
  });
});
