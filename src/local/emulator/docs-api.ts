// The Advanced Docs service (global `Docs`, enabled by the manifest): the Google Docs API v1's
// documents.get, documents.batchUpdate and documents.create, on the same documents DocumentApp
// edits (document.ts), so Drive's export to PDF draws what either wrote.
// Apps Script's advanced service: https://developers.google.com/apps-script/advanced/docs
// The API: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents
// Batches: https://developers.google.com/workspace/docs/api/concepts/request-response
import { GAS_CLASS, GAS_SERVICE, asGas } from './gas-object';
import { registerScopes } from './scopes';
import {
  A4_HEIGHT,
  A4_WIDTH,
  EmuParagraph,
  EmuTable,
  PAGE_BREAK,
  type Child,
  type DocAttributes,
  type DocumentStore,
  type EmuBody,
  type EmuDocument,
} from './document';
import {
  BODY_START,
  DocsRequestError,
  bodyEnd,
  contentLength,
  deleteRange,
  forEachParagraph,
  insertIntoParagraph,
  invalid,
  lengthOf,
  locate,
  newTable,
  snapshot,
  stripInserted,
} from './docs-model';

type S = GoogleAppsScript.Docs.Schema.Document;
type Json = Record<string, unknown>;

/**
 * Requests newer than @types/google-apps-script's docs_v1 declarations (which stop at
 * updateTextStyle), from the reference's Request type:
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request
 */
export interface DocsRequest extends GoogleAppsScript.Docs.Schema.Request {
  insertSectionBreak?: { location?: { index?: number }; sectionType?: string };
  updateDocumentStyle?: { documentStyle?: Json; fields?: string };
  updateTableCellStyle?: {
    tableCellStyle?: Json;
    fields?: string;
    tableRange?: {
      tableCellLocation?: GoogleAppsScript.Docs.Schema.TableCellLocation;
      rowSpan?: number;
      columnSpan?: number;
    };
    tableStartLocation?: { index?: number };
  };
  updateTableRowStyle?: {
    tableStartLocation?: { index?: number };
    rowIndices?: number[];
    tableRowStyle?: Json;
    fields?: string;
  };
  updateTableColumnProperties?: {
    tableStartLocation?: { index?: number };
    columnIndices?: number[];
    tableColumnProperties?: Json;
    fields?: string;
  };
}

/** The error Apps Script raises into the script when an advanced service's call fails. */
export class GoogleJsonResponseException extends Error {
  override name = 'GoogleJsonResponseException';
}

function apiError(method: string, message: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(
    `API call to docs.documents.${method} failed with error: ${message}`,
  );
}

const AUTH = 'https://www.googleapis.com/auth/';
/** documents.create and batchUpdate's Authorization scopes (their REST reference pages). */
const WRITE_SCOPES = [`${AUTH}documents`, `${AUTH}drive`, `${AUTH}drive.file`];

/**
 * Each method's scopes, checked at every call (runtime.ts): documents.get
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/get) also
 * accepts the read-only ones. A refused call is the API's 403, as for the Drive service.
 */
registerScopes(
  'Docs',
  {
    'Docs.Documents.get': [
      `${AUTH}documents`,
      `${AUTH}documents.readonly`,
      `${AUTH}drive`,
      `${AUTH}drive.file`,
      `${AUTH}drive.readonly`,
    ],
    'Docs.Documents.create': WRITE_SCOPES,
    'Docs.Documents.batchUpdate': WRITE_SCOPES,
  },
  (key) => apiError(key.split('.').pop() ?? key, 'Request had insufficient authentication scopes.'),
);

// ---------------------------------------------------------------------------------------------
// Values: dimensions (points only: the API's Unit enum has PT alone) and colours.

function dimension(value: unknown, field: string): number {
  const d = value as { magnitude?: unknown; unit?: unknown } | undefined;
  if (d === undefined || d === null) return NaN;
  if (d.unit !== 'PT') invalid(`${field}: the unit must be PT.`);
  const n = Number(d.magnitude ?? 0);
  if (!Number.isFinite(n)) invalid(`${field}: invalid magnitude.`);
  return n;
}

function pt(n: unknown): Json {
  return typeof n === 'number' ? { magnitude: n, unit: 'PT' } : { unit: 'PT' };
}

function hexOf(optional: unknown): string | null {
  const rgb = (optional as { color?: { rgbColor?: Record<string, unknown> } } | undefined)?.color
    ?.rgbColor;
  if (!rgb) return null;
  const byte = (v: unknown) =>
    Math.round(Math.min(1, Math.max(0, Number(v ?? 0))) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${byte(rgb.red)}${byte(rgb.green)}${byte(rgb.blue)}`;
}

function colourOf(hex: unknown): Json {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return {};
  const part = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1e4) / 1e4;
  const rgbColor: Json = {};
  // Zero components are left out, as the API's JSON leaves out default values.
  if (part(1)) rgbColor.red = part(1);
  if (part(3)) rgbColor.green = part(3);
  if (part(5)) rgbColor.blue = part(5);
  return { color: { rgbColor } };
}

// ---------------------------------------------------------------------------------------------
// Styles: each API field maps to DocumentApp's attribute (the model both services share).

interface FieldMap {
  attribute: string;
  /** API value → stored attribute (null: the field is reset). */
  read: (value: unknown, field: string) => unknown;
  /** Stored attribute → API value. */
  write: (stored: unknown) => unknown;
}

const same = (attribute: string): FieldMap => ({
  attribute,
  read: (v) => v,
  write: (v) => v,
});
const points = (attribute: string): FieldMap => ({
  attribute,
  read: (v, f) => dimension(v, f),
  write: (v) => pt(v),
});
const colour = (attribute: string): FieldMap => ({
  attribute,
  read: (v) => hexOf(v),
  write: (v) => colourOf(v),
});
const mapped = (attribute: string, pairs: [string, string][]): FieldMap => ({
  attribute,
  read: (v, f) => {
    const pair = pairs.find(([api]) => api === v);
    if (!pair) invalid(`${f}: invalid value ${JSON.stringify(v)}.`);
    return pair[1];
  },
  write: (v) => pairs.find(([, stored]) => stored === v)?.[0],
});

/** TextStyle: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#textstyle */
const TEXT_STYLE: Record<string, FieldMap> = {
  bold: same('BOLD'),
  italic: same('ITALIC'),
  underline: same('UNDERLINE'),
  strikethrough: same('STRIKETHROUGH'),
  smallCaps: same('SMALL_CAPS'),
  baselineOffset: same('BASELINE_OFFSET'),
  fontSize: points('FONT_SIZE'),
  foregroundColor: colour('FOREGROUND_COLOR'),
  backgroundColor: colour('BACKGROUND_COLOR'),
  weightedFontFamily: {
    attribute: 'FONT_FAMILY',
    read: (v) => (v as { fontFamily?: string } | undefined)?.fontFamily ?? null,
    write: (v) => ({ fontFamily: v, weight: 400 }),
  },
  link: {
    attribute: 'LINK_URL',
    read: (v) => (v as { url?: string } | undefined)?.url ?? null,
    write: (v) => ({ url: v }),
  },
};

/** ParagraphStyle: …/documents#paragraphstyle (lineSpacing is a percentage, 100 single). */
const PARAGRAPH_STYLE: Record<string, FieldMap> = {
  namedStyleType: same('NAMED_STYLE_TYPE'),
  alignment: mapped('HORIZONTAL_ALIGNMENT', [
    ['START', 'LEFT'],
    ['CENTER', 'CENTER'],
    ['END', 'RIGHT'],
    ['JUSTIFIED', 'JUSTIFY'],
  ]),
  lineSpacing: {
    attribute: 'LINE_SPACING',
    read: (v) => Number(v) / 100,
    write: (v) => Math.round(Number(v) * 1e4) / 100,
  },
  direction: same('DIRECTION'),
  spacingMode: same('SPACING_MODE'),
  spaceAbove: points('SPACING_BEFORE'),
  spaceBelow: points('SPACING_AFTER'),
  indentFirstLine: points('INDENT_FIRST_LINE'),
  indentStart: points('INDENT_START'),
  indentEnd: points('INDENT_END'),
  keepLinesTogether: same('KEEP_LINES_TOGETHER'),
  keepWithNext: same('KEEP_WITH_NEXT'),
  avoidWidowAndOrphan: same('AVOID_WIDOW_AND_ORPHAN'),
};

const border = (attribute: string): FieldMap => ({
  attribute,
  read: (v, f) => {
    const b = v as { color?: unknown; width?: unknown; dashStyle?: unknown } | undefined;
    if (!b) return null;
    // The reference: "When updating a border, the color, width and dash style must all be set."
    if (b.color === undefined || b.width === undefined || b.dashStyle === undefined)
      invalid(`${f}: a border's color, width and dashStyle must all be set.`);
    if (!['SOLID', 'DOT', 'DASH'].includes(String(b.dashStyle)))
      invalid(`${f}: invalid dashStyle ${JSON.stringify(b.dashStyle)}.`);
    return { color: hexOf(b.color), width: dimension(b.width, f), dashStyle: b.dashStyle };
  },
  write: (v) => {
    const b = v as { color: string | null; width: number; dashStyle: string };
    return { color: colourOf(b.color), width: pt(b.width), dashStyle: b.dashStyle };
  },
});

/** TableCellStyle: …/documents#tablecellstyle */
const CELL_STYLE: Record<string, FieldMap> = {
  backgroundColor: colour('BACKGROUND_COLOR'),
  borderTop: border('BORDER_TOP'),
  borderBottom: border('BORDER_BOTTOM'),
  borderLeft: border('BORDER_LEFT'),
  borderRight: border('BORDER_RIGHT'),
  paddingTop: points('PADDING_TOP'),
  paddingBottom: points('PADDING_BOTTOM'),
  paddingLeft: points('PADDING_LEFT'),
  paddingRight: points('PADDING_RIGHT'),
  contentAlignment: mapped('VERTICAL_ALIGNMENT', [
    ['TOP', 'TOP'],
    ['MIDDLE', 'CENTER'],
    ['BOTTOM', 'BOTTOM'],
  ]),
};

/** TableRowStyle: …/documents#tablerowstyle */
const ROW_STYLE: Record<string, FieldMap> = {
  minRowHeight: points('MINIMUM_HEIGHT'),
  tableHeader: same('TABLE_HEADER'),
  preventOverflow: same('PREVENT_OVERFLOW'),
};

/**
 * The fields a mask names ("a,b", "*" for all): each must be a field of the style, as the API
 * refuses an empty or unknown mask.
 */
function maskFields(fields: unknown, known: readonly string[]): string[] {
  const names = String(fields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (names.length === 0)
    invalid("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
  if (names.includes('*')) return [...known];
  return names.map((name) => {
    const top = name.split('.')[0]!;
    if (!known.includes(top)) invalid(`Invalid field: ${name}`);
    return top;
  });
}

/** Applies a style through its mask: a masked field absent from the style is reset. */
function applyStyle(
  target: DocAttributes,
  style: unknown,
  fields: unknown,
  map: Record<string, FieldMap>,
  kind: string,
): void {
  const given = (style ?? {}) as Json;
  for (const field of maskFields(fields, Object.keys(map))) {
    const m = map[field]!;
    const value = given[field] === undefined ? null : m.read(given[field], `${kind}.${field}`);
    if (value === null || (typeof value === 'number' && Number.isNaN(value)))
      delete target[m.attribute];
    else target[m.attribute] = value;
  }
}

function styleJson(attributes: DocAttributes, map: Record<string, FieldMap>): Json {
  const out: Json = {};
  for (const [field, m] of Object.entries(map)) {
    const stored = attributes[m.attribute];
    if (stored === undefined || stored === null) continue;
    const value = m.write(stored);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Requests.

function indexOf(location: unknown, field: string): number {
  const l = location as { index?: unknown; segmentId?: unknown } | undefined;
  if (l?.segmentId) invalid(`${field}: only the body is emulated (segmentId "${l.segmentId}").`);
  const n = Number(l?.index ?? 0);
  if (!Number.isInteger(n)) invalid(`${field}: invalid index.`);
  return n;
}

/** Where an insertion goes: a location's index, or the end of the body. */
function insertionIndex(body: EmuBody, request: Json): number {
  const end = bodyEnd(body);
  if (request.endOfSegmentLocation !== undefined) {
    if (request.location !== undefined)
      invalid('Exactly one of location or endOfSegmentLocation must be set.');
    const segment = (request.endOfSegmentLocation as { segmentId?: unknown }).segmentId;
    if (segment) invalid(`Only the body is emulated (segmentId "${String(segment)}").`);
    return end - 1;
  }
  if (request.location === undefined)
    invalid('Exactly one of location or endOfSegmentLocation must be set.');
  const index = indexOf(request.location, 'location');
  if (index >= end)
    invalid(`Index ${index} must be less than the end index of the referenced segment, ${end}.`);
  return index;
}

function paragraphAt(body: EmuBody, index: number) {
  const hit = locate(body, index);
  if (!hit || hit.kind !== 'paragraph')
    invalid('The insertion index must be inside the bounds of an existing paragraph.');
  return hit;
}

function checkRange(body: EmuBody, range: unknown): { from: number; to: number } {
  const r = (range ?? {}) as { startIndex?: unknown; endIndex?: unknown; segmentId?: unknown };
  if (r.segmentId) invalid(`Only the body is emulated (segmentId "${String(r.segmentId)}").`);
  const from = Number(r.startIndex ?? 0);
  const to = Number(r.endIndex ?? 0);
  if (!Number.isInteger(from) || !Number.isInteger(to)) invalid('Invalid range.');
  if (from < BODY_START) invalid(`Index ${from} must be greater than or equal to ${BODY_START}.`);
  if (to <= from) invalid(`The end index (${to}) must be greater than the start index (${from}).`);
  const end = bodyEnd(body);
  if (to >= end)
    invalid(`Index ${to} must be less than the end index of the referenced segment, ${end}.`);
  return { from, to };
}

function tableAt(body: EmuBody, location: unknown): EmuTable {
  const index = indexOf(location, 'tableStartLocation');
  const hit = locate(body, index);
  if (!hit || hit.kind !== 'table')
    invalid(`The provided table start location (${index}) is not the start of a table.`);
  return hit.table;
}

function indices(list: unknown, size: number, what: string): number[] {
  if (list === undefined || (Array.isArray(list) && list.length === 0))
    return Array.from({ length: size }, (_, i) => i);
  if (!Array.isArray(list)) invalid(`Invalid ${what} indices.`);
  return list.map((value) => {
    const i = Number(value);
    if (!Number.isInteger(i) || i < 0 || i >= size)
      invalid(`The ${what} index ${String(value)} is out of bounds.`);
    return i;
  });
}

/** The paragraphs the range from–to overlaps, each with its start and its end (past its newline). */
function paragraphsOverlapping(
  body: EmuBody,
  from: number,
  to: number,
): { paragraph: EmuParagraph; start: number; end: number }[] {
  const found: { paragraph: EmuParagraph; start: number; end: number }[] = [];
  forEachParagraph(body, (paragraph, start) => {
    const end = start + paragraph.text.length + 1;
    if (start < to && from < end) found.push({ paragraph, start, end });
  });
  return found;
}

type Handler = (store: DocumentStore, document: EmuDocument, request: Json) => Json;

const HANDLERS: Record<string, Handler> = {
  /** …/request#inserttextrequest */
  insertText(store, document, request) {
    const body = document.body;
    const raw = request.text;
    if (typeof raw !== 'string' || raw === '')
      invalid('Insert text requests must specify text to insert.');
    const index = insertionIndex(body, request);
    const hit = paragraphAt(body, index);
    insertIntoParagraph(store, hit.paragraph, hit.offset, stripInserted(raw));
    return {};
  },
  /** …/request#inserttablerequest: a newline first, so the table starts at index + 1. */
  insertTable(store, document, request) {
    const body = document.body;
    const rows = Number(request.rows);
    const columns = Number(request.columns);
    if (!Number.isInteger(rows) || rows < 1) invalid('The table must have at least one row.');
    if (!Number.isInteger(columns) || columns < 1)
      invalid('The table must have at least one column.');
    const index = insertionIndex(body, request);
    const hit = paragraphAt(body, index);
    insertIntoParagraph(store, hit.paragraph, hit.offset, '\n');
    const table = newTable(store, rows, columns, hit.container);
    hit.container.children.splice(hit.childIndex + 1, 0, table);
    return {};
  },
  /** …/request#insertpagebreakrequest: a page break followed by a newline; never in a table. */
  insertPageBreak(store, document, request) {
    const body = document.body;
    const index = insertionIndex(body, request);
    const hit = paragraphAt(body, index);
    if (hit.container !== body) invalid('Page breaks cannot be inserted inside a table.');
    insertIntoParagraph(store, hit.paragraph, hit.offset, `${PAGE_BREAK}\n`);
    return {};
  },
  /** …/request#deletecontentrangerequest */
  deleteContentRange(_store, document, request) {
    const body = document.body;
    const range = (request.range ?? {}) as { startIndex?: unknown; endIndex?: unknown };
    const from = Number(range.startIndex ?? 0);
    const to = Number(range.endIndex ?? 0);
    if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from)
      invalid('The range should not be empty.');
    if (from < BODY_START) invalid('Invalid deletion range.');
    deleteRange(body, BODY_START, from, to);
    return {};
  },
  /** …/request#updateparagraphstylerequest: every paragraph the range overlaps. */
  updateParagraphStyle(_store, document, request) {
    const { from, to } = checkRange(document.body, request.range);
    maskFields(request.fields, Object.keys(PARAGRAPH_STYLE));
    for (const { paragraph } of paragraphsOverlapping(document.body, from, to))
      applyStyle(
        paragraph.attributes,
        request.paragraphStyle,
        request.fields,
        PARAGRAPH_STYLE,
        'paragraphStyle',
      );
    return {};
  },
  /** …/request#updatetextstylerequest: a span over the range's part of each paragraph. */
  updateTextStyle(_store, document, request) {
    const { from, to } = checkRange(document.body, request.range);
    const fields = maskFields(request.fields, Object.keys(TEXT_STYLE));
    for (const { paragraph, start, end } of paragraphsOverlapping(document.body, from, to)) {
      const attributes: DocAttributes = {};
      applyStyle(attributes, request.textStyle, request.fields, TEXT_STYLE, 'textStyle');
      // A reset field is stored as null: the paragraph's or the default style shows again.
      for (const field of fields) {
        const attribute = TEXT_STYLE[field]!.attribute;
        if (!(attribute in attributes)) attributes[attribute] = null;
      }
      paragraph.spans.push({
        start: Math.max(from, start) - start,
        end: Math.min(to, end) - start - 1,
        attributes,
      });
    }
    return {};
  },
  /**
   * …/request#updatetablecellstylerequest. A border shared with a neighbour is that neighbour's
   * border too ("if a cell shares a border with an adjacent cell, the corresponding border
   * property of the adjacent cell is updated as well").
   */
  updateTableCellStyle(_store, document, request) {
    const body = document.body;
    const range = request.tableRange as
      { tableCellLocation?: Json; rowSpan?: unknown; columnSpan?: unknown } | undefined;
    let table: EmuTable;
    let rows: number[];
    let columns: number[];
    if (range) {
      if (request.tableStartLocation !== undefined)
        invalid('Exactly one of tableRange or tableStartLocation must be set.');
      const at = (range.tableCellLocation ?? {}) as Json;
      table = tableAt(body, at.tableStartLocation);
      const row = Number(at.rowIndex ?? 0);
      const column = Number(at.columnIndex ?? 0);
      const rowSpan = Number(range.rowSpan ?? 0);
      const columnSpan = Number(range.columnSpan ?? 0);
      if (rowSpan < 1 || columnSpan < 1) invalid('The table range must span at least one cell.');
      const width = table.rows[0]!.cells.length;
      if (row < 0 || column < 0 || row + rowSpan > table.rows.length || column + columnSpan > width)
        invalid('The table range is out of the bounds of the table.');
      rows = Array.from({ length: rowSpan }, (_, i) => row + i);
      columns = Array.from({ length: columnSpan }, (_, i) => column + i);
    } else {
      table = tableAt(body, request.tableStartLocation);
      rows = table.rows.map((_, i) => i);
      columns = table.rows[0]!.cells.map((_, i) => i);
    }
    const fields = maskFields(request.fields, Object.keys(CELL_STYLE));
    const neighbours: [string, string, number, number][] = [
      ['BORDER_TOP', 'BORDER_BOTTOM', -1, 0],
      ['BORDER_BOTTOM', 'BORDER_TOP', 1, 0],
      ['BORDER_LEFT', 'BORDER_RIGHT', 0, -1],
      ['BORDER_RIGHT', 'BORDER_LEFT', 0, 1],
    ];
    for (const r of rows) {
      for (const c of columns) {
        const cell = table.rows[r]!.cells[c]!;
        applyStyle(
          cell.attributes,
          request.tableCellStyle,
          request.fields,
          CELL_STYLE,
          'tableCellStyle',
        );
        for (const [side, opposite, dr, dc] of neighbours) {
          const field = Object.keys(CELL_STYLE).find((f) => CELL_STYLE[f]!.attribute === side)!;
          if (!fields.includes(field)) continue;
          const other = table.rows[r + dr]?.cells[c + dc];
          if (!other) continue;
          if (cell.attributes[side] === undefined) delete other.attributes[opposite];
          else other.attributes[opposite] = structuredClone(cell.attributes[side]);
        }
      }
    }
    return {};
  },
  /** …/request#updatetablerowstylerequest (no rowIndices: every row). */
  updateTableRowStyle(_store, document, request) {
    const table = tableAt(document.body, request.tableStartLocation);
    for (const r of indices(request.rowIndices, table.rows.length, 'row'))
      applyStyle(
        table.rows[r]!.attributes,
        request.tableRowStyle,
        request.fields,
        ROW_STYLE,
        'tableRowStyle',
      );
    return {};
  },
  /**
   * …/request#updatetablecolumnpropertiesrequest: a fixed width of at least 5 points ("If the
   * value of tableColumnProperties#width is less than 5 points (5/72 inch), a 400 bad request
   * error is returned"), or evenly distributed.
   */
  updateTableColumnProperties(_store, document, request) {
    const table = tableAt(document.body, request.tableStartLocation);
    const fields = maskFields(request.fields, ['width', 'widthType']);
    const properties = (request.tableColumnProperties ?? {}) as Json;
    const width = fields.includes('width')
      ? dimension(properties.width, 'tableColumnProperties.width')
      : NaN;
    if (fields.includes('width') && !(width >= 5))
      invalid('The column width must be at least 5 points.');
    const type = fields.includes('widthType') ? properties.widthType : undefined;
    if (type !== undefined && type !== 'FIXED_WIDTH' && type !== 'EVENLY_DISTRIBUTED')
      invalid(`Invalid widthType ${JSON.stringify(type)}.`);
    for (const c of indices(request.columnIndices, table.columnWidths.length, 'column')) {
      if (type === 'EVENLY_DISTRIBUTED') table.columnWidths[c] = null;
      else if (fields.includes('width')) table.columnWidths[c] = width;
    }
    return {};
  },
  /** …/request#updatedocumentstylerequest: the page's size and margins are drawn by the export. */
  updateDocumentStyle(_store, document, request) {
    const body = document.body;
    const style = (request.documentStyle ?? {}) as Json;
    const known = [
      'pageSize', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight', 'marginHeader',
      'marginFooter', 'pageNumberStart', 'background', 'useCustomHeaderFooterMargins',
      'useEvenPageHeaderFooter', 'useFirstPageHeaderFooter', 'flipPageOrientation',
    ]; // prettier-ignore
    for (const field of maskFields(request.fields, known)) {
      const value = style[field];
      if (field === 'pageSize') {
        const size = (value ?? {}) as { width?: unknown; height?: unknown };
        const width = dimension(size.width, 'pageSize.width');
        const height = dimension(size.height, 'pageSize.height');
        body.page.width = Number.isNaN(width) ? A4_WIDTH : width;
        body.page.height = Number.isNaN(height) ? A4_HEIGHT : height;
        if (body.page.width <= 0 || body.page.height <= 0) invalid('Invalid page size.');
      } else if (field.startsWith('margin') && field in body.page) {
        const margin = dimension(value, field);
        if (margin < 0) invalid(`${field} must not be negative.`);
        body.page[field as 'marginTop'] = Number.isNaN(margin) ? 72 : margin;
      } else if (value === undefined) delete body.style[field];
      else body.style[field] = structuredClone(value);
    }
    return {};
  },
};

// ---------------------------------------------------------------------------------------------
// documents.get: the document as the API's JSON (default values left out, as the API's JSON does).

function paragraphJson(paragraph: EmuParagraph, start: number): Json {
  const content = `${paragraph.text}\n`;
  const cuts = new Set([0, content.length]);
  for (const span of paragraph.spans) {
    cuts.add(Math.max(0, span.start));
    cuts.add(Math.min(content.length, span.end + 1));
  }
  for (let i = 0; i < paragraph.text.length; i++) {
    if (paragraph.text[i] === PAGE_BREAK) {
      cuts.add(i);
      cuts.add(i + 1);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const elements: Json[] = [];
  let last: { json: Json; style: string } | null = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k]!, points[k + 1]!];
    const attributes: DocAttributes = { ...paragraph.attributes };
    for (const span of paragraph.spans)
      if (span.start <= from && span.end >= to - 1) Object.assign(attributes, span.attributes);
    const textStyle = styleJson(attributes, TEXT_STYLE);
    const text = content.slice(from, to);
    if (text === PAGE_BREAK) {
      elements.push({ startIndex: start + from, endIndex: start + to, pageBreak: { textStyle } });
      last = null;
      continue;
    }
    const style = JSON.stringify(textStyle);
    if (last && last.style === style) {
      const run = last.json.textRun as { content: string };
      run.content += text;
      last.json.endIndex = start + to;
      continue;
    }
    const json: Json = {
      startIndex: start + from,
      endIndex: start + to,
      textRun: { content: text, textStyle },
    };
    elements.push(json);
    last = { json, style };
  }
  const paragraphStyle: Json = {
    namedStyleType: 'NORMAL_TEXT',
    direction: 'LEFT_TO_RIGHT',
    ...styleJson(paragraph.attributes, PARAGRAPH_STYLE),
  };
  return {
    startIndex: start,
    endIndex: start + content.length,
    paragraph: { elements, paragraphStyle },
  };
}

function contentJson(children: readonly Child[], start: number): Json[] {
  let s = start;
  return children.map((child) => {
    const json = child instanceof EmuParagraph ? paragraphJson(child, s) : tableJson(child, s);
    s += lengthOf(child);
    return json;
  });
}

const DEFAULT_CELL_STYLE: Json = {
  rowSpan: 1,
  columnSpan: 1,
  backgroundColor: {},
  paddingLeft: pt(5),
  paddingRight: pt(5),
  paddingTop: pt(5),
  paddingBottom: pt(5),
  contentAlignment: 'TOP',
};

function tableJson(table: EmuTable, start: number): Json {
  let p = start + 1;
  const tableRows = table.rows.map((row) => {
    const rowStart = p;
    p += 1;
    const tableCells = row.cells.map((cell) => {
      const cellStart = p;
      p += 1;
      const content = contentJson(cell.children, p);
      p += contentLength(cell.children);
      return {
        startIndex: cellStart,
        endIndex: p,
        content,
        tableCellStyle: { ...DEFAULT_CELL_STYLE, ...styleJson(cell.attributes, CELL_STYLE) },
      };
    });
    return {
      startIndex: rowStart,
      endIndex: p,
      tableCells,
      tableRowStyle: { minRowHeight: pt(undefined), ...styleJson(row.attributes, ROW_STYLE) },
    };
  });
  return {
    startIndex: start,
    endIndex: p + 1,
    table: {
      rows: table.rows.length,
      columns: table.columnWidths.length,
      tableRows,
      tableStyle: {
        tableColumnProperties: table.columnWidths.map((width) =>
          width === null
            ? { widthType: 'EVENLY_DISTRIBUTED' }
            : { widthType: 'FIXED_WIDTH', width: pt(width) },
        ),
      },
    },
  };
}

export function documentJson(document: EmuDocument, title: string): S {
  const body = document.body;
  const page = body.page;
  return {
    title,
    body: {
      content: [
        // startIndex 0 is a default value: the API's JSON leaves it out.
        {
          endIndex: BODY_START,
          sectionBreak: {
            sectionStyle: {
              columnSeparatorStyle: 'NONE',
              contentDirection: 'LEFT_TO_RIGHT',
              sectionType: 'CONTINUOUS',
            },
          },
        },
        ...contentJson(body.children, BODY_START),
      ],
    },
    documentStyle: {
      background: { color: {} },
      pageNumberStart: 1,
      marginTop: pt(page.marginTop),
      marginBottom: pt(page.marginBottom),
      marginRight: pt(page.marginRight),
      marginLeft: pt(page.marginLeft),
      pageSize: { height: pt(page.height), width: pt(page.width) },
      marginHeader: pt(36),
      marginFooter: pt(36),
      ...structuredClone(body.style),
    },
    revisionId: revisionId(document),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    documentId: document.id,
  } as S;
}

function revisionId(document: EmuDocument): string {
  return `emu-revision-${String(document.revision).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Partial responses (the `fields` parameter): "a,b/c,d(e,f)", "." or "/" between levels.

type Selection = Map<string, Selection | true>;

function parseSelection(text: string): Selection {
  let i = 0;
  const parseList = (): Selection => {
    const selection: Selection = new Map();
    for (;;) {
      const name = /^[A-Za-z*][A-Za-z0-9_*]*(?:[./][A-Za-z*][A-Za-z0-9_*]*)*/.exec(text.slice(i));
      if (!name) throw new DocsRequestError(`Invalid field selection ${text.slice(i) || text}`);
      i += name[0].length;
      const path = name[0].split(/[./]/);
      let leaf: Selection | true = true;
      if (text[i] === '(') {
        i += 1;
        leaf = parseList();
        if (text[i] !== ')') throw new DocsRequestError(`Invalid field selection ${text}`);
        i += 1;
      }
      let node = selection;
      path.forEach((part, k) => {
        if (k === path.length - 1) {
          const known = node.get(part);
          node.set(
            part,
            known instanceof Map && leaf instanceof Map
              ? new Map([...known, ...leaf])
              : leaf === true || known === true
                ? true
                : leaf,
          );
          return;
        }
        let next = node.get(part);
        if (next === true) return;
        if (!next) node.set(part, (next = new Map()));
        node = next;
      });
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      return selection;
    }
  };
  const selection = parseList();
  if (i !== text.length) throw new DocsRequestError(`Invalid field selection ${text}`);
  return selection;
}

/** The fields of each type a selection may name (the others' subfields are not checked). */
const SCHEMA: Record<string, Record<string, string | null>> = {
  Document: {
    body: 'Body', documentId: null, documentStyle: null, footers: null, footnotes: null,
    headers: null, inlineObjects: null, lists: null, namedRanges: null, namedStyles: null,
    positionedObjects: null, revisionId: null, suggestedDocumentStyleChanges: null,
    suggestedNamedStylesChanges: null, suggestionsViewMode: null, title: null, tabs: null,
  },
  Body: { content: 'StructuralElement' },
  StructuralElement: {
    startIndex: null, endIndex: null, paragraph: 'Paragraph', sectionBreak: null,
    table: 'Table', tableOfContents: null,
  },
  Paragraph: {
    elements: 'ParagraphElement', paragraphStyle: null, bullet: null, positionedObjectIds: null,
    suggestedBulletChanges: null, suggestedParagraphStyleChanges: null,
    suggestedPositionedObjectIds: null,
  },
  ParagraphElement: {
    startIndex: null, endIndex: null, textRun: 'TextRun', pageBreak: null, autoText: null,
    columnBreak: null, equation: null, footnoteReference: null, horizontalRule: null,
    inlineObjectElement: null, person: null, richLink: null,
  },
  TextRun: {
    content: null, textStyle: null, suggestedDeletionIds: null, suggestedInsertionIds: null,
    suggestedTextStyleChanges: null,
  },
  Table: {
    columns: null, rows: null, tableRows: 'TableRow', tableStyle: null,
    suggestedDeletionIds: null, suggestedInsertionIds: null,
  },
  TableRow: {
    startIndex: null, endIndex: null, tableCells: 'TableCell', tableRowStyle: null,
    suggestedDeletionIds: null, suggestedInsertionIds: null, suggestedTableRowStyleChanges: null,
  },
  TableCell: {
    startIndex: null, endIndex: null, content: 'StructuralElement', tableCellStyle: null,
    suggestedDeletionIds: null, suggestedInsertionIds: null, suggestedTableCellStyleChanges: null,
  },
}; // prettier-ignore

function checkSelection(selection: Selection, type: string | null, path: string): void {
  if (type === null) return;
  const fields = SCHEMA[type]!;
  for (const [name, sub] of selection) {
    if (name === '*') continue;
    if (!(name in fields)) throw new DocsRequestError(`Invalid field selection ${path}${name}`);
    if (sub instanceof Map) checkSelection(sub, fields[name]!, `${path}${name}.`);
  }
}

function select(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((item) => select(item, selection));
  if (value === null || typeof value !== 'object') return value;
  if (selection.has('*')) return value;
  const out: Json = {};
  for (const [name, sub] of selection) {
    const item = (value as Json)[name];
    if (item === undefined) continue;
    out[name] = sub === true ? item : select(item, sub);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The service.

export class EmuDocsDocuments implements Pick<
  GoogleAppsScript.Docs.Collection.DocumentsCollection,
  'batchUpdate' | 'create' | 'get'
> {
  readonly [GAS_CLASS] = 'Docs.Documents';
  readonly [GAS_SERVICE] = 'Docs';
  constructor(private readonly store: DocumentStore) {}

  private document(method: string, id: unknown): EmuDocument {
    const document = this.store.documents.get(String(id));
    const file = this.store.drive.fileById(String(id));
    if (!document || !file || file.trashed)
      throw apiError(method, 'Requested entity was not found.');
    return document;
  }

  /** …/documents/get; optionalArgs.fields: a partial response. */
  get(documentId: string, optionalArgs?: object): S {
    const document = this.document('get', documentId);
    const json = documentJson(document, this.store.drive.fileById(documentId)?.name ?? '');
    const fields = (optionalArgs as { fields?: unknown } | undefined)?.fields;
    if (fields === undefined) return json;
    try {
      const selection = parseSelection(String(fields).replace(/\s+/g, ''));
      checkSelection(selection, 'Document', '');
      return select(json, selection) as S;
    } catch (error) {
      if (error instanceof DocsRequestError) throw apiError('get', error.message);
      throw error;
    }
  }

  /** …/documents/create: a blank document with the title; the rest of the resource is ignored. */
  create(resource: S): S {
    const title = String(
      (resource as { title?: unknown } | undefined)?.title ?? 'Untitled document',
    );
    const document = this.store.createDocument(title);
    return documentJson(document, title);
  }

  /**
   * …/documents/batchUpdate: "Each request is validated before being applied. If any request is
   * not valid, then the entire request will fail and nothing will be applied."
   */
  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const document = this.document('batchUpdate', documentId);
    const requests = (resource?.requests ?? []) as unknown[];
    if (!Array.isArray(requests)) throw apiError('batchUpdate', 'Invalid JSON payload received.');
    const required = resource?.writeControl?.requiredRevisionId;
    if (required !== undefined && required !== revisionId(document))
      throw apiError(
        'batchUpdate',
        'The document was modified after the required revision: the revision specified in the write control is not the most recent revision of the document.',
      );
    this.store.tick();
    const execution = this.store.execution;
    execution.advance(execution.latency.docsRequest * requests.length);
    const restore = snapshot(document.body);
    const replies: Json[] = [];
    requests.forEach((request, i) => {
      const kinds = Object.keys((request ?? {}) as Json);
      try {
        if (kinds.length === 0) throw new DocsRequestError('No request set.');
        const unknown = kinds.find((k) => !(k in KNOWN_REQUESTS));
        if (unknown)
          throw apiErrorPlain(
            `Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${i}]': Cannot find field.`,
          );
        if (kinds.length > 1)
          throw new DocsRequestError('Only one request kind may be set per request.');
        const kind = kinds[0]!;
        const handler = HANDLERS[kind];
        if (!handler)
          throw new Error(
            `Docs.Documents.batchUpdate : la requête ${kind} n'est pas émulée (voir docs/EMULATOR.md).`,
          );
        replies.push(handler(this.store, document, (request as Json)[kind] as Json));
      } catch (error) {
        restore();
        if (error instanceof DocsRequestError) {
          const where = kinds.length === 1 ? `requests[${i}].${kinds[0]}` : `requests[${i}]`;
          throw apiError('batchUpdate', `Invalid ${where}: ${error.message}`);
        }
        if (error instanceof PlainApiError) throw apiError('batchUpdate', error.message);
        throw error;
      }
    });
    document.revision++;
    return {
      documentId: document.id,
      replies,
      writeControl: { requiredRevisionId: revisionId(document) },
    };
  }
}

/** An error whose text is the API's own, without the "Invalid requests[i].kind:" prefix. */
class PlainApiError extends Error {}
function apiErrorPlain(message: string): PlainApiError {
  return new PlainApiError(message);
}

/** Every request kind of the reference; those without a handler are not emulated. */
const KNOWN_REQUESTS: Record<string, true> = Object.fromEntries(
  [
    'replaceAllText', 'insertText', 'updateTextStyle', 'createParagraphBullets',
    'deleteParagraphBullets', 'createNamedRange', 'deleteNamedRange', 'updateParagraphStyle',
    'deleteContentRange', 'insertInlineImage', 'insertTable', 'insertTableRow',
    'insertTableColumn', 'deleteTableRow', 'deleteTableColumn', 'insertPageBreak',
    'deletePositionedObject', 'updateTableColumnProperties', 'updateTableCellStyle',
    'updateTableRowStyle', 'replaceImage', 'updateDocumentStyle', 'mergeTableCells',
    'unmergeTableCells', 'createHeader', 'createFooter', 'createFootnote', 'replaceNamedRangeContent',
    'updateSectionStyle', 'insertSectionBreak', 'deleteHeader', 'deleteFooter',
    'pinTableHeaderRows', 'insertPerson', 'insertDate', 'addDocumentTab', 'deleteTab',
    'updateDocumentTabProperties', 'updateNamedStyle', 'deleteFootnote',
  ].map((k) => [k, true]),
); // prettier-ignore

/** The global `Docs`: the advanced service, named by the manifest's userSymbol. */
export class EmuDocs implements Pick<GoogleAppsScript.Docs, 'Documents'> {
  readonly [GAS_CLASS] = 'Docs';
  readonly [GAS_SERVICE] = 'Docs';
  readonly Documents: GoogleAppsScript.Docs.Collection.DocumentsCollection;
  constructor(store: DocumentStore) {
    this.Documents = asGas(new EmuDocsDocuments(store));
  }
}
