// The CSV reader against csv-parse, the independent reader (issue 15): any text either reads to
// the same records and accounts as csv-parse reads them, or gets a French error naming a line
// (the whole file, or the rows kept out); no input throws anything else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { AccountLoader, loadAccounts, type LoadResult } from '../../src/core';
import {
  CsvReadError,
  detectDelimiter,
  forEachCsvRecord,
  type Delimiter,
  type RecordShape,
} from '../../src/core/csv-reader';

interface Read {
  records: string[][];
  shapes: RecordShape[];
}

function ours(text: string, delimiter: Delimiter): Read | CsvReadError {
  const records: string[][] = [];
  const shapes: RecordShape[] = [];
  try {
    forEachCsvRecord(text, delimiter, (record, shape) => {
      records.push(record.slice());
      shapes.push({ ...shape });
    });
  } catch (error) {
    if (error instanceof CsvReadError) return error;
    throw error;
  }
  return { records, shapes };
}

function theirs(text: string, delimiter: Delimiter): string[][] | null {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch {
    return null;
  }
}

const NAMES_A_LINE = /ligne \d+/;

/** The records agree, or ours names what it could not read: the file, or the record's line. */
function checkRecords(text: string, delimiter: Delimiter): void {
  const read = ours(text, delimiter);
  const reference = theirs(text, delimiter);
  if (read instanceof CsvReadError) {
    expect(read.message).toMatch(NAMES_A_LINE);
    expect(reference, 'csv-parse read what we refused').toBeNull();
    return;
  }
  const flagged = read.shapes.filter((s) => s.strayQuote >= 0);
  if (flagged.length === 0) expect(read.records).toEqual(reference);
  const lines = text.split(/\r\n|\n|\r/).length;
  for (const shape of read.shapes) {
    expect(shape.line).toBeGreaterThanOrEqual(1);
    expect(shape.lastLine).toBeGreaterThanOrEqual(shape.line);
    expect(shape.lastLine).toBeLessThanOrEqual(lines);
  }
}

const pieces = ['a', 'é', ' ', ';', ',', '\t', '"', '""', '\n', '\r', '\r\n', 'x"y', '"z"'];
const anyText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

describe('the CSV reader against csv-parse', () => {
  it('reads any text as csv-parse does, or flags the record, or names the line', () => {
    fc.assert(fc.property(anyText, fc.constantFrom<Delimiter>(';', ',', '\t'), checkRecords), {
      numRuns: 3000,
    });
  });

  it('reads any string of code points without throwing anything but a CsvReadError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) =>
        checkRecords(text, detectDelimiter(text)),
      ),
      { numRuns: 1000 },
    );
  });

  it('counts the lines of records holding quoted line breaks', () => {
    const read = ours('a;b\n"x\ny\r\nz";c\r\nd;"e"f\n', ';') as Read;
    expect(read.shapes.map((s) => [s.line, s.lastLine, s.strayQuote])).toEqual([
      [1, 1, -1],
      [2, 4, -1],
      [5, 5, 1],
    ]);
  });
});

// Export-like files, then broken the ways a hand edit breaks them.
const HEADER = "Nom;Prénom;Identifiant;Code d'activation;Profil;Classes;Enfants";
const CODES = ['b6yhsp6', 'k8ancxa'];
const COLUMNS = [
  ['DUPONT', 'Léa', '', 'O"Brien', 'de la Tour'],
  ['Léa', 'Jean', ''],
  ['jean.d', 'lea.m', ''],
  [...CODES, ''],
  ['Élève', 'Parent', ''],
  ['6EME 1', '6EME 1, 5EME 2', ''],
  ['Léa DUPONT', ''],
];
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const row = fc
  .tuple(fc.tuple(...COLUMNS.map((values) => fc.constantFrom(...values))), fc.boolean())
  .map(([cells, quote]) => (quote ? cells.map(quoted) : cells).join(';'));
const edit = fc.record({
  at: fc.nat(),
  insert: fc.constantFrom('', '"', ';', '\n', '"\n', '";"'),
  remove: fc.nat({ max: 2 }),
});
const brokenExport = fc
  .tuple(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(edit, { maxLength: 3 }))
  .map(([rows, edits]) => {
    let text = [HEADER, ...rows].join('\r\n') + '\r\n';
    for (const { at, insert, remove } of edits) {
      const i = HEADER.length + 2 + (at % Math.max(1, text.length - HEADER.length - 2));
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return { text, edits: edits.length };
  });

function loadWithOurs(text: string): LoadResult | CsvReadError {
  const loader = new AccountLoader();
  try {
    forEachCsvRecord(text, ';', (record, shape) => loader.add(record, shape));
  } catch (error) {
    if (error instanceof CsvReadError) return error;
    throw error;
  }
  return loader.finish();
}

describe('accounts from a broken export', () => {
  it('are those csv-parse gives, less the rows kept out, each named by a warning', () => {
    fc.assert(
      fc.property(brokenExport, ({ text, edits }) => {
        const result = loadWithOurs(text);
        const reference = theirs(text, ';');
        if (result instanceof CsvReadError) {
          expect(result.message).toMatch(NAMES_A_LINE);
          return;
        }
        if (!result.ok) throw new Error(result.error.message);
        for (const row of result.rejectedRows.slice(0, 10)) {
          // « Ligne 5 : … » (U+00A0) or « Ligne 5 (lignes 5 à 6 du fichier) : … ».
          const named = (w: string) =>
            w.startsWith(`Ligne ${row}\u00a0`) || w.startsWith(`Ligne ${row} `);
          expect(result.warnings.some(named)).toBe(true);
        }
        if (reference === null) {
          // csv-parse refused a misplaced quote that ours read: that row is kept out.
          expect(result.rejectedRows.length).toBeGreaterThan(0);
          return;
        }
        const kept = reference.map((r, i) => (result.rejectedRows.includes(i + 1) ? [''] : r));
        const expected = loadAccounts(kept);
        expect(expected.ok && expected.accounts).toEqual(result.accounts);
        // One slip (a quote, a separator, a line break added or removed) never leaves a code
        // in the login column: the row's shape gives it away. Two slips can move a separator
        // (one removed, one added), which no reader can tell from data.
        if (edits <= 1) {
          for (const account of result.accounts) expect(CODES).not.toContain(account.login);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
