// DocumentApp: Google Docs the add-on creates, kept in memory as a tree (body → paragraphs and
// tables → rows → cells → paragraphs) and stored in Drive as Google Docs files, so the page's
// Drive panel lists them and Drive's export to PDF can draw them (document-pdf.ts).
import { asGas, GAS_CLASS, GAS_SERVICE, gasEnum } from './gas-object';
import type { DriveStore } from './drive';
import type { ExecutionState } from './execution';
import { ServiceError } from './errors';
import { MIME_TYPES } from './mime-type';

type D = typeof GoogleAppsScript.Document;
type Element = GoogleAppsScript.Document.Element;

/** Attributes by their enum name (enums are strings here: docs/EMULATOR.md, guess 1). */
export type DocAttributes = Record<string, unknown>;

/** A character range with its own attributes (Text.setBold(start, end, true)…). */
export interface Span {
  start: number;
  end: number;
  attributes: DocAttributes;
}

/**
 * A page break inside a paragraph's text: one UTF-16 unit, as the Docs API counts a pageBreak
 * element. A Private Use Area character, which the Docs API strips from inserted text
 * (https://developers.google.com/workspace/docs/api/concepts/rules-behavior), so no text
 * written through it can be taken for a break.
 */
export const PAGE_BREAK = '\uE000';

export const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;
/** A new Doc: A4 (the French locale's default) with 1 inch margins. */
const DEFAULT_MARGIN = 72;
/** Docs' default cell padding, points. */
export const DEFAULT_CELL_PADDING = 5;

export class DocumentStore {
  readonly documents = new Map<string, EmuDocument>();
  /**
   * Fault injection for tests: after this many more mutating calls, the next one stops the
   * execution as Apps Script's time limit does (it throws, and so does every later call of the
   * run). null: never.
   */
  stopAfter: number | null = null;
  constructor(
    readonly drive: DriveStore,
    readonly execution: ExecutionState,
  ) {}

  /**
   * A new, empty Google Doc in `folder` (My Drive's root by default): DocumentApp.create, the
   * Docs API's documents.create.
   */
  createDocument(name: string, folder = this.drive.root): EmuDocument {
    const file = this.drive.addFile(name, new Uint8Array(0), MIME_TYPES.GOOGLE_DOCS, folder);
    return this.registerDocument(file.id);
  }

  /** The empty content of a Google Docs file that Drive already holds (Drive's files.create). */
  registerDocument(fileId: string): EmuDocument {
    const document = new EmuDocument(this, fileId);
    this.documents.set(fileId, document);
    return document;
  }

  /** Called by every method that changes a document. */
  tick(): void {
    if (this.stopAfter === null) return;
    if (this.stopAfter <= 0) {
      this.stopAfter = null;
      this.execution.stop();
      throw new ServiceError('timeLimit');
    }
    this.stopAfter--;
  }
}

function notFound(): never {
  throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
}

function number(value: unknown, what: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`Invalid argument: ${what}`);
  return n;
}

function plainAttributes(attributes: unknown): DocAttributes {
  if (typeof attributes !== 'object' || attributes === null)
    throw new Error('Invalid argument: attributes');
  const copy: DocAttributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    // Docs ignores null attributes (they mean "leave as is").
    if (value !== null && value !== undefined) copy[key] = value;
  }
  return copy;
}

export type Child = EmuParagraph | EmuTable;
export type Container = EmuBody | EmuTableCell;

function visibleText(text: string): string {
  return text.includes(PAGE_BREAK) ? text.split(PAGE_BREAK).join('') : text;
}

function childAt(children: Child[], index: unknown): Element {
  const i = number(index, 'childIndex');
  const child = children[i];
  if (!child)
    throw new Error(
      `Child index (${i}) must be less than the number of child elements (${children.length}).`,
    );
  return asGas(child);
}

function removeFrom(container: Container, child: Child): void {
  const children = container.children;
  const index = children.indexOf(child);
  if (index < 0) return;
  const isLastParagraph =
    child instanceof EmuParagraph && index === children.length - 1 && container instanceof EmuBody;
  if (isLastParagraph) throw new Error("Can't remove the last paragraph in a document section.");
  children.splice(index, 1);
  child.parent = null;
}

export class EmuPageBreak implements Pick<GoogleAppsScript.Document.PageBreak, 'getType'> {
  readonly [GAS_CLASS] = 'PageBreak';
  readonly [GAS_SERVICE] = 'Document';
  getType(): GoogleAppsScript.Document.ElementType {
    return 'PAGE_BREAK' as unknown as GoogleAppsScript.Document.ElementType;
  }
}

export class EmuText implements Pick<
  GoogleAppsScript.Document.Text,
  'getText' | 'setAttributes' | 'setBold'
> {
  readonly [GAS_CLASS] = 'Text';
  readonly [GAS_SERVICE] = 'Document';
  constructor(private readonly paragraph: EmuParagraph) {}

  private span(args: unknown[], name: string): EmuText {
    this.paragraph.store.tick();
    if (args.length === 1) {
      this.paragraph.attributes[name] = args[0];
      return this;
    }
    const start = number(args[0], 'startOffset');
    const end = number(args[1], 'endOffsetInclusive');
    const length = visibleText(this.paragraph.text).length;
    if (start < 0 || end >= length || start > end)
      throw new Error(`Invalid offsets: ${start}, ${end} (text of ${length} characters).`);
    this.paragraph.spans.push({ start, end, attributes: { [name]: args[2] } });
    return this;
  }
  getText(): string {
    return visibleText(this.paragraph.text);
  }
  setAttributes(
    startOffset: number,
    endOffsetInclusive: number,
    attributes: unknown,
  ): GoogleAppsScript.Document.Text;
  setAttributes(attributes: unknown): GoogleAppsScript.Document.Text;
  setAttributes(...args: unknown[]): GoogleAppsScript.Document.Text {
    this.paragraph.store.tick();
    if (args.length === 1) Object.assign(this.paragraph.attributes, plainAttributes(args[0]));
    else {
      const start = number(args[0], 'startOffset');
      const end = number(args[1], 'endOffsetInclusive');
      this.paragraph.spans.push({ start, end, attributes: plainAttributes(args[2]) });
    }
    return asGas(this);
  }
  setBold(bold: boolean): GoogleAppsScript.Document.Text;
  setBold(
    startOffset: number,
    endOffsetInclusive: number,
    bold: boolean,
  ): GoogleAppsScript.Document.Text;
  setBold(...args: unknown[]): GoogleAppsScript.Document.Text {
    return asGas(this.span(args, 'BOLD'));
  }
}

export class EmuParagraph implements Pick<
  GoogleAppsScript.Document.Paragraph,
  'appendPageBreak' | 'editAsText' | 'getText' | 'getType' | 'removeFromParent' | 'setAttributes'
> {
  readonly [GAS_CLASS] = 'Paragraph';
  readonly [GAS_SERVICE] = 'Document';
  attributes: DocAttributes = {};
  spans: Span[] = [];
  constructor(
    readonly store: DocumentStore,
    public text: string,
    public parent: Container | null,
  ) {}

  /** Whether the paragraph holds a page break (a PAGE_BREAK unit in its text). */
  get pageBreak(): boolean {
    return this.text.includes(PAGE_BREAK);
  }
  /** Paragraph.appendPageBreak, Body.appendPageBreak: a break at the end of the text. */
  set pageBreak(value: boolean) {
    if (value && !this.text.endsWith(PAGE_BREAK)) this.text += PAGE_BREAK;
    if (!value) this.text = this.text.split(PAGE_BREAK).join('');
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.store.tick();
    if (this.parent instanceof EmuTableCell)
      throw new Error('PageBreak cannot be inserted in a table cell.');
    this.pageBreak = true;
    return asGas(new EmuPageBreak());
  }
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return asGas(this);
  }
  editAsText(): GoogleAppsScript.Document.Text {
    return asGas(new EmuText(this));
  }
  /** The text, without the page breaks (they are elements of their own in Apps Script). */
  getText(): string {
    return visibleText(this.text);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'PARAGRAPH' as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GoogleAppsScript.Document.Paragraph {
    this.store.tick();
    if (this.parent) removeFrom(this.parent, this);
    return asGas(this);
  }
  setAttributes(attributes: unknown): GoogleAppsScript.Document.Paragraph {
    this.store.tick();
    Object.assign(this.attributes, plainAttributes(attributes));
    return asGas(this);
  }
}

/** appendParagraph(text) or appendParagraph(paragraph): a new paragraph at the end. */
function appendParagraphTo(
  container: Container,
  store: DocumentStore,
  source: unknown,
): EmuParagraph {
  store.tick();
  let paragraph: EmuParagraph;
  if (source instanceof EmuParagraph) {
    paragraph = new EmuParagraph(store, source.text, container);
    paragraph.attributes = { ...source.attributes };
    paragraph.spans = source.spans.map((span) => ({ ...span, attributes: { ...span.attributes } }));
  } else {
    paragraph = new EmuParagraph(store, String(source ?? ''), container);
  }
  container.children.push(paragraph);
  return paragraph;
}

export class EmuTableCell implements Pick<
  GoogleAppsScript.Document.TableCell,
  'appendParagraph' | 'getChild' | 'getNumChildren' | 'getText' | 'setAttributes'
> {
  readonly [GAS_CLASS] = 'TableCell';
  readonly [GAS_SERVICE] = 'Document';
  readonly children: Child[] = [];
  attributes: DocAttributes = {};
  constructor(
    readonly store: DocumentStore,
    text: string,
  ) {
    this.children.push(new EmuParagraph(store, text, this));
  }
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(
    paragraph: GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph;
  appendParagraph(source: unknown): GoogleAppsScript.Document.Paragraph {
    return asGas(appendParagraphTo(this, this.store, source));
  }
  getChild(childIndex: number): Element {
    return childAt(this.children, childIndex);
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getText(): string {
    return this.children
      .map((child) => (child instanceof EmuParagraph ? child.getText() : ''))
      .join('\n');
  }
  setAttributes(attributes: unknown): GoogleAppsScript.Document.TableCell {
    this.store.tick();
    Object.assign(this.attributes, plainAttributes(attributes));
    return asGas(this);
  }
}

export class EmuTableRow implements Pick<
  GoogleAppsScript.Document.TableRow,
  'getCell' | 'getNumCells' | 'setMinimumHeight' | 'setAttributes'
> {
  readonly [GAS_CLASS] = 'TableRow';
  readonly [GAS_SERVICE] = 'Document';
  attributes: DocAttributes = {};
  constructor(
    readonly store: DocumentStore,
    readonly cells: EmuTableCell[],
  ) {}
  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    const cell = this.cells[number(cellIndex, 'cellIndex')];
    if (!cell) throw new Error(`Cell index (${cellIndex}) out of range.`);
    return asGas(cell);
  }
  getNumCells(): number {
    return this.cells.length;
  }
  setAttributes(attributes: unknown): GoogleAppsScript.Document.TableRow {
    this.store.tick();
    Object.assign(this.attributes, plainAttributes(attributes));
    return asGas(this);
  }
  setMinimumHeight(minHeight: number): GoogleAppsScript.Document.TableRow {
    this.store.tick();
    this.attributes.MINIMUM_HEIGHT = number(minHeight, 'minHeight');
    return asGas(this);
  }
}

export class EmuTable implements Pick<
  GoogleAppsScript.Document.Table,
  | 'getCell'
  | 'getNumRows'
  | 'getRow'
  | 'getType'
  | 'removeFromParent'
  | 'setAttributes'
  | 'setBorderColor'
  | 'setBorderWidth'
  | 'setColumnWidth'
> {
  readonly [GAS_CLASS] = 'Table';
  readonly [GAS_SERVICE] = 'Document';
  attributes: DocAttributes = {};
  readonly columnWidths: (number | null)[];
  readonly rows: EmuTableRow[];
  constructor(
    readonly store: DocumentStore,
    cells: string[][],
    public parent: Container | null,
  ) {
    const width = Math.max(1, ...cells.map((row) => row.length));
    this.rows = (cells.length > 0 ? cells : [['']]).map(
      (row) =>
        new EmuTableRow(
          store,
          Array.from({ length: width }, (_, i) => new EmuTableCell(store, String(row[i] ?? ''))),
        ),
    );
    this.columnWidths = Array.from({ length: width }, () => null);
  }
  asTable(): GoogleAppsScript.Document.Table {
    return asGas(this);
  }
  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    const row = this.rows[number(rowIndex, 'rowIndex')];
    if (!row) throw new Error(`Row index (${rowIndex}) out of range.`);
    return row.getCell(cellIndex);
  }
  getNumRows(): number {
    return this.rows.length;
  }
  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    const row = this.rows[number(rowIndex, 'rowIndex')];
    if (!row) throw new Error(`Row index (${rowIndex}) out of range.`);
    return asGas(row);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GoogleAppsScript.Document.Table {
    this.store.tick();
    if (this.parent) removeFrom(this.parent, this);
    return asGas(this);
  }
  setAttributes(attributes: unknown): GoogleAppsScript.Document.Table {
    this.store.tick();
    Object.assign(this.attributes, plainAttributes(attributes));
    return asGas(this);
  }
  setBorderColor(color: string): GoogleAppsScript.Document.Table {
    this.store.tick();
    this.attributes.BORDER_COLOR = String(color);
    return asGas(this);
  }
  setBorderWidth(width: number): GoogleAppsScript.Document.Table {
    this.store.tick();
    this.attributes.BORDER_WIDTH = number(width, 'width');
    return asGas(this);
  }
  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    this.store.tick();
    const i = number(columnIndex, 'columnIndex');
    if (i < 0 || i >= this.columnWidths.length)
      throw new Error(`Column index (${i}) out of range.`);
    this.columnWidths[i] = number(width, 'width');
    return asGas(this);
  }
}

export class EmuBody implements Pick<
  GoogleAppsScript.Document.Body,
  | 'appendPageBreak'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'getChild'
  | 'getNumChildren'
  | 'getText'
  | 'setAttributes'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'setMarginTop'
  | 'setPageHeight'
  | 'setPageWidth'
> {
  readonly [GAS_CLASS] = 'Body';
  readonly [GAS_SERVICE] = 'Document';
  /** A new body holds one empty paragraph: a section always ends with a paragraph. */
  children: Child[];
  page = {
    width: A4_WIDTH,
    height: A4_HEIGHT,
    marginTop: DEFAULT_MARGIN,
    marginRight: DEFAULT_MARGIN,
    marginBottom: DEFAULT_MARGIN,
    marginLeft: DEFAULT_MARGIN,
  };
  /** The Docs API's document style fields other than the page's size and margins, as set. */
  style: Record<string, unknown> = {};
  constructor(readonly store: DocumentStore) {
    this.children = [new EmuParagraph(store, '', this)];
  }
  private setPage(key: keyof EmuBody['page'], value: unknown): GoogleAppsScript.Document.Body {
    this.store.tick();
    const n = number(value, key);
    if (n < 0) throw new Error(`Invalid argument: ${key}`);
    this.page[key] = n;
    return asGas(this);
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    // A new paragraph holding the break.
    const paragraph = appendParagraphTo(this, this.store, '');
    paragraph.pageBreak = true;
    return asGas(new EmuPageBreak());
  }
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(
    paragraph: GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph;
  appendParagraph(source: unknown): GoogleAppsScript.Document.Paragraph {
    return asGas(appendParagraphTo(this, this.store, source));
  }
  /** A table from a grid of strings; the body then ends with a new empty paragraph (a guess). */
  appendTable(): GoogleAppsScript.Document.Table;
  appendTable(cells: string[][]): GoogleAppsScript.Document.Table;
  appendTable(table: GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table;
  appendTable(cells?: unknown): GoogleAppsScript.Document.Table {
    this.store.tick();
    if (cells !== undefined && !Array.isArray(cells))
      throw new Error(
        "The parameters don't match the method signature for DocumentApp.Body.appendTable.",
      );
    const table = new EmuTable(
      this.store,
      ((cells as unknown[][] | undefined) ?? [[]]).map((row) => row.map(String)),
      this,
    );
    this.children.push(table, new EmuParagraph(this.store, '', this));
    return asGas(table);
  }
  clear(): GoogleAppsScript.Document.Body {
    this.store.tick();
    this.children = [new EmuParagraph(this.store, '', this)];
    return asGas(this);
  }
  getChild(childIndex: number): Element {
    return childAt(this.children, childIndex);
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getText(): string {
    return this.children
      .map((child) => (child instanceof EmuParagraph ? child.getText() : ''))
      .join('\n');
  }
  setAttributes(attributes: unknown): GoogleAppsScript.Document.Body {
    this.store.tick();
    const a = plainAttributes(attributes);
    const keys: [string, keyof EmuBody['page']][] = [
      ['PAGE_WIDTH', 'width'],
      ['PAGE_HEIGHT', 'height'],
      ['MARGIN_TOP', 'marginTop'],
      ['MARGIN_RIGHT', 'marginRight'],
      ['MARGIN_BOTTOM', 'marginBottom'],
      ['MARGIN_LEFT', 'marginLeft'],
    ];
    for (const [name, key] of keys) if (name in a) this.page[key] = number(a[name], name);
    return asGas(this);
  }
  setMarginBottom(margin: number) {
    return this.setPage('marginBottom', margin);
  }
  setMarginLeft(margin: number) {
    return this.setPage('marginLeft', margin);
  }
  setMarginRight(margin: number) {
    return this.setPage('marginRight', margin);
  }
  setMarginTop(margin: number) {
    return this.setPage('marginTop', margin);
  }
  setPageHeight(height: number) {
    return this.setPage('height', height);
  }
  setPageWidth(width: number) {
    return this.setPage('width', width);
  }
}

export class EmuDocument implements Pick<
  GoogleAppsScript.Document.Document,
  'getAs' | 'getBody' | 'getId' | 'getName' | 'getUrl' | 'saveAndClose'
> {
  readonly [GAS_CLASS] = 'Document';
  readonly [GAS_SERVICE] = 'Document';
  readonly body: EmuBody;
  /** Set by saveAndClose: after it, this object may no longer be used (Apps Script). */
  closed = false;
  /** Bumped by each Docs API batchUpdate (documents.get's revisionId). */
  revision = 1;
  constructor(
    readonly store: DocumentStore,
    readonly id: string,
  ) {
    this.body = new EmuBody(store);
  }
  private open(): void {
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
  }
  /**
   * Drive's conversion of the Doc (application/pdf), as File.getAs does:
   * https://developers.google.com/apps-script/reference/document/document#getAs(String)
   */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const file = this.store.drive.fileById(this.id);
    if (!file) notFound();
    return asGas(this.store.drive.exportFile(file, String(contentType)));
  }
  getBody(): GoogleAppsScript.Document.Body {
    this.open();
    return asGas(this.body);
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.store.drive.fileById(this.id)?.name ?? '';
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  saveAndClose(): void {
    this.open();
    this.closed = true;
  }
}

export class EmuDocumentApp implements Pick<
  GoogleAppsScript.Document.DocumentApp,
  'Attribute' | 'ElementType' | 'HorizontalAlignment' | 'VerticalAlignment' | 'create' | 'openById'
> {
  readonly [GAS_CLASS] = 'DocumentApp';
  readonly [GAS_SERVICE] = 'Document';
  readonly Attribute = gasEnum<D['Attribute']>([
    'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
    'FOREGROUND_COLOR', 'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END',
    'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING',
    'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP',
    'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT',
    'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH',
    'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
  ]); // prettier-ignore
  readonly ElementType = gasEnum<D['ElementType']>([
    'BODY_SECTION', 'PAGE_BREAK', 'PARAGRAPH', 'TABLE', 'TABLE_CELL', 'TABLE_ROW', 'TEXT',
  ]); // prettier-ignore
  readonly HorizontalAlignment = gasEnum<D['HorizontalAlignment']>([
    'LEFT', 'CENTER', 'RIGHT', 'JUSTIFY',
  ]); // prettier-ignore
  readonly VerticalAlignment = gasEnum<D['VerticalAlignment']>(['BOTTOM', 'CENTER', 'TOP']);
  constructor(readonly store: DocumentStore) {}

  /** A new Doc in the root of My Drive, stored as a Google Docs file. */
  create(name: string): GoogleAppsScript.Document.Document {
    return asGas(this.store.createDocument(String(name)));
  }
  /** Each open gives a new Document object on the same content, as in Apps Script. */
  openById(id: string): GoogleAppsScript.Document.Document {
    const found = this.store.documents.get(String(id));
    const file = this.store.drive.fileById(String(id));
    if (!found || !file || file.trashed) notFound();
    const reopened = Object.create(EmuDocument.prototype) as EmuDocument;
    Object.assign(reopened, found, { closed: false });
    return asGas(reopened);
  }
}
