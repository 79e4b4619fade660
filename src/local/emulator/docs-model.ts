// The Docs API's view of the emulated Docs (document.ts): structural indexes over the same tree
// that DocumentApp edits, and the edits the API's requests make to it. Indexes are UTF-16 code
// units, as JavaScript strings count them:
// https://developers.google.com/workspace/docs/api/concepts/structure (start and end indexes),
// https://developers.google.com/workspace/docs/api/how-tos/tables (a table's, each row's and
// each cell's own index before their content; a table's end), and the rules of
// https://developers.google.com/workspace/docs/api/concepts/rules-behavior.
import {
  EmuBody,
  EmuParagraph,
  EmuTable,
  EmuTableCell,
  EmuTableRow,
  type Child,
  type Container,
  type DocumentStore,
  type Span,
} from './document';

/** A request Google would refuse: its text, as the API words it (or our guess, docs/EMULATOR.md). */
export class DocsRequestError extends Error {}

export function invalid(message: string): never {
  throw new DocsRequestError(message);
}

/** Characters the API strips from inserted text (InsertTextRequest.text). */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

export function stripInserted(text: string): string {
  return text.replace(STRIPPED, '');
}

/** Length of an element in index units: a paragraph's text and its newline; a table's markers. */
export function lengthOf(child: Child): number {
  if (child instanceof EmuParagraph) return child.text.length + 1;
  let n = 2; // the table's own start and its end
  for (const row of child.rows) {
    n += 1;
    for (const cell of row.cells) n += 1 + contentLength(cell.children);
  }
  return n;
}

export function contentLength(children: readonly Child[]): number {
  let n = 0;
  for (const child of children) n += lengthOf(child);
  return n;
}

/** The body starts after the section break at index 0. */
export const BODY_START = 1;

/** The body's end index: its last paragraph's end. */
export function bodyEnd(body: EmuBody): number {
  return BODY_START + contentLength(body.children);
}

export type Hit =
  | {
      kind: 'paragraph';
      paragraph: EmuParagraph;
      /** Offset in the paragraph's text (its length: the newline). */
      offset: number;
      /** The paragraph's own start index. */
      start: number;
      container: Container;
      childIndex: number;
    }
  | { kind: 'table'; table: EmuTable; start: number; container: Container; childIndex: number }
  /** A row's or a cell's own index, a table's end, the section break. */
  | { kind: 'structure' };

/** What sits at `index` (0 ≤ index < end), descending into tables. */
export function locate(body: EmuBody, index: number): Hit | null {
  if (index < BODY_START) return { kind: 'structure' };
  return locateIn(body, body.children, BODY_START, index);
}

function locateIn(
  container: Container,
  children: readonly Child[],
  start: number,
  index: number,
): Hit | null {
  let s = start;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const length = lengthOf(child);
    if (index < s + length) {
      if (child instanceof EmuParagraph)
        return {
          kind: 'paragraph',
          paragraph: child,
          offset: index - s,
          start: s,
          container,
          childIndex: i,
        };
      if (index === s) return { kind: 'table', table: child, start: s, container, childIndex: i };
      let p = s + 1;
      for (const row of child.rows) {
        if (index === p) return { kind: 'structure' };
        p += 1;
        for (const cell of row.cells) {
          if (index === p) return { kind: 'structure' };
          p += 1;
          const length = contentLength(cell.children);
          if (index < p + length) return locateIn(cell, cell.children, p, index);
          p += length;
        }
      }
      return { kind: 'structure' };
    }
    s += length;
  }
  return null;
}

/** Every paragraph with its start index, in document order, table cells included. */
export function forEachParagraph(
  body: EmuBody,
  visit: (paragraph: EmuParagraph, start: number) => void,
): void {
  const walk = (children: readonly Child[], start: number) => {
    let s = start;
    for (const child of children) {
      if (child instanceof EmuParagraph) visit(child, s);
      else {
        let p = s + 1;
        for (const row of child.rows) {
          p += 1;
          for (const cell of row.cells) {
            p += 1;
            walk(cell.children, p);
            p += contentLength(cell.children);
          }
        }
      }
      s += lengthOf(child);
    }
  };
  walk(body.children, BODY_START);
}

/**
 * Inserts `text` at `offset` of a paragraph; each newline in it makes a new paragraph with the
 * same paragraph style (rules-behavior: "Inserting a newline character implicitly creates a new
 * Paragraph at that index… copied from the paragraph at the current insertion index"). Text
 * styles: the inserted text takes the style of the text just before it (same page).
 */
export function insertIntoParagraph(
  store: DocumentStore,
  paragraph: EmuParagraph,
  offset: number,
  text: string,
): void {
  const n = text.length;
  paragraph.text = paragraph.text.slice(0, offset) + text + paragraph.text.slice(offset);
  for (const span of paragraph.spans) {
    if (span.start >= offset) {
      span.start += n;
      span.end += n;
    } else if (span.end >= offset - 1) span.end += n;
  }
  if (!text.includes('\n')) return;
  const container = paragraph.parent;
  if (!container) return;
  const whole = paragraph.text;
  const spans = paragraph.spans;
  const pieces: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < whole.length; i++) {
    if (whole[i] === '\n') {
      pieces.push({ from, to: i });
      from = i + 1;
    }
  }
  pieces.push({ from, to: whole.length });
  const made = pieces.map(({ from, to }, k) => {
    const target = k === 0 ? paragraph : new EmuParagraph(store, '', container);
    if (k > 0) target.attributes = { ...paragraph.attributes };
    target.text = whole.slice(from, to);
    // A span may cover the newline that ends its piece (offset `to`).
    target.spans = spans
      .filter((span) => span.start <= to && span.end >= from)
      .map((span) => ({
        start: Math.max(span.start, from) - from,
        end: Math.min(span.end, to) - from,
        attributes: { ...span.attributes },
      }));
    return target;
  });
  const index = container.children.indexOf(paragraph);
  container.children.splice(index + 1, 0, ...made.slice(1));
}

/** An empty rows × columns table: every cell one empty paragraph. */
export function newTable(
  store: DocumentStore,
  rows: number,
  columns: number,
  parent: Container,
): EmuTable {
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => ''));
  return new EmuTable(store, grid, parent);
}

/**
 * Deletes [from, to) from a container's children (the body, or one cell), merging the
 * paragraphs whose newline goes, refusing what the DeleteContentRangeRequest reference lists as
 * invalid (a table's start or end without the whole table, the newline before a table, the
 * container's last newline).
 */
export function deleteRange(container: Container, start: number, from: number, to: number): void {
  const children = container.children;
  const end = start + contentLength(children);
  if (to >= end)
    invalid('The range cannot include the newline character at the end of the segment.');
  let s = start;
  const slots = children.map((child) => {
    const slot = { child, start: s, end: s + lengthOf(child) };
    s = slot.end;
    return slot;
  });
  // A range inside one cell of one table goes to that cell.
  for (const slot of slots) {
    if (!(slot.child instanceof EmuTable)) continue;
    const inside = from > slot.start && from < slot.end;
    const insideEnd = to > slot.start && to < slot.end;
    if (!inside && !insideEnd) continue;
    const cell = cellHolding(slot.child, slot.start, from, to);
    if (!cell) invalid('Invalid deletion range.');
    return deleteRange(cell.cell, cell.start, from, to);
  }
  const removed = new Set<Child>();
  let merge: EmuParagraph | null = null;
  for (let i = 0; i < slots.length; i++) {
    const { child, start: cs, end: ce } = slots[i]!;
    if (ce <= from || cs >= to) continue;
    if (child instanceof EmuTable) {
      removed.add(child); // wholly inside: checked above
      continue;
    }
    const a = Math.max(from, cs) - cs;
    const b = Math.min(to, ce) - cs; // may be the newline's offset + 1
    const textLength = child.text.length;
    if (b > textLength) {
      // The newline goes: the paragraph merges with what follows.
      const next = slots[i + 1]?.child;
      if (next instanceof EmuTable && !(slots[i + 1]!.end <= to))
        invalid('Invalid deletion range.');
      cutText(child, a, textLength);
      if (a === 0 && merge === null) {
        // The whole paragraph goes; its follower keeps its own style.
        removed.add(child);
        continue;
      }
      if (merge === null) merge = child;
      else removed.add(child);
      continue;
    }
    cutText(child, a, b);
    if (merge && merge !== child) {
      // The last paragraph's remaining text joins the first's (which keeps its style).
      appendParagraphText(merge, child);
      removed.add(child);
      merge = null;
    }
  }
  if (merge) {
    // The range ended on a table's end or a paragraph's newline: the next paragraph joins.
    const index = children.indexOf(merge);
    const next = children.slice(index + 1).find((c) => !removed.has(c));
    if (next instanceof EmuParagraph) {
      appendParagraphText(merge, next);
      removed.add(next);
    }
  }
  const kept = children.filter((child) => !removed.has(child));
  children.splice(0, children.length, ...kept);
  for (const child of removed) child.parent = null;
}

function cellHolding(
  table: EmuTable,
  tableStart: number,
  from: number,
  to: number,
): { cell: EmuTableCell; start: number } | null {
  let p = tableStart + 1;
  for (const row of table.rows) {
    p += 1;
    for (const cell of row.cells) {
      p += 1;
      const end = p + contentLength(cell.children);
      if (from >= p && to <= end) return { cell, start: p };
      p = end;
    }
  }
  return null;
}

function cutText(paragraph: EmuParagraph, a: number, b: number): void {
  if (b <= a) return;
  const n = b - a;
  paragraph.text = paragraph.text.slice(0, a) + paragraph.text.slice(b);
  const kept: Span[] = [];
  for (const span of paragraph.spans) {
    let { start, end } = span;
    if (end < a) {
      kept.push(span);
      continue;
    }
    if (start >= b) {
      kept.push({ ...span, start: start - n, end: end - n });
      continue;
    }
    start = start < a ? start : a;
    end = end >= b ? end - n : a - 1;
    if (end >= start) kept.push({ ...span, start, end });
  }
  paragraph.spans = kept;
}

function appendParagraphText(target: EmuParagraph, source: EmuParagraph): void {
  const shift = target.text.length;
  // The target's spans that covered its newline end with its text.
  target.spans = target.spans
    .map((span) => ({ ...span, end: Math.min(span.end, shift - 1) }))
    .filter((span) => span.end >= span.start);
  target.text += source.text;
  for (const span of source.spans)
    target.spans.push({ ...span, start: span.start + shift, end: span.end + shift });
}

/** A copy of a body's content and page, to undo a failed batch (batches are atomic). */
export function snapshot(body: EmuBody): () => void {
  const page = { ...body.page };
  const style = structuredClone(body.style);
  const children = body.children.map((child) => cloneChild(child, body));
  return () => {
    body.page = page;
    body.style = style;
    body.children = children;
  };
}

function cloneChild(child: Child, parent: Container): Child {
  if (child instanceof EmuParagraph) {
    const copy = new EmuParagraph(child.store, child.text, parent);
    copy.attributes = structuredClone(child.attributes);
    copy.spans = structuredClone(child.spans);
    return copy;
  }
  const table = new EmuTable(child.store, [[]], parent);
  table.attributes = structuredClone(child.attributes);
  table.columnWidths.length = 0;
  table.columnWidths.push(...child.columnWidths);
  table.rows.length = 0;
  for (const row of child.rows) {
    const cells = row.cells.map((cell) => {
      const copy = new EmuTableCell(cell.store, '');
      copy.attributes = structuredClone(cell.attributes);
      copy.children.length = 0;
      copy.children.push(...cell.children.map((c) => cloneChild(c, copy)));
      return copy;
    });
    const copy = new EmuTableRow(row.store, cells);
    copy.attributes = structuredClone(row.attributes);
    table.rows.push(copy);
  }
  return table;
}
