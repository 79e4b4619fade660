// How the letters model becomes a Google Doc: page setup, one table per page for 2 and 8, and
// each block as one paragraph with one style. docs-requests.ts turns these values into the Docs
// API's requests.
import type { Block, LetterDocument, PageGeometry, Segment, TextStyle } from './model';

/** Families a Doc offers: Arial for the sans faces, Roboto Mono (a Google Font) for login and code. */
export const DOC_SANS = 'Arial';
export const DOC_MONO = 'Roboto Mono';
/** Docs' « single » line box is about 1.15 × the font size (Arial's ascent + descent). */
export const DOC_LINE_BOX = 1.15;
/**
 * Points taken off the top and bottom margins: room for what a Doc adds to our grid. After a
 * table a body ends with an empty paragraph that no request may style (the Docs API refuses a
 * range reaching a body's last newline): Normal text, 11 pt at 1.15, about 14.6 pt; plus the
 * 1 pt paragraphs before a table and holding a page break.
 */
export const DOC_RESERVE = 10;
/** Thin grey dashed borders along the model's cut lines (the Docs API offers dashes). */
export const DOC_BORDER = { color: '#9e9e9e', width: 0.5 } as const;

export interface DocParagraphStyle {
  fontFamily: string;
  fontSize: number;
  bold: boolean;
  /** Points. */
  spacingBefore: number;
  spacingAfter: number;
  /** A multiple of the line box (Docs' « interligne »). */
  lineSpacing: number;
  /** First line and following lines, points (a step's number hangs). */
  indentFirstLine: number;
  indentStart: number;
}

export interface DocParagraph {
  text: string;
  style: DocParagraphStyle;
  /** Character ranges [start, end] (inclusive, as Text.setBold takes them) set in bold. */
  bold: [number, number][];
}

export interface DocCellSetup {
  /** Points. */
  width: number;
  padding: { top: number; right: number; bottom: number; left: number };
  /** The cell's edges a cut line runs along (dashed); the others have no border. */
  cut: { top: boolean; right: boolean; bottom: boolean; left: boolean };
}

export interface DocPageSetup {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  /** Layouts 2 and 8: the grid of one page; null for one letter per page. */
  table: {
    rows: number;
    columns: number;
    /** Height of each row (its slot's box within the margins), points. */
    rowHeight: number;
    /** One per column. */
    cells: DocCellSetup[];
    border: typeof DOC_BORDER;
  } | null;
}

/** To the hundredth: the points and colours a Doc is given. */
export const hundredths = (value: number) => Math.round(value * 100) / 100;

/** Whether a cut line runs along `edge` (same direction, within half a point, overlapping). */
function cutAlong(lines: readonly Segment[], edge: Segment): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
  return lines.some((line) => {
    if (near(edge.x1, edge.x2)) {
      return (
        near(line.x1, line.x2) &&
        near(line.x1, edge.x1) &&
        Math.min(line.y1, line.y2) < edge.y2 &&
        Math.max(line.y1, line.y2) > edge.y1
      );
    }
    return (
      near(line.y1, line.y2) &&
      near(line.y1, edge.y1) &&
      Math.min(line.x1, line.x2) < edge.x2 &&
      Math.max(line.x1, line.x2) > edge.x1
    );
  });
}

/** Page size and margins, and for 2 and 8 the table whose cells' content boxes are the slots'. */
export function docPageSetup(geometry: PageGeometry): DocPageSetup {
  const { margins } = geometry;
  const page = {
    width: geometry.width,
    height: geometry.height,
    margins: {
      top: hundredths(margins.top - DOC_RESERVE),
      right: hundredths(margins.right),
      bottom: hundredths(margins.bottom - DOC_RESERVE),
      left: hundredths(margins.left),
    },
  };
  if (geometry.layout === 1) return { ...page, table: null };
  // Both grids have two columns: 1 × 2 halves, 4 × 2 cards.
  const columns = 2;
  const rows = geometry.slots.length / columns;
  const firstRow = geometry.slots.slice(0, columns);
  const cells = firstRow.map(({ box, content }, column) => {
    // A cell runs from the page margin (first column) or the previous cell to the next one.
    const left = column === 0 ? margins.left : box.x;
    const right = column === columns - 1 ? geometry.width - margins.right : box.x + box.width;
    const top = Math.max(box.y, margins.top);
    const bottom = Math.min(box.y + box.height, geometry.height - margins.bottom);
    const vertical = (x: number) =>
      cutAlong(geometry.cutLines, { x1: x, y1: top, x2: x, y2: bottom });
    const horizontal = (y: number) =>
      cutAlong(geometry.cutLines, { x1: left, y1: y, x2: right, y2: y });
    return {
      width: hundredths(right - left),
      padding: {
        top: hundredths(content.y - top),
        right: hundredths(right - (content.x + content.width)),
        bottom: hundredths(bottom - (content.y + content.height)),
        left: hundredths(content.x - left),
      },
      cut: {
        top: horizontal(top),
        right: vertical(right),
        bottom: horizontal(bottom),
        left: vertical(left),
      },
    };
  });
  const { box } = firstRow[0]!;
  const rowHeight = hundredths(
    Math.min(box.y + box.height, geometry.height - margins.bottom) - Math.max(box.y, margins.top),
  );
  return { ...page, table: { rows, columns, rowHeight, cells, border: DOC_BORDER } };
}

export function docParagraphStyle(style: TextStyle, first: boolean): DocParagraphStyle {
  return {
    fontFamily: style.font === 'mono-bold' ? DOC_MONO : DOC_SANS,
    fontSize: style.size,
    bold: style.font !== 'sans',
    spacingBefore: first ? 0 : style.spaceBefore,
    spacingAfter: 0,
    lineSpacing: hundredths(style.lineHeight / (style.size * DOC_LINE_BOX)),
    indentFirstLine: 0,
    indentStart: style.indent,
  };
}

/** One block as one paragraph: its runs joined, a step's number in front, bold runs as ranges. */
export function docParagraph(block: Block, style: TextStyle, first: boolean): DocParagraph {
  let text = block.number === undefined ? '' : `${block.number}.\u00a0`;
  const bold: [number, number][] = [];
  for (const run of block.runs) {
    if (run.bold && run.text.length > 0)
      bold.push([text.length, text.length + run.text.length - 1]);
    text += run.text;
  }
  const paragraph = docParagraphStyle(style, first);
  // A bold face makes every run bold already.
  return { text, style: paragraph, bold: paragraph.bold ? [] : bold };
}

/** The paragraphs of each letter, slot by slot, page by page. */
export function docLetters(letters: LetterDocument): DocParagraph[][][] {
  return letters.pages.map((page) =>
    page.slots.map((slot) =>
      slot.blocks.map((block, i) => docParagraph(block, letters.styles[block.kind], i === 0)),
    ),
  );
}
