import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { CsvReadError, detectDelimiter } from '../../src/core/csv-reader';
import { parseCsv, readCsvFile } from '../../src/local/csv';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV export', () => {
  it('reads the ENT console export: UTF-8 BOM, ";", every field quoted, CRLF', () => {
    const table = readCsvFile(join(import.meta.dirname, '../fixtures/college-export.csv'));
    expect(table.encoding).toBe('utf-8');
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]![0]).toBe('Id');
    expect(table.rows[0]![4]).toBe('Prénom');
    expect(table.rows[0]).toHaveLength(16);
  });

  it('reads a file re-saved in Windows-1252 with "," and LF', () => {
    const table = parseCsv(iconv.encode('Nom,Prénom,Login\nÇELIK,Zoë,zoe.celik\n', 'windows-1252'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([
      ['Nom', 'Prénom', 'Login'],
      ['ÇELIK', 'Zoë', 'zoe.celik'],
    ]);
  });

  it('reads tab-separated values', () => {
    expect(parseCsv(bytes('Nom\tPrénom\r\nA\tB\r\n')).rows).toEqual([
      ['Nom', 'Prénom'],
      ['A', 'B'],
    ]);
  });

  it('keeps separators, quotes and line breaks inside quoted fields', () => {
    const table = parseCsv(bytes('Nom;Classes\n"D""ALMEIDA";"6EME 1, 6EME 2; x"\n"A\nB";c\n'));
    expect(table.rows[1]).toEqual(['D"ALMEIDA', '6EME 1, 6EME 2; x']);
    expect(table.rows[2]).toEqual(['A\nB', 'c']);
  });

  it('keeps blank and short rows, so row numbers match the source', () => {
    const table = parseCsv(bytes('Nom;Prénom;Login\n\nA;B\n'));
    expect(table.rows).toEqual([['Nom', 'Prénom', 'Login'], [''], ['A', 'B']]);
  });

  it('detects the separator from the first non-empty line, outside quotes', () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
    expect(detectDelimiter('\n\na,b;c,d\n')).toBe(',');
  });

  it('names the file and the reason when it cannot be read', () => {
    expect(() => readCsvFile('/nonexistent/comptes.csv')).toThrow(CsvReadError);
    expect(() => readCsvFile('/nonexistent/comptes.csv')).toThrow(/comptes\.csv.*introuvable/);
  });
});

describe('splitting CSV text', () => {
  it('agrees with csv-parse on quotes, separators, line breaks and ragged rows', async () => {
    const { parse } = await import('csv-parse/sync');
    const samples = [
      'a;b;c\r\n1;2;3\r\n',
      '"a;b";"c""d";"e\r\nf"\n;;\nx',
      'Nom;Prénom\n\n\nA;B\nC\n',
      'a;"";b\n"";\n',
      'ab"c;d\n',
      'x;y;\n',
    ];
    for (const text of samples) {
      const expected = parse(text, {
        delimiter: ';',
        relax_column_count: true,
        relax_quotes: true,
      });
      expect(parseCsv(bytes(text)).rows, JSON.stringify(text)).toEqual(expected);
    }
  });

  it('keeps text after a closing quote rather than losing it', () => {
    expect(parseCsv(bytes('"6EME" 3;b\n')).rows).toEqual([['6EME 3', 'b']]);
  });

  it('names the line of a quote never closed', () => {
    expect(() => parseCsv(bytes('Nom;Prénom\nA;B\n"C;D\nE;F\n'))).toThrow(
      /ligne 3\)\u00a0: un guillemet ouvert n'est jamais fermé/,
    );
  });
});

describe('telling a text export from other files (issue 15)', () => {
  it('reads a stray control character or NUL in a name, refuses a file full of them', () => {
    const text = 'Nom;Prénom;Identifiant;Profil\nA\u001b[31m;B\u0000;c;Élève\n';
    expect(parseCsv(bytes(text)).rows[1]).toEqual(['A\u001b[31m', 'B\u0000', 'c', 'Élève']);
    expect(() => parseCsv(bytes(`Nom;${'\u0001\u0002'.repeat(50)}\n`))).toThrow(
      /ce n'est pas un fichier texte/,
    );
  });
});
