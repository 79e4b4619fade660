// The letters Doc as Docs API requests (issue 13): what one `documents.batchUpdate` carries to
// append pages to a Doc, with every index computed here from the guides' rules
// ("Structure of a Google Docs document", "Work with tables"; see docs/LETTERS.md):
// - indexes count UTF-16 code units; a body starts with a section break [0, 1), and a new Doc's
//   body is that break and one empty paragraph [1, 2); every paragraph ends with "\n";
// - insertTable at index i adds a newline at i first: the table starts at i + 1, and the
//   paragraph the table was inserted into follows it;
// - an empty R × C table is 2 + R × (1 + 2C) long: the table's start, each row's start, each
//   cell's start and its empty paragraph, and the table's end;
// - insertPageBreak adds a page break followed by a newline (two units);
// - requests apply in order, each seeing what the previous ones made.
// The @types declarations of docs_v1 predate the table style requests, so the shapes below follow
// the REST reference (Request, UpdateTableCellStyleRequest, TableRowStyle…).
import type { Account, Layout } from '../types';
import {
  docLetters,
  docPageSetup,
  hundredths,
  type DocPageSetup,
  type DocParagraph,
  type DocParagraphStyle,
} from './doc';
import type { LetterDocument } from './model';

export interface Dimension {
  magnitude: number;
  unit: 'PT';
}
export interface DocsRange {
  startIndex: number;
  endIndex: number;
}
export interface DocsLocation {
  index: number;
}
export interface DocsBorder {
  color: { color: { rgbColor: { red: number; green: number; blue: number } } };
  width: Dimension;
  dashStyle: 'SOLID' | 'DASH';
}
export interface DocsParagraphStyle {
  spaceAbove?: Dimension;
  spaceBelow?: Dimension;
  lineSpacing?: number;
  indentFirstLine?: Dimension;
  indentStart?: Dimension;
}
export interface DocsTextStyle {
  weightedFontFamily?: { fontFamily: string };
  fontSize?: Dimension;
  bold?: boolean;
}
export interface DocsTableCellStyle {
  borderTop?: DocsBorder;
  borderRight?: DocsBorder;
  borderBottom?: DocsBorder;
  borderLeft?: DocsBorder;
  paddingTop?: Dimension;
  paddingRight?: Dimension;
  paddingBottom?: Dimension;
  paddingLeft?: Dimension;
}

/** One entry of `batchUpdate`'s `requests`: exactly one of these keys. */
export interface DocsRequest {
  updateDocumentStyle?: {
    documentStyle: {
      pageSize: { width: Dimension; height: Dimension };
      marginTop: Dimension;
      marginRight: Dimension;
      marginBottom: Dimension;
      marginLeft: Dimension;
    };
    fields: string;
  };
  insertText?: { location: DocsLocation; text: string };
  insertTable?: { location: DocsLocation; rows: number; columns: number };
  insertPageBreak?: { location: DocsLocation };
  updateParagraphStyle?: { range: DocsRange; paragraphStyle: DocsParagraphStyle; fields: string };
  updateTextStyle?: { range: DocsRange; textStyle: DocsTextStyle; fields: string };
  updateTableCellStyle?: {
    tableRange: {
      tableCellLocation: {
        tableStartLocation: DocsLocation;
        rowIndex: number;
        columnIndex: number;
      };
      rowSpan: number;
      columnSpan: number;
    };
    tableCellStyle: DocsTableCellStyle;
    fields: string;
  };
  updateTableColumnProperties?: {
    tableStartLocation: DocsLocation;
    columnIndices: number[];
    tableColumnProperties: { widthType: 'FIXED_WIDTH'; width: Dimension };
    fields: string;
  };
  updateTableRowStyle?: {
    tableStartLocation: DocsLocation;
    rowIndices: number[];
    tableRowStyle: { minRowHeight: Dimension; preventOverflow: boolean };
    fields: string;
  };
}

/**
 * Where the next page goes: the body's end index (its last paragraph, empty or the previous
 * letter's last, ends there) and the pages the Doc holds already.
 */
export interface DocCursor {
  end: number;
  pages: number;
}

/** A new Doc: the section break [0, 1) and one empty paragraph [1, 2). */
export const NEW_DOC: DocCursor = { end: 2, pages: 0 };

/**
 * The most requests one batchUpdate carries. Google documents no limit; a batch of a few
 * hundred requests is what developers report working (an estimate, not a published figure).
 */
export const MAX_REQUESTS_PER_BATCH = 500;

const pt = (magnitude: number): Dimension => ({ magnitude, unit: 'PT' });

/** What Docs would strip from inserted text (C0 controls, the BMP private use area): a space. */
export function docsText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\ue000-\uf8ff]/g, ' ');
}

function rgb(hex: string) {
  const n = parseInt(hex.slice(1), 16);
  const channel = (shift: number) => hundredths(((n >> shift) & 0xff) / 255);
  return { red: channel(16), green: channel(8), blue: channel(0) };
}

/** The page size and margins: the first request of a new Doc. */
function documentStyleRequest(setup: DocPageSetup): DocsRequest {
  const { margins } = setup;
  return {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(setup.width), height: pt(setup.height) },
        marginTop: pt(margins.top),
        marginRight: pt(margins.right),
        marginBottom: pt(margins.bottom),
        marginLeft: pt(margins.left),
      },
      fields: 'pageSize,marginTop,marginRight,marginBottom,marginLeft',
    },
  };
}

const PARAGRAPH_FIELDS = 'spaceAbove,spaceBelow,lineSpacing,indentFirstLine,indentStart';
const TEXT_FIELDS = 'weightedFontFamily,fontSize,bold';

function paragraphStyle(style: DocParagraphStyle): DocsParagraphStyle {
  return {
    spaceAbove: pt(style.spacingBefore),
    spaceBelow: pt(style.spacingAfter),
    lineSpacing: hundredths(style.lineSpacing * 100),
    indentFirstLine: pt(style.indentFirstLine),
    indentStart: pt(style.indentStart),
  };
}

/**
 * A paragraph's style, its text style and its bold runs. The text style covers the newline too
 * (its size counts in the line's height), except the body's last newline, which no range may
 * include ("must be less than the end index of the referenced segment").
 */
function styleRequests(p: DocParagraph, start: number, lastOfBody: boolean): DocsRequest[] {
  const range = { startIndex: start, endIndex: start + p.text.length + (lastOfBody ? 0 : 1) };
  const requests: DocsRequest[] = [
    {
      updateParagraphStyle: {
        range,
        paragraphStyle: paragraphStyle(p.style),
        fields: PARAGRAPH_FIELDS,
      },
    },
    {
      updateTextStyle: {
        range,
        textStyle: {
          weightedFontFamily: { fontFamily: p.style.fontFamily },
          fontSize: pt(p.style.fontSize),
          bold: p.style.bold,
        },
        fields: TEXT_FIELDS,
      },
    },
  ];
  for (const [from, to] of p.bold) {
    requests.push({
      updateTextStyle: {
        range: { startIndex: start + from, endIndex: start + to + 1 },
        textStyle: { bold: true },
        fields: 'bold',
      },
    });
  }
  return requests;
}

/** The paragraphs of a slot written as one text: a "\n" between them, the last one's is there. */
function slotText(paragraphs: readonly DocParagraph[]): string {
  return paragraphs.map((p) => p.text).join('\n');
}

/** Styles for the slot's paragraphs, which start at `start`; the last may end the body. */
function slotStyles(
  paragraphs: readonly DocParagraph[],
  start: number,
  endsBody: boolean,
): DocsRequest[] {
  const requests: DocsRequest[] = [];
  let at = start;
  paragraphs.forEach((p, i) => {
    requests.push(...styleRequests(p, at, endsBody && i === paragraphs.length - 1));
    at += p.text.length + 1;
  });
  return requests;
}

/** An empty paragraph (before a table, or holding a break) shrunk to 1 pt. */
function tiny(startIndex: number, endIndex: number): DocsRequest[] {
  const range = { startIndex, endIndex };
  return [
    {
      updateParagraphStyle: {
        range,
        paragraphStyle: { spaceAbove: pt(0), spaceBelow: pt(0), lineSpacing: 100 },
        fields: 'spaceAbove,spaceBelow,lineSpacing',
      },
    },
    { updateTextStyle: { range, textStyle: { fontSize: pt(1) }, fields: 'fontSize' } },
  ];
}

/** Sanitised paragraphs: what Docs would strip becomes a space, so lengths stay ours. */
function clean(slot: readonly DocParagraph[]): DocParagraph[] {
  return slot.map((p) => ({ ...p, text: docsText(p.text) }));
}

/**
 * Layout 1: one letter appended. The previous letter's last paragraph gets the page break (at
 * its end, before its newline), which leaves an empty paragraph on the new page; the letter's
 * text goes into it.
 */
export function letterRequests(
  letter: readonly DocParagraph[],
  cursor: DocCursor,
): { requests: DocsRequest[]; cursor: DocCursor } {
  const paragraphs = clean(letter);
  const requests: DocsRequest[] = [];
  let end = cursor.end;
  if (cursor.pages > 0) {
    requests.push({ insertPageBreak: { location: { index: end - 1 } } });
    end += 2;
  }
  const start = end - 1;
  const text = slotText(paragraphs);
  if (text.length > 0) requests.push({ insertText: { location: { index: start }, text } });
  requests.push(...slotStyles(paragraphs, start, true));
  return { requests, cursor: { end: end + text.length, pages: cursor.pages + 1 } };
}

/** Index of cell (row, column)'s paragraph in an empty table starting at `table`. */
export function emptyCellParagraph(
  table: number,
  columns: number,
  row: number,
  column: number,
): number {
  return table + 1 + row * (1 + 2 * columns) + 1 + 2 * column + 1;
}

/** Length of an empty rows × columns table. */
export function emptyTableLength(rows: number, columns: number): number {
  return 2 + rows * (1 + 2 * columns);
}

function border(cut: boolean, color: string, width: number): DocsBorder {
  return {
    color: { color: { rgbColor: rgb(color) } },
    width: pt(cut ? width : 0),
    dashStyle: cut ? 'DASH' : 'SOLID',
  };
}

/**
 * Layouts 2 and 8: one page as one table. After the first page, a page break goes into the
 * body's last (empty) paragraph; the table is inserted into the empty paragraph that follows,
 * cells are filled from the last to the first (so the indexes of those before do not move),
 * then styled at their final indexes.
 */
export function tablePageRequests(
  slots: readonly (readonly DocParagraph[])[],
  setup: DocPageSetup,
  cursor: DocCursor,
): { requests: DocsRequest[]; cursor: DocCursor } {
  const grid = setup.table;
  if (!grid) throw new Error('tablePageRequests needs a layout with a table');
  const requests: DocsRequest[] = [];
  let end = cursor.end;
  if (cursor.pages > 0) {
    requests.push({ insertPageBreak: { location: { index: end - 1 } } });
    requests.push(...tiny(end - 1, end + 1));
    end += 2;
  }
  const at = end - 1;
  const table = at + 1;
  requests.push({
    insertTable: { location: { index: at }, rows: grid.rows, columns: grid.columns },
  });
  const cells = Array.from({ length: grid.rows * grid.columns }, (_, i) => clean(slots[i] ?? []));
  const texts = cells.map(slotText);
  for (let i = cells.length - 1; i >= 0; i--) {
    if (texts[i]!.length === 0) continue;
    const index = emptyCellParagraph(
      table,
      grid.columns,
      Math.floor(i / grid.columns),
      i % grid.columns,
    );
    requests.push({ insertText: { location: { index }, text: texts[i]! } });
  }
  let shift = 0;
  cells.forEach((paragraphs, i) => {
    const row = Math.floor(i / grid.columns);
    const start = emptyCellParagraph(table, grid.columns, row, i % grid.columns) + shift;
    requests.push(...slotStyles(paragraphs, start, false));
    shift += texts[i]!.length;
  });
  const tableEnd = table + emptyTableLength(grid.rows, grid.columns) + shift;
  // The paragraph after the table ends the body: no range may reach it until the next page's
  // break goes into it (styled then); the last one keeps the Doc's default style.
  requests.push(...tiny(at, at + 1));
  const location = { index: table };
  grid.cells.forEach((cell, column) => {
    requests.push({
      updateTableColumnProperties: {
        tableStartLocation: location,
        columnIndices: [column],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(cell.width) },
        fields: 'widthType,width',
      },
    });
    const { padding, cut } = cell;
    const { color, width } = grid.border;
    requests.push({
      updateTableCellStyle: {
        tableRange: {
          tableCellLocation: { tableStartLocation: location, rowIndex: 0, columnIndex: column },
          rowSpan: grid.rows,
          columnSpan: 1,
        },
        tableCellStyle: {
          borderTop: border(cut.top, color, width),
          borderRight: border(cut.right, color, width),
          borderBottom: border(cut.bottom, color, width),
          borderLeft: border(cut.left, color, width),
          paddingTop: pt(padding.top),
          paddingRight: pt(padding.right),
          paddingBottom: pt(padding.bottom),
          paddingLeft: pt(padding.left),
        },
        fields:
          'borderTop,borderRight,borderBottom,borderLeft,paddingTop,paddingRight,paddingBottom,paddingLeft',
      },
    });
  });
  requests.push({
    updateTableRowStyle: {
      tableStartLocation: location,
      rowIndices: Array.from({ length: grid.rows }, (_, r) => r),
      tableRowStyle: { minRowHeight: pt(grid.rowHeight), preventOverflow: true },
      fields: 'minRowHeight,preventOverflow',
    },
  });
  return { requests, cursor: { end: tableEnd + 1, pages: cursor.pages + 1 } };
}

/** One page's requests, for either kind of layout. */
function pageRequests(
  slots: readonly (readonly DocParagraph[])[],
  setup: DocPageSetup,
  cursor: DocCursor,
): { requests: DocsRequest[]; cursor: DocCursor } {
  return setup.table === null
    ? letterRequests(slots[0] ?? [], cursor)
    : tablePageRequests(slots, setup, cursor);
}

/**
 * The next batchUpdate of a part: its `accounts` from `from`, a page (`layout` letters) at a
 * time (`build` is buildLetters with the settings bound) while the requests stay within `max`,
 * at least one page.
 */
export function nextDocsBatch(
  accounts: readonly Account[],
  from: number,
  layout: Layout,
  cursor: DocCursor,
  build: (accounts: readonly Account[]) => LetterDocument,
  max = MAX_REQUESTS_PER_BATCH,
): { requests: DocsRequest[]; to: number; cursor: DocCursor } {
  const requests: DocsRequest[] = [];
  let at = cursor;
  let to = from;
  while (to < accounts.length) {
    const letters = build(accounts.slice(to, to + layout));
    const setup = docPageSetup(letters.geometry);
    const head = at.pages === 0 ? [documentStyleRequest(setup)] : [];
    const page = pageRequests(docLetters(letters)[0]!, setup, at);
    const size = head.length + page.requests.length;
    if (to > from && requests.length + size > max) break;
    requests.push(...head, ...page.requests);
    at = page.cursor;
    to = Math.min(accounts.length, to + layout);
  }
  return { requests, to, cursor: at };
}
