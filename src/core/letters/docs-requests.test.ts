import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/helpers/accounts';
import { buildLetters } from './build';
import { docLetters, docPageSetup, type DocParagraph } from './doc';
import {
  MAX_REQUESTS_PER_BATCH,
  NEW_DOC,
  nextDocsBatch,
  docsText,
  emptyCellParagraph,
  emptyTableLength,
  letterRequests,
  tablePageRequests,
  type DocsRequest,
} from './docs-requests';
import type { Account, Layout } from '../types';

const SETTINGS = {
  entName: 'ENT',
  entUrl: 'https://ent.exemple.fr',
  schoolName: 'Collège',
  contact: 'Bureau',
};

/**
 * The body as a list of index units, following the guides: '§' the section break, text and
 * "\n" per paragraph; a table is '▤', per row '▸', per cell '▫' and its paragraph, and '◂' its
 * end. Only what the requests under test do is modelled.
 */
function apply(requests: DocsRequest[], body = ['§', '\n']): string[] {
  const units = [...body];
  for (const r of requests) {
    if (r.insertText) {
      const { index } = r.insertText.location;
      expect(units[index], `text at ${index} inside a paragraph`).not.toMatch(/^[§▤▸▫◂]$/);
      units.splice(index, 0, ...r.insertText.text);
    } else if (r.insertPageBreak) {
      units.splice(r.insertPageBreak.location.index, 0, '\f', '\n');
    } else if (r.insertTable) {
      const { rows, columns, location } = r.insertTable;
      const table = ['▤'];
      for (let row = 0; row < rows; row++) {
        table.push('▸');
        for (let c = 0; c < columns; c++) table.push('▫', '\n');
      }
      table.push('◂');
      units.splice(location.index, 0, '\n', ...table);
    } else {
      // A style's range never reaches the body's last newline, as the API requires.
      const range = (r.updateParagraphStyle ?? r.updateTextStyle)?.range;
      if (range) expect(range.endIndex, 'range within the body').toBeLessThan(units.length);
    }
  }
  return units;
}

/**
 * Paragraph [start, end) in the units: text and its newline, no structure inside (the body's
 * last paragraph without its newline, which no range may cover).
 */
function paragraphAt(units: string[], start: number, end: number): string {
  const text = units.slice(start, end === units.length - 1 ? end + 1 : end).join('');
  expect(text.endsWith('\n'), `[${start}, ${end}) ends with a newline`).toBe(true);
  expect(text.slice(0, -1)).not.toMatch(/[\n§▤▸▫◂]/);
  expect(['\n', '§', '▫', '\f'], `[${start}, ${end}) starts a paragraph`).toContain(
    units[start - 1] === '\f' ? '\f' : units[start - 1],
  );
  return text.slice(0, -1);
}

function cards(n: number, layout: Layout) {
  const accounts = Array.from({ length: n }, (_, i) =>
    makeAccount({ login: `login.${i}`, lastName: `NOM${i}` }),
  );
  const letters = buildLetters(accounts, SETTINGS, layout);
  return { pages: docLetters(letters), setup: docPageSetup(letters.geometry) };
}

describe('Docs API requests of the letters', () => {
  it('an empty 2 × 2 table at S: the offsets of the "Work with tables" guide', () => {
    // The guide's table: rows at S+1 and S+6, cells at S+2, S+4, S+7, S+9, their paragraphs
    // one further, the table ending at S+12.
    const S = 100;
    expect(emptyTableLength(2, 2)).toBe(12);
    expect(emptyCellParagraph(S, 2, 0, 0)).toBe(S + 3);
    expect(emptyCellParagraph(S, 2, 0, 1)).toBe(S + 5);
    expect(emptyCellParagraph(S, 2, 1, 0)).toBe(S + 8);
    expect(emptyCellParagraph(S, 2, 1, 1)).toBe(S + 10);
    // The model used below agrees: a 2 × 2 table inserted at 1 in a new Doc starts at 2.
    const units = apply([{ insertTable: { location: { index: 1 }, rows: 2, columns: 2 } }]);
    expect(units.join('')).toBe('§\n▤▸▫\n▫\n▸▫\n▫\n◂\n');
    expect(units[2]).toBe('▤');
    expect(units.length).toBe(2 + 12 + 1);
  });

  it('layout 8, new Doc: the table at 2, cells filled from the last, styles at final indexes', () => {
    const { pages, setup } = cards(8, 8);
    const { requests, cursor } = tablePageRequests(pages[0]!, setup, NEW_DOC);
    expect(requests[0]).toEqual({ insertTable: { location: { index: 1 }, rows: 4, columns: 2 } });
    const inserts = requests.filter((r) => r.insertText).map((r) => r.insertText!.location.index);
    // Last cell first: its empty paragraph is at 2 + 3 + 3 × 5 + 2 = 22.
    expect(inserts).toEqual([22, 20, 17, 15, 12, 10, 7, 5]);
    const units = apply(requests);
    expect(cursor.end).toBe(units.length);
    expect(units.at(-1)).toBe('\n');
    expect(units.at(-2)).toBe('◂');
    // Every paragraph style covers one paragraph holding what the model wrote, in order.
    const written = requests
      .filter((r) => r.updateParagraphStyle && r.updateParagraphStyle.paragraphStyle.indentStart)
      .map((r) =>
        paragraphAt(
          units,
          r.updateParagraphStyle!.range.startIndex,
          r.updateParagraphStyle!.range.endIndex,
        ),
      );
    expect(written).toEqual(pages[0]!.flat().map((p: DocParagraph) => p.text));
    // The logins sit in the cells in order.
    const cellTexts = units.join('').split('▫').slice(1);
    cellTexts.forEach((cell, i) => expect(cell).toContain(`\nlogin.${i}\n`));
  });

  it('layout 8, second page: a break into the last paragraph, the table after it', () => {
    const { pages, setup } = cards(12, 8);
    const first = tablePageRequests(pages[0]!, setup, NEW_DOC);
    const second = tablePageRequests(pages[1]!, setup, first.cursor);
    const end = first.cursor.end;
    expect(second.requests[0]).toEqual({ insertPageBreak: { location: { index: end - 1 } } });
    const table = second.requests.find((r) => r.insertTable)!.insertTable!;
    expect(table.location.index).toBe(end + 1);
    const units = apply([...first.requests, ...second.requests]);
    expect(units.slice(end - 1, end + 3)).toEqual(['\f', '\n', '\n', '▤']);
    expect(second.cursor).toEqual({ end: units.length, pages: 2 });
    // Four cards on the last page, four empty cells.
    const lastTable = units.slice(end + 2).join('');
    expect(lastTable.match(/▫\n/g)).toHaveLength(4);
    // The row style: exact height, never split.
    const row = second.requests.find((r) => r.updateTableRowStyle)!.updateTableRowStyle!;
    expect(row).toMatchObject({
      tableStartLocation: { index: end + 2 },
      rowIndices: [0, 1, 2, 3],
      tableRowStyle: { minRowHeight: { magnitude: setup.table!.rowHeight }, preventOverflow: true },
    });
  });

  it('dashed borders along the cut lines: every edge for cards, the middle only for halves', () => {
    const style = (layout: Layout) => {
      const { pages, setup } = cards(layout, layout);
      return tablePageRequests(pages[0]!, setup, NEW_DOC)
        .requests.filter((r) => r.updateTableCellStyle)
        .map((r) => {
          const s = r.updateTableCellStyle!.tableCellStyle;
          const dash = (b: typeof s.borderTop) => (b!.width.magnitude > 0 ? b!.dashStyle : 'none');
          return [dash(s.borderTop), dash(s.borderRight), dash(s.borderBottom), dash(s.borderLeft)];
        });
    };
    expect(style(8)).toEqual([
      ['DASH', 'DASH', 'DASH', 'DASH'],
      ['DASH', 'DASH', 'DASH', 'DASH'],
    ]);
    expect(style(2)).toEqual([
      ['none', 'DASH', 'none', 'none'],
      ['none', 'none', 'none', 'DASH'],
    ]);
  });

  it('layout 1: the first letter into the new Doc’s paragraph, a break ends the previous one', () => {
    const { pages } = cards(2, 1);
    const first = letterRequests(pages[0]![0]!, NEW_DOC);
    expect(first.requests[0]!.insertText!.location.index).toBe(1);
    const second = letterRequests(pages[1]![0]!, first.cursor);
    expect(second.requests[0]).toEqual({
      insertPageBreak: { location: { index: first.cursor.end - 1 } },
    });
    expect(second.requests[1]!.insertText!.location.index).toBe(first.cursor.end + 1);
    const units = apply([...first.requests, ...second.requests]);
    expect(second.cursor.end).toBe(units.length);
    const text = units.join('');
    // The first letter's last paragraph ends with the break; the second letter follows.
    const lastOfFirst = pages[0]![0]!.at(-1)!.text;
    expect(text).toContain(`${lastOfFirst}\f\n${pages[1]![0]![0]!.text}\n`);
    // Each letter's styles cover its paragraphs as written (before the next break lands).
    const styled = (requests: DocsRequest[], units: string[]) =>
      requests
        .filter((r) => r.updateParagraphStyle)
        .map((r) => {
          const { startIndex, endIndex } = r.updateParagraphStyle!.range;
          return paragraphAt(units, startIndex, endIndex);
        });
    expect(styled(first.requests, apply(first.requests))).toEqual(pages[0]![0]!.map((p) => p.text));
    expect(styled(second.requests, units)).toEqual(pages[1]![0]!.map((p) => p.text));
  });

  it('bold runs and text styles cover the paragraph’s own units', () => {
    const { pages } = cards(1, 1);
    const { requests } = letterRequests(pages[0]![0]!, NEW_DOC);
    const units = apply(requests);
    const bold = requests.filter((r) => r.updateTextStyle?.fields === 'bold');
    expect(bold.length).toBeGreaterThan(0);
    for (const r of bold) {
      const { startIndex, endIndex } = r.updateTextStyle!.range;
      expect(units.slice(startIndex, endIndex).join('')).not.toContain('\n');
    }
    const url = bold.map((r) =>
      units.slice(r.updateTextStyle!.range.startIndex, r.updateTextStyle!.range.endIndex).join(''),
    );
    expect(url).toContain('https://ent.exemple.fr');
  });

  it('a batch takes whole pages within the request budget; a new Doc’s starts with its page', () => {
    const accounts = Array.from({ length: 80 }, (_, i) =>
      makeAccount({ login: `login.${i}`, lastName: `NOM${i}` }),
    );
    const build = (some: readonly Account[]) => buildLetters(some, SETTINGS, 8);
    const batch = nextDocsBatch(accounts, 0, 8, NEW_DOC, build);
    expect(batch.requests[0]!.updateDocumentStyle).toMatchObject({
      documentStyle: { pageSize: { width: { magnitude: 595.28, unit: 'PT' } } },
    });
    expect(batch.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_BATCH);
    expect(batch.to % 8).toBe(0);
    expect(batch.to).toBeGreaterThan(0);
    expect(batch.to).toBeLessThan(80);
    // The same pages as written one by one.
    const { pages, setup } = cards(80, 8);
    let cursor = NEW_DOC;
    const one = pages.slice(0, batch.to / 8).flatMap((page) => {
      const next = tablePageRequests(page, setup, cursor);
      cursor = next.cursor;
      return next.requests;
    });
    expect(batch.requests.slice(1)).toEqual(one);
    expect(batch.cursor).toEqual(cursor);
    const rest = nextDocsBatch(accounts, batch.to, 8, batch.cursor, build);
    expect(rest.requests[0]!.insertPageBreak).toBeDefined();
    // One page always goes, even over the budget; the last page may be short.
    expect(nextDocsBatch(accounts, 0, 8, batch.cursor, build, 1).to).toBe(8);
    expect(nextDocsBatch(accounts, 76, 8, batch.cursor, build).to).toBe(80);
    const units = apply([...batch.requests, ...rest.requests]);
    expect(rest.cursor.end).toBe(units.length);
  });

  it('what Docs strips from inserted text becomes a space, so the indexes stay ours', () => {
    expect(docsText('A\nB\u000bC\u0001\ue000D')).toBe('A B C  D');
    const account = makeAccount({ login: 'x', lastName: 'A\nB' });
    const letters = docLetters(buildLetters([account], SETTINGS, 1));
    const { requests } = letterRequests(letters[0]![0]!, NEW_DOC);
    const text = requests.find((r) => r.insertText)!.insertText!.text;
    expect(text.split('\n')).toHaveLength(letters[0]![0]!.length);
  });
});
