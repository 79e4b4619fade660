// Checking what Google made (issue 13): the Doc read back through `documents.get`, and the PDF's
// page count. The Doc's layout and its PDF cannot be tested here, so the add-on reads them back
// and stops with a message naming what differs rather than hand over a wrong PDF.
import { messages } from '../i18n';
import type { Language } from '../present';
import type { Layout } from '../types';

/**
 * What the read-back asks for: where each body element ends, the text of body paragraphs and
 * their page breaks, and the text of the cells' paragraphs.
 */
export const READBACK_FIELDS =
  'body.content(endIndex,paragraph.elements(textRun.content,pageBreak),' +
  'table.tableRows.tableCells.content.paragraph.elements.textRun.content)';

/** The part of a Docs `Document` that READBACK_FIELDS returns. */
export interface ReadDocument {
  body?: { content?: ReadElement[] };
}
export interface ReadElement {
  endIndex?: number;
  paragraph?: { elements?: { textRun?: { content?: string }; pageBreak?: object }[] };
  table?: { tableRows?: { tableCells?: { content?: ReadElement[] }[] }[] };
}

/** The body's end index: where its last element ends; null when the body says nothing. */
export function bodyEnd(doc: ReadDocument): number | null {
  return doc.body?.content?.at(-1)?.endIndex ?? null;
}

export type PlacementProblem =
  | { kind: 'pages'; found: number; expected: number }
  | {
      kind: 'slot';
      /** 1-based, over the part: the card or letter. */
      slot: number;
      page: number;
      expected: string | null;
      found: string | null;
    };

function paragraphText(element: ReadElement): string {
  return (element.paragraph?.elements ?? [])
    .map((e) => e.textRun?.content ?? '')
    .join('')
    .replace(/\n$/, '');
}

function hasBreak(element: ReadElement): boolean {
  return (element.paragraph?.elements ?? []).some((e) => e.pageBreak !== undefined);
}

/** The login among `texts`: the first paragraph that is exactly one of the part's logins. */
function loginIn(texts: readonly string[], logins: ReadonlySet<string>): string | null {
  return texts.find((text) => logins.has(text)) ?? null;
}

/** Each page's slots as lists of paragraph texts: tables' cells, or letters between breaks. */
function slotsOf(doc: ReadDocument, layout: Layout): string[][][] {
  const content = doc.body?.content ?? [];
  if (layout !== 1) {
    return content
      .filter((e) => e.table)
      .map((e) =>
        (e.table!.tableRows ?? []).flatMap((row) =>
          (row.tableCells ?? []).map((cell) =>
            (cell.content ?? []).filter((p) => p.paragraph).map(paragraphText),
          ),
        ),
      );
  }
  const pages: string[][][] = [];
  let letter: string[] = [];
  for (const element of content) {
    if (!element.paragraph) continue;
    letter.push(paragraphText(element).replace(/\f/g, ''));
    if (hasBreak(element)) {
      pages.push([letter]);
      letter = [];
    }
  }
  if (letter.some((text) => text !== '')) pages.push([letter]);
  return pages;
}

/**
 * Whether every login of the part sits in its slot, in order: `logins` as the part's letters
 * go, `layout` slots a page. The first difference, or null.
 */
export function checkPlacement(
  doc: ReadDocument,
  layout: Layout,
  logins: readonly string[],
): PlacementProblem | null {
  const pages = slotsOf(doc, layout);
  const expectedPages = Math.ceil(logins.length / layout);
  const known = new Set(logins);
  const count = Math.max(pages.length, expectedPages);
  for (let page = 0; page < count; page++) {
    for (let i = 0; i < layout; i++) {
      const index = page * layout + i;
      const expected = logins[index] ?? null;
      const texts = pages[page]?.[i] ?? [];
      if (expected !== null && texts.includes(expected)) continue;
      // A slot that should be empty holds nothing; another holds its login or says which it has.
      const found =
        expected === null ? (texts.find((text) => text !== '') ?? null) : loginIn(texts, known);
      if (expected === null && found === null) continue;
      if (page >= pages.length)
        return { kind: 'pages', found: pages.length, expected: expectedPages };
      return { kind: 'slot', slot: index + 1, page: page + 1, expected, found };
    }
  }
  if (pages.length !== expectedPages)
    return { kind: 'pages', found: pages.length, expected: expectedPages };
  return null;
}

/**
 * Pages of a PDF given as a binary string (one character per byte): the page tree's root
 * /Count (the largest /Count of an object of /Type /Pages), else the objects of /Type /Page;
 * null when neither can be read (pages kept in compressed object streams).
 */
export function pdfPageCount(bytes: string): number | null {
  let root = -1;
  const pagesType = /\/Type\s*\/Pages(?![A-Za-z])/g;
  for (let match = pagesType.exec(bytes); match; match = pagesType.exec(bytes)) {
    const start = bytes.lastIndexOf(' obj', match.index);
    const end = bytes.indexOf('endobj', match.index);
    const object = bytes.slice(Math.max(0, start), end === -1 ? undefined : end);
    const count = /\/Count\s+(\d+)/.exec(object);
    if (count) root = Math.max(root, Number(count[1]));
  }
  if (root >= 0) return root;
  const pages = bytes.match(/\/Type\s*\/Page(?![A-Za-z])/g);
  return pages ? pages.length : null;
}

/** The referent's message for a part whose Doc is not what was written. */
export function placementMessage(
  problem: PlacementProblem,
  layout: Layout,
  part: string,
  language: Language,
): string {
  const t = messages(language).letters;
  if (problem.kind === 'pages')
    return t.checkFailed(part, t.checkDocPages(problem.found, problem.expected));
  const slot = t.slotName(layout === 1, problem.slot, problem.page);
  const detail =
    problem.expected === null
      ? t.checkExtra(slot, problem.found ?? '')
      : problem.found === null
        ? t.checkMissing(slot, problem.expected)
        : t.checkMoved(slot, problem.expected, problem.found);
  return t.checkFailed(part, detail);
}
