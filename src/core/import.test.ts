// How the sidebar cuts an export into google.script.run calls, and what the server accepts.
import { describe, expect, it } from 'vitest';
import { messages } from './i18n';
import {
  asGrid,
  chunkProblem,
  chunkRows,
  gridProblem,
  IMPORT_LIMITS,
  importSheetName,
} from './import';

const t = messages('fr').importer;

describe('asGrid', () => {
  it('pads short and blank records to the widest, so record i stays row i + 1', () => {
    expect(asGrid([['Nom', 'Prénom', 'Code'], [''], ['A', 'B']])).toEqual({
      columns: 3,
      rows: [
        ['Nom', 'Prénom', 'Code'],
        ['', '', ''],
        ['A', 'B', ''],
      ],
    });
  });
});

describe('gridProblem', () => {
  it('says an empty file, or one of blank lines, is empty', () => {
    expect(gridProblem(asGrid([]).rows, 1, t)).toBe(t.empty);
    expect(gridProblem([[''], ['  ']], 1, t)).toBe(t.empty);
  });

  it('names the line and column of a cell over Sheets’ 50,000 characters', () => {
    const rows = [
      ['Nom', 'Notes'],
      ['A', 'x'.repeat(50_001)],
    ];
    expect(gridProblem(rows, 2, t)).toBe(
      'ligne 2, colonne 2\u00a0: plus de 50\u00a0000 caractères, le maximum d’une cellule Google Sheets.',
    );
  });

  it('refuses more cells than a spreadsheet holds', () => {
    const limits = { ...IMPORT_LIMITS, maxCells: 5 };
    expect(
      gridProblem(
        [
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ],
        3,
        t,
        limits,
      ),
    ).toMatch(/^6 cellules/);
  });

  it('accepts an export', () => {
    expect(gridProblem([['Nom'], ['A']], 1, t)).toBeNull();
  });
});

describe('chunkRows', () => {
  const rows = Array.from({ length: 10 }, (_, i) => [`ligne ${i}`, '0693359019']);

  it('cuts by rows and by JSON size, in order, every row once', () => {
    const byRows = chunkRows(rows, { ...IMPORT_LIMITS, chunkRows: 4 });
    expect(byRows.map((c) => [c.start, c.rows.length])).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    const rowChars = JSON.stringify(rows[0]).length + 1;
    const bySize = chunkRows(rows, { ...IMPORT_LIMITS, chunkChars: 2 + 3 * rowChars });
    expect(bySize.map((c) => c.rows.length)).toEqual([3, 3, 3, 1]);
    for (const chunk of bySize) {
      expect(JSON.stringify(chunk.rows).length).toBeLessThanOrEqual(2 + 3 * rowChars);
    }
    expect(bySize.flatMap((c) => c.rows)).toEqual(rows);
  });

  it('sends a row larger than the target alone', () => {
    const big = [['a'], ['x'.repeat(100)], ['b']];
    expect(chunkRows(big, { ...IMPORT_LIMITS, chunkChars: 50 }).map((c) => c.start)).toEqual([
      0, 1, 2,
    ]);
  });
});

describe('the words of the import', () => {
  it('counts lines with French thousands, singular and plural', () => {
    expect(t.lines(1200, 3000)).toBe('1\u00a0200 / 3\u00a0000 lignes');
    expect(t.done(1, 'Export ENT')).toMatch(
      /^1 ligne importée dans l’onglet «\u00a0Export ENT\u00a0»/,
    );
    expect(messages('en').importer.lines(1200, 3000)).toBe('1,200 / 3,000 lines');
  });
});

describe('importSheetName', () => {
  it('adds (2), (3)… when the name or its pending name is taken', () => {
    const base = 'Export ENT 2026-12-07 10-42';
    expect(importSheetName(base, ['Feuille 1'], t)).toBe(base);
    expect(importSheetName(base, [base], t)).toBe(`${base} (2)`);
    expect(importSheetName(base, [`${base} (import en cours)`, `${base} (2)`], t)).toBe(
      `${base} (3)`,
    );
  });
});

describe('chunkProblem', () => {
  const state = { name: 'Export', rows: 3, columns: 2, written: 1 };
  it('accepts the next rows in order, refuses anything else', () => {
    expect(chunkProblem({ importId: '1', start: 1, rows: [['a', 'b']] }, state, t)).toBeNull();
    expect(chunkProblem({ importId: '1', start: 0, rows: [['a', 'b']] }, state, t)).toMatch(
      /ordre/,
    );
    expect(chunkProblem({ importId: '1', start: 1, rows: [] }, state, t)).toMatch(/mal formées/);
  });
});
