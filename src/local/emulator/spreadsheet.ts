// SpreadsheetApp: a spreadsheet of sheets of cells, with what the add-on reads and writes
// (values, number formats, backgrounds, notes, font weights, frozen rows, filters).
import { a1Notation, parseA1 } from './a1';
import {
  AUTOMATIC_FORMAT,
  DATE_TIME_FORMAT,
  PLAIN_TEXT_FORMAT,
  TIME_ZONE,
  typeInput,
  type CellValue,
} from './cell-input';
import { displayValue } from './format';
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';
import type { EmuUi } from './ui';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

export interface Cell {
  value: CellValue;
  formula: string;
  numberFormat: string;
  background: string;
  note: string;
  fontWeight: FontWeight;
}

const WHITE = '#ffffff';
const EMPTY_CELL: Readonly<Cell> = Object.freeze({
  value: '',
  formula: '',
  numberFormat: AUTOMATIC_FORMAT,
  background: WHITE,
  note: '',
  fontWeight: 'normal',
});
/** Size of a sheet created by insertSheet, as in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff',
  yellow: '#ffff00', orange: '#ffa500', gray: '#808080', grey: '#808080',
}; // prettier-ignore

/** Sheets answers colours as lower-case `#rrggbb`; null resets to white. */
export function normalizeColor(color: string | null): string {
  if (color === null || color === '') return WHITE;
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`;
  const named = NAMED_COLORS[c];
  if (named) return named;
  throw new ServiceError('invalidColor', color);
}

function checkGrid(data: unknown, rows: number, columns: number): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw new ServiceError('signature', 'String', 'SpreadsheetApp.Range.setValues');
  }
  if (data.length !== rows) {
    throw new ServiceError('rowsMismatch', data.length, rows);
  }
  for (const row of data as unknown[][]) {
    if (row.length !== columns) {
      throw new ServiceError('columnsMismatch', row.length, columns);
    }
  }
}

/** What a value written by the script becomes in a cell (strings are typed as user input). */
function writtenValue(
  value: unknown,
  cell: Cell,
): { value: CellValue; formula: string; numberFormat: string } {
  const keep = { formula: '', numberFormat: cell.numberFormat };
  if (value === null || value === undefined) return { value: '', ...keep };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: '#NUM!', ...keep };
    return { value, ...keep };
  }
  if (typeof value === 'boolean') return { value, ...keep };
  if (value instanceof Date) {
    const format = cell.numberFormat === AUTOMATIC_FORMAT ? DATE_TIME_FORMAT : cell.numberFormat;
    return { value: new Date(value.getTime()), formula: '', numberFormat: format };
  }
  const text = String(value);
  if (cell.numberFormat === PLAIN_TEXT_FORMAT) return { value: text, ...keep };
  const typed = typeInput(text);
  return {
    value: typed.formula ? '#ERROR!' : typed.value,
    formula: typed.formula ?? '',
    numberFormat:
      typed.numberFormat && cell.numberFormat === AUTOMATIC_FORMAT
        ? typed.numberFormat
        : cell.numberFormat,
  };
}

export class EmuSheet implements Pick<
  GasSheet,
  | 'activate'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'deleteRows'
  | 'getDataRange'
  | 'getFilter'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getSheetId'
  | 'hideSheet'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'isSheetHidden'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'showSheet'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Sheet';
  readonly [GAS_SERVICE] = 'Spreadsheet';
  /** Sparse rows of cells; a missing cell is an empty one. */
  readonly cells: Array<Array<Cell | undefined> | undefined> = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  filter: EmuFilter | null = null;
  readonly columnWidths = new Map<number, number>();

  constructor(
    readonly spreadsheet: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  cell(row: number, column: number): Readonly<Cell> {
    return this.cells[row - 1]?.[column - 1] ?? EMPTY_CELL;
  }

  /** The cell to change, created if needed. */
  writable(row: number, column: number): Cell {
    const cells = (this.cells[row - 1] ??= []);
    return (cells[column - 1] ??= { ...EMPTY_CELL });
  }

  range(row: number, column: number, numRows = 1, numColumns = 1): EmuRange {
    if (!Number.isInteger(row) || row < 1) throw new ServiceError('startRowTooSmall');
    if (!Number.isInteger(column) || column < 1) {
      throw new ServiceError('startColumnTooSmall');
    }
    if (!Number.isInteger(numRows) || numRows < 1) {
      throw new ServiceError('tooFewRows');
    }
    if (!Number.isInteger(numColumns) || numColumns < 1) {
      throw new ServiceError('tooFewColumns');
    }
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new ServiceError('rangeOutside');
    }
    return new EmuRange(this, row, column, numRows, numColumns);
  }

  activate(): GasSheet {
    this.spreadsheet.activeSheet = this;
    return asGas(this);
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): GasSheet {
    return asGas(this);
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    this.range(1, 1, this.maxRows, this.maxColumns).clear(options ?? {});
    return asGas(this);
  }
  clearContents(): GasSheet {
    return this.clear({ contentsOnly: true });
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.range(rowPosition, 1, howMany, 1);
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.range(1, afterPosition);
    for (const row of this.cells) {
      if (row && row.length > afterPosition) {
        row.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => undefined));
      }
    }
    this.maxColumns += howMany;
    return asGas(this);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.range(afterPosition, 1);
    if (this.cells.length > afterPosition) {
      this.cells.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => undefined));
    }
    this.maxRows += howMany;
    return asGas(this);
  }
  getDataRange(): GasRange {
    return asGas(
      this.range(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())),
    );
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.filter && asGas(this.filter);
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  /** Last row holding a value or a formula; 0 for an empty sheet. */
  getLastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      if (this.cells[r - 1]?.some((c) => c && (c.value !== '' || c.formula !== ''))) return r;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.value !== '' || cell.formula !== '')) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getName(): string {
    return this.name;
  }
  getParent(): GasSpreadsheet {
    return asGas(this.spreadsheet);
  }
  getRange(row: number, column: number): GasRange;
  getRange(row: number, column: number, numRows: number): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof a === 'string') {
      const area = parseA1(a);
      return asGas(
        this.range(area.row, area.column, area.numRows ?? this.maxRows - area.row + 1,
          area.numColumns ?? this.maxColumns - area.column + 1), // prettier-ignore
      );
    }
    if (column === undefined)
      throw new ServiceError('signature', 'number', 'SpreadsheetApp.Sheet.getRange');
    return asGas(this.range(a, column, numRows ?? 1, numColumns ?? 1));
  }
  getSheetId(): number {
    return this.sheetId;
  }
  hideSheet(): GasSheet {
    this.hidden = true;
    return asGas(this);
  }
  showSheet(): GasSheet {
    this.hidden = false;
    return asGas(this);
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.columnWidths.set(columnPosition, width);
    return asGas(this);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return asGas(this);
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.maxRows) throw new ServiceError('invalidArgument', 'rows');
    this.frozenRows = rows;
  }
  setName(name: string): GasSheet {
    const other = this.spreadsheet.sheetByName(name);
    if (other && other !== this) {
      throw new ServiceError('sheetNameTaken', name);
    }
    this.name = name;
    return asGas(this);
  }
}

type RangeMethods =
  | 'activate' | 'clear' | 'clearNote' | 'createFilter' | 'getA1Notation' | 'getBackground'
  | 'getBackgrounds' | 'getCell' | 'getColumn' | 'getDisplayValue' | 'getDisplayValues'
  | 'getFilter' | 'getFontWeight' | 'getFontWeights' | 'getFormula' | 'getFormulas'
  | 'getLastColumn' | 'getLastRow' | 'getNote' | 'getNotes' | 'getNumColumns' | 'getNumRows'
  | 'getNumberFormat' | 'getNumberFormats' | 'getRow' | 'getSheet' | 'getValue' | 'getValues'
  | 'offset' | 'setBackground' | 'setBackgrounds' | 'setFontWeight' | 'setFontWeights'
  | 'setNote' | 'setNotes' | 'setNumberFormat' | 'setNumberFormats' | 'setValue' | 'setValues'
  | 'clearContent' | 'clearFormat'; // prettier-ignore

export class EmuRange implements Pick<GasRange, RangeMethods> {
  readonly [GAS_CLASS] = 'Range';
  readonly [GAS_SERVICE] = 'Spreadsheet';

  constructor(
    readonly sheet: EmuSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private map<T>(read: (cell: Readonly<Cell>) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numColumns }, (_, c) =>
        read(this.sheet.cell(this.row + r, this.column + c)),
      ),
    );
  }

  private each(write: (cell: Cell, r: number, c: number) => void): this {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++)
        write(this.sheet.writable(this.row + r, this.column + c), r, c);
    }
    return this;
  }

  private grid<T>(data: T[][], write: (cell: Cell, value: T) => void): GasRange {
    checkGrid(data, this.numRows, this.numColumns);
    return asGas(this.each((cell, r, c) => write(cell, data[r]![c]!)));
  }

  activate(): GasRange {
    this.sheet.activate();
    return asGas(this);
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasRange {
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    return asGas(
      this.each((cell) => {
        if (contents) Object.assign(cell, { value: '', formula: '' });
        if (formats) {
          Object.assign(cell, {
            numberFormat: AUTOMATIC_FORMAT,
            background: WHITE,
            fontWeight: 'normal',
          });
        }
      }),
    );
  }
  clearContent(): GasRange {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): GasRange {
    return this.clear({ formatOnly: true });
  }
  clearNote(): GasRange {
    return asGas(this.each((cell) => (cell.note = '')));
  }
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    if (this.sheet.filter) {
      throw new ServiceError('filterExists');
    }
    this.sheet.filter = new EmuFilter(this);
    return asGas(this.sheet.filter);
  }
  getA1Notation(): string {
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }
  getBackground(): string {
    return this.sheet.cell(this.row, this.column).background;
  }
  getBackgrounds(): string[][] {
    return this.map((cell) => cell.background);
  }
  getCell(row: number, column: number): GasRange {
    if (row > this.numRows || column > this.numColumns) throw new ServiceError('cellOutOfRange');
    return asGas(this.sheet.range(this.row + row - 1, this.column + column - 1));
  }
  getColumn(): number {
    return this.column;
  }
  getDisplayValue(): string {
    const cell = this.sheet.cell(this.row, this.column);
    return displayValue(cell.value, cell.numberFormat);
  }
  getDisplayValues(): string[][] {
    return this.map((cell) => displayValue(cell.value, cell.numberFormat));
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.sheet.getFilter();
  }
  getFontWeight(): FontWeight {
    return this.sheet.cell(this.row, this.column).fontWeight;
  }
  getFontWeights(): FontWeight[][] {
    return this.map((cell) => cell.fontWeight);
  }
  getFormula(): string {
    return this.sheet.cell(this.row, this.column).formula;
  }
  getFormulas(): string[][] {
    return this.map((cell) => cell.formula);
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getNote(): string {
    return this.sheet.cell(this.row, this.column).note;
  }
  getNotes(): string[][] {
    return this.map((cell) => cell.note);
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.row, this.column).numberFormat;
  }
  getNumberFormats(): string[][] {
    return this.map((cell) => cell.numberFormat);
  }
  getRow(): number {
    return this.row;
  }
  getSheet(): GasSheet {
    return asGas(this.sheet);
  }
  getValue(): unknown {
    const value = this.sheet.cell(this.row, this.column).value;
    return value instanceof Date ? new Date(value.getTime()) : value;
  }
  getValues(): unknown[][] {
    return this.map((cell) =>
      cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value,
    );
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return asGas(
      this.sheet.range(this.row + rowOffset, this.column + columnOffset, numRows ?? this.numRows,
        numColumns ?? this.numColumns), // prettier-ignore
    );
  }
  setBackground(color: string | null): GasRange {
    const normalized = normalizeColor(color);
    return asGas(this.each((cell) => (cell.background = normalized)));
  }
  setBackgrounds(colors: Array<Array<string | null>>): GasRange {
    checkGrid(colors, this.numRows, this.numColumns);
    const normalized = colors.map((row) => row.map(normalizeColor));
    return this.grid(normalized, (cell, color) => (cell.background = color));
  }
  setFontWeight(fontWeight: FontWeight | null): GasRange {
    return asGas(this.each((cell) => (cell.fontWeight = fontWeight ?? 'normal')));
  }
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): GasRange {
    return this.grid(fontWeights, (cell, weight) => (cell.fontWeight = weight ?? 'normal'));
  }
  setNote(note: string | null): GasRange {
    return asGas(this.each((cell) => (cell.note = note === null ? '' : String(note))));
  }
  setNotes(notes: Array<Array<string | null>>): GasRange {
    return this.grid(notes, (cell, note) => (cell.note = note === null ? '' : String(note)));
  }
  setNumberFormat(numberFormat: string): GasRange {
    return asGas(this.each((cell) => (cell.numberFormat = numberFormat)));
  }
  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.grid(numberFormats, (cell, format) => (cell.numberFormat = format));
  }
  setValue(value: unknown): GasRange {
    return asGas(this.each((cell) => Object.assign(cell, writtenValue(value, cell))));
  }
  setValues(values: unknown[][]): GasRange {
    return this.grid(values, (cell, value) => Object.assign(cell, writtenValue(value, cell)));
  }
}

export class EmuFilter implements Pick<GoogleAppsScript.Spreadsheet.Filter, 'getRange' | 'remove'> {
  readonly [GAS_CLASS] = 'Filter';
  readonly [GAS_SERVICE] = 'Spreadsheet';
  constructor(readonly range: EmuRange) {}
  getRange(): GasRange {
    return asGas(this.range);
  }
  remove(): void {
    if (this.range.sheet.filter === this) this.range.sheet.filter = null;
  }
}

export class EmuSpreadsheet implements Pick<
  GasSpreadsheet,
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'toast'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Spreadsheet';
  readonly [GAS_SERVICE] = 'Spreadsheet';
  readonly sheets: EmuSheet[] = [];
  activeSheet: EmuSheet | null = null;
  readonly toasts: Array<{ message: string; title: string }> = [];
  private nextSheetId = 0;

  constructor(
    public name: string,
    readonly id = 'emulated-spreadsheet',
    readonly locale = 'fr_FR',
    readonly timeZone = TIME_ZONE,
  ) {}

  sheetByName(name: string): EmuSheet | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }

  /** Adds a sheet at a 0-based position; what insertSheet and the CSV import share. */
  addSheet(
    name: string | undefined,
    index: number,
    rows = NEW_SHEET_ROWS,
    columns = NEW_SHEET_COLUMNS,
  ): EmuSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Feuille ${n}`)) n++;
      sheetName = `Feuille ${n}`;
    }
    if (this.sheetByName(sheetName)) {
      throw new ServiceError('sheetNameTaken', sheetName);
    }
    const sheet = new EmuSheet(this, sheetName, this.nextSheetId++, rows, columns);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: GasSheet): void {
    const target = sheet as unknown as EmuSheet;
    const index = this.sheets.indexOf(target);
    if (index < 0) throw new ServiceError('sheetNotFound');
    if (this.sheets.length === 1) throw new ServiceError('lastSheet');
    this.sheets.splice(index, 1);
    if (this.activeSheet === target) this.activeSheet = this.sheets[Math.max(0, index - 1)]!;
  }
  getActiveSheet(): GasSheet {
    return asGas(this.activeSheet ?? this.sheets[0]!);
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getRange(a1: string): GasRange {
    const area = parseA1(a1);
    const sheet =
      area.sheetName === undefined ? this.activeSheet : this.sheetByName(area.sheetName);
    if (!sheet) throw new ServiceError('rangeNotFound', a1);
    return sheet.getRange(a1.slice(a1.lastIndexOf('!') + 1));
  }
  getSheetById(id: number): GasSheet | null {
    const sheet = this.sheets.find((s) => s.sheetId === id);
    return sheet ? asGas(sheet) : null;
  }
  getSheetByName(name: string): GasSheet | null {
    const sheet = this.sheetByName(name);
    return sheet ? asGas(sheet) : null;
  }
  getSheets(): GasSheet[] {
    return this.sheets.map((sheet) => asGas(sheet));
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  insertSheet(): GasSheet;
  insertSheet(sheetIndex: number): GasSheet;
  insertSheet(sheetIndex: number, options: { template?: GasSheet }): GasSheet;
  insertSheet(options: { template?: GasSheet }): GasSheet;
  insertSheet(sheetName: string): GasSheet;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  insertSheet(sheetName: string, sheetIndex: number, options: { template?: GasSheet }): GasSheet;
  insertSheet(sheetName: string, options: { template?: GasSheet }): GasSheet;
  insertSheet(a?: unknown, b?: unknown): GasSheet {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    // Without an index, the new sheet goes right after the active one (see docs/EMULATOR.md).
    const active = this.activeSheet
      ? this.sheets.indexOf(this.activeSheet)
      : this.sheets.length - 1;
    return asGas(this.addSheet(name, index ?? active + 1));
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    this.activeSheet = sheet as unknown as EmuSheet;
    return sheet;
  }
  toast(message: string, title?: string): void {
    this.toasts.push({ message: String(message), title: title ?? '' });
  }
}

export class EmuSpreadsheetApp implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'flush' | 'getActive' | 'getActiveSheet' | 'getActiveSpreadsheet' | 'getUi'
> {
  readonly [GAS_CLASS] = 'SpreadsheetApp';
  readonly [GAS_SERVICE] = 'Spreadsheet';
  constructor(
    readonly spreadsheet: EmuSpreadsheet,
    private readonly ui: EmuUi,
  ) {}
  flush(): void {}
  getActive(): GasSpreadsheet {
    return asGas(this.spreadsheet);
  }
  getActiveSheet(): GasSheet {
    return this.spreadsheet.getActiveSheet();
  }
  getActiveSpreadsheet(): GasSpreadsheet {
    return asGas(this.spreadsheet);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return asGas(this.ui);
  }
}
