// From a table (CSV rows or Sheets' getValues()) to accounts (SPEC §1).
import { cellText, activationCodeOf, isTruthyCell, splitList } from './cells';
import { appendUnique, ClassLevelVotes, levelFromClassName, PupilIndex } from './classes';
import { DEFAULT_TIME_ZONE, parseDateCell, type DateCell } from './dates';
import { emailStatus } from './email';
import { recognizeHeaders, type ColumnReport, type Field } from './headers';
import { messages } from './messages';
import { headerKey } from './normalize';
import { knownProfileOf } from './profiles';
import type { Account, IsoDate, KnownProfile, UserError } from './types';
import { WarningList } from './warnings';

export type LoadResult =
  | {
      ok: true;
      accounts: Account[];
      columns: ColumnReport;
      warnings: string[];
      /** All the warnings raised: `warnings` keeps a few of each kind (see WarningList). */
      warningCount: number;
      /** Rows kept out of the accounts because they cannot be trusted (see untrustedRow). */
      rejectedRows: number[];
    }
  | { ok: false; error: UserError };

/** Where a text format's record lay (CSV): its lines in the file and a misplaced quote. */
export interface RowShape {
  line: number;
  lastLine: number;
  /** 0-based field with text after its closing quote, or -1. */
  strayQuote: number;
}

export interface LoadOptions {
  /** The spreadsheet's time zone: a Date cell is midnight there. Default Europe/Paris. */
  timeZone?: string;
}

const ADMIN_FUNCTIONS = new Set(['admin local', 'administrateur local']);

/**
 * Lists that several accounts share (classes, levels, children) are frozen: a caller that
 * changed one account's list would otherwise change every account holding it.
 */
function freezeList(list: string[]): string[] {
  return Object.freeze(list) as string[];
}

const EMPTY_LIST = freezeList([]);

/** The digits of a `dd/mm/yyyy` text as one number (yyyymmdd), or -1 for any other text. */
function dayFirstNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return -1;
  let number = 0;
  for (const at of DAY_FIRST_DIGITS) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}
// Year, month, day: the number orders and names the day.
const DAY_FIRST_DIGITS = [6, 7, 8, 9, 3, 4, 0, 1];

type ListLevels = Pick<Account, 'levels' | 'classLevels'>;

/**
 * A class list that accounts share (a class cell, the classes of a children cell), with the
 * levels of its accounts by their own level cell: built once per list and level, and found
 * again without a lookup for the level seen last (a class's pupils share their level cell).
 */
class SharedClasses {
  private lastOwn: string | null = null;
  private lastLevels: ListLevels | null = null;
  private others: Map<string, ListLevels> | null = null;

  // The level cells of the rows whose own classes this is, counted for the class levels: the
  // level seen last in a counter (a class's pupils share theirs), the others in a map.
  private countedLevel = '';
  private counted = 0;
  // Made once a level is counted: the lists of parents' children never are.
  private levelCounts: Map<string, number> | null = null;

  constructor(readonly list: string[]) {}

  countLevel(level: string): void {
    if (level === this.countedLevel) this.counted++;
    else {
      this.keepCount();
      this.countedLevel = level;
      this.counted = 1;
    }
  }

  private keepCount(): void {
    if (this.counted === 0) return;
    const level = this.countedLevel;
    const counts = (this.levelCounts ??= new Map());
    counts.set(level, (counts.get(level) ?? 0) + this.counted);
    this.counted = 0;
  }

  addLevelVotes(votes: ClassLevelVotes): void {
    this.keepCount();
    if (!this.levelCounts) return;
    for (const [level, count] of this.levelCounts) votes.add(this.list, level, count);
  }

  levels(own: string, levelOf: (className: string) => string): ListLevels {
    if (own === this.lastOwn) return this.lastLevels!;
    // A second level cell for the list (rare): the one seen before is kept in a map.
    if (this.lastLevels) (this.others ??= new Map()).set(this.lastOwn!, this.lastLevels);
    let found = this.others?.get(own);
    if (!found) {
      const classLevels = this.list.map(levelOf);
      // A handful of levels: a linear search costs less than a Set per list.
      const levels = appendUnique([], classLevels);
      if (own !== '' && !levels.includes(own)) levels.push(own);
      found = { levels: freezeList(levels), classLevels: freezeList(classLevels) };
    }
    this.lastOwn = own;
    this.lastLevels = found;
    return found;
  }
}

const hasBreak = (cell: string) => cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;

/** Reads an export: the first non-empty row is the header, every non-empty row after it an account. */
export function loadAccounts(
  table: readonly (readonly unknown[])[],
  options: LoadOptions = {},
): LoadResult {
  const loader = new AccountLoader(options);
  for (const row of table) loader.add(row);
  return loader.finish();
}

type ColumnIndices = Record<
  | 'lastName'
  | 'firstName'
  | 'login'
  | 'profile'
  | 'loginAlias'
  | 'activationCode'
  | 'email'
  | 'classes'
  | 'level'
  | 'children'
  | 'functions'
  | 'localAdmin'
  | 'createdAt'
  | 'blocked',
  number
>;

/**
 * loadAccounts one row at a time, for a reader that would rather not hold the whole table (the
 * CLI on a large CSV): `add` every row in source order, then `finish`.
 */
export class AccountLoader {
  private readonly timeZone: string;
  private rowCount = 0;
  private error: UserError | null = null;
  private columns: ColumnReport | null = null;
  private at: ColumnIndices | null = null;
  private dateHeader = '';
  /** The header's cells, and how many up to its last non-empty one: a row's expected width. */
  private headerCells: string[] = [];
  private width = 0;
  private readonly rejectedRows: number[] = [];
  private readonly warnings = new WarningList();
  // Few distinct profile cells and creation dates in a file: read each once.
  private readonly profiles = new Map<string, KnownProfile | null>();
  private readonly dates = new Map<string, DateCell>();
  private readonly days = new Map<number, DateCell>();
  private readonly names = new Map<string, string>();
  private readonly accounts: Account[] = [];
  /** Each account's classes as a shared list: its own, then (finish) its effective ones. */
  private readonly classLists: SharedClasses[] = [];
  // What finish() needs from each row is gathered while the row is read: a second pass over
  // 66,000 accounts costs more in memory traffic than the work itself.
  /** Pupils by the names a children cell can give them: indices into `accounts`. */
  private readonly pupils = new PupilIndex();
  /** Parents: indices into `accounts`. */
  private readonly relatives: number[] = [];
  /** The row of each login's first account, and the rows of every login seen more than once. */
  private readonly loginRows = new Map<string, number>();
  private readonly sameLogins = new Map<string, number[]>();

  constructor(options: LoadOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  // Class and children cells repeat (every pupil of a class, both parents of a family): split
  // each once and share the list between its accounts. Fewer arrays that outlive the load is
  // what makes a large export fast (garbage collection copies every surviving object), and
  // shared strings make the later comparisons of class names cheap.
  private readonly classCells = new Map<string, SharedClasses>();
  private readonly childrenCells = new Map<string, string[]>();
  private readonly noClasses = new SharedClasses(EMPTY_LIST);

  private classesOf(cell: string): SharedClasses {
    if (cell === '') return this.noClasses;
    let shared = this.classCells.get(cell);
    if (!shared)
      this.classCells.set(cell, (shared = new SharedClasses(freezeList(splitList(cell)))));
    return shared;
  }

  private childrenOf(cell: string): string[] {
    if (cell === '') return EMPTY_LIST;
    let list = this.childrenCells.get(cell);
    if (!list) this.childrenCells.set(cell, (list = freezeList(splitList(cell))));
    return list;
  }

  private text(value: unknown): string {
    return cellText(value, this.timeZone);
  }

  /**
   * One row; the loader reads it and keeps none of it, so a reader may refill one array (and
   * shape). A text reader passes the record's shape, for the lines it names and its quotes.
   */
  add(source: readonly unknown[], shape?: RowShape): void {
    this.rowCount++;
    if (this.error) return;
    if (!this.at) this.readHeader(source);
    else this.readRow(source, this.rowCount, shape);
  }

  private readHeader(source: readonly unknown[]): void {
    if (!source.some((cell) => this.text(cell) !== '')) return;
    const recognized = recognizeHeaders(source.map((cell) => this.text(cell)));
    if (!recognized.ok) {
      this.error = {
        code: 'missing-columns',
        message: messages.missingColumns(recognized.missingRequired, recognized.headers),
      };
      return;
    }
    const columns = (this.columns = recognized.columns);
    this.headerCells = source.map((cell) => this.text(cell));
    this.width = this.headerCells.length;
    while (this.width > 0 && this.headerCells[this.width - 1] === '') this.width--;
    for (const warning of recognized.warnings) this.warnings.add('headers', () => warning);
    if (!columns.found.activationCode) this.warnings.add('no-code', messages.noActivationColumn);
    const column = (field: Field) => columns.found[field]?.index ?? -1;
    this.at = {
      lastName: column('lastName'),
      firstName: column('firstName'),
      login: column('login'),
      profile: column('profile'),
      loginAlias: column('loginAlias'),
      activationCode: column('activationCode'),
      email: column('email'),
      classes: column('classes'),
      level: column('level'),
      children: column('children'),
      functions: column('functions'),
      localAdmin: column('localAdmin'),
      createdAt: column('createdAt'),
      blocked: column('blocked'),
    };
    this.dateHeader = columns.found.createdAt?.header ?? '';
  }

  /** A cell as trimmed text; '' for a column the export does not have. */
  private cell(source: readonly unknown[], index: number): string {
    if (index < 0) return '';
    const value = source[index];
    if (typeof value !== 'string') return this.text(value);
    // Most cells start and end with a printable ASCII character: nothing to trim. An empty
    // cell is answered first: reading its character 0 would deoptimize this hot function.
    if (value.length === 0) return value;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
  }

  /**
   * Equal names as one string: a school repeats first names and families, and one string per
   * name is less memory to carry and hashes once for the later lookups (keys, sort).
   */
  private name(text: string): string {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    this.names.set(text, text);
    return text;
  }

  private profileOf(cell: string, row: number): KnownProfile | null {
    let known = this.profiles.get(cell);
    if (known === undefined) this.profiles.set(cell, (known = knownProfileOf(cell)));
    if (!known) this.warnings.add('unknown-profile', () => messages.unknownProfile(cell, row));
    return known;
  }

  private dateOf(value: unknown, row: number): IsoDate | null {
    let date: DateCell | undefined;
    if (typeof value === 'string') {
      // `dd/mm/yyyy`, the export's own format, is looked up by its digits as a number: no
      // string to hash per row. Any other text by the text itself.
      const day = dayFirstNumber(value);
      date = day < 0 ? this.dates.get(value) : this.days.get(day);
      if (date === undefined) {
        date = parseDateCell(value, this.timeZone);
        if (day < 0) this.dates.set(value, date);
        else this.days.set(day, date);
      }
    } else date = parseDateCell(value, this.timeZone);
    if (date.day === null && date.invalid) {
      const header = this.dateHeader;
      const text = this.text(value);
      this.warnings.add('invalid-date', () => messages.invalidDate(text, row, header));
    }
    return date.day;
  }

  /**
   * Why a row cannot be trusted, or null: its cells are not where the header says (a field more
   * or less, a misplaced quote), or a cell that every letter needs is blank or broken. Read as
   * it is, such a row could hand out an activation code as a login, or call a cut row activated.
   */
  private untrusted(
    source: readonly unknown[],
    shape: RowShape | undefined,
  ): (() => string) | null {
    const width = this.width;
    if (shape && shape.strayQuote >= 0) {
      const column = shape.strayQuote;
      return () => messages.strayQuote(column + 1, this.headerCells[column] ?? '');
    }
    if (source.length < width) {
      const found = source.length;
      return () => messages.fieldCount(found, width);
    }
    for (let i = width; i < source.length; i++) {
      if (this.text(source[i]) === '') continue;
      if (shape) {
        const found = source.length;
        return () => messages.fieldCount(found, width);
      }
      const column = i + 1;
      return () => messages.beyondHeader(column);
    }
    return null;
  }

  /** The first cell every letter needs that holds a line break, or is blank; else null. */
  private brokenOrBlank(
    identifiant: string,
    alias: string,
    lastName: string,
    firstName: string,
    profile: string,
    code: string,
  ): (() => string) | null {
    const cells: [Field, string][] = [
      ['login', identifiant],
      ['loginAlias', alias],
      ['lastName', lastName],
      ['firstName', firstName],
      ['profile', profile],
      ['activationCode', code],
    ];
    const broken = cells.find(([, cell]) => hasBreak(cell))?.[0];
    if (broken) return () => messages.brokenCell(broken);
    // A login or its alias will do; the last name, first name and profile are all needed.
    const blank =
      identifiant === '' && alias === ''
        ? 'login'
        : cells.slice(2, 5).find(([, cell]) => cell === '')?.[0];
    return blank ? () => messages.blankCell(blank) : null;
  }

  /** The header again (two exports pasted one after the other): no account is called "Identifiant". */
  private repeatedHeader(identifiant: string, profile: string): (() => string) | null {
    const at = this.at!;
    const same = (cell: string, index: number) => cell === (this.headerCells[index] ?? '').trim();
    return same(identifiant, at.login) && same(profile, at.profile)
      ? () => messages.repeatedHeader()
      : null;
  }

  private readRow(source: readonly unknown[], row: number, shape?: RowShape): void {
    const at = this.at!;
    const identifiant = this.cell(source, at.login);
    const alias = this.cell(source, at.loginAlias);
    const lastName = this.name(this.cell(source, at.lastName));
    const firstName = this.name(this.cell(source, at.firstName));
    // A row is empty when every cell is, unknown columns included.
    if (identifiant === '' && lastName === '' && !source.some((cell) => this.text(cell) !== '')) {
      return;
    }
    const profileCell = this.cell(source, at.profile);
    const codeCell = this.cell(source, at.activationCode);
    const problem =
      this.untrusted(source, shape) ??
      this.brokenOrBlank(identifiant, alias, lastName, firstName, profileCell, codeCell) ??
      this.repeatedHeader(identifiant, profileCell);
    if (problem) {
      this.rejectedRows.push(row);
      const where = shape ? { line: shape.line, lastLine: shape.lastLine } : null;
      this.warnings.add('untrusted-row', () => messages.untrustedRow(row, where, problem()));
      return;
    }
    const known = this.profileOf(profileCell, row);
    const code = activationCodeOf(codeCell);
    const email = this.cell(source, at.email);
    const functionsCell = this.cell(source, at.functions);
    const functions = functionsCell === '' ? EMPTY_LIST : splitList(functionsCell);
    const createdAt = this.dateOf(at.createdAt < 0 ? undefined : source[at.createdAt], row);
    const shared = this.classesOf(this.cell(source, at.classes));
    const classes = shared.list;
    const childrenCell = this.cell(source, at.children);
    const children = this.childrenOf(childrenCell);
    const level = this.cell(source, at.level);
    const login = alias !== '' ? alias : identifiant;
    const index = this.accounts.length;
    if (known === 'Student') {
      this.pupils.add(firstName, lastName, index);
    } else if (known === 'Relative') {
      this.relatives.push(index);
    }
    shared.countLevel(level);
    const first = this.loginRows.get(login);
    if (first === undefined) this.loginRows.set(login, row);
    else if (login !== '') {
      const rows = this.sameLogins.get(login);
      if (rows) rows.push(row);
      else this.sameLogins.set(login, [first, row]);
    }
    this.classLists.push(shared);
    // Every field set here, in one order, even those finish() fills: one object shape.
    this.accounts.push({
      row,
      login,
      originalLogin: identifiant,
      lastName,
      firstName,
      profile: known ?? profileCell,
      activated: code === null,
      activationCode: code,
      email: email === '' ? null : email,
      emailStatus: emailStatus(email),
      classes,
      levels: EMPTY_LIST,
      children,
      functions,
      localAdmin:
        isTruthyCell(this.cell(source, at.localAdmin)) ||
        (functions.length > 0 && functions.some((f) => ADMIN_FUNCTIONS.has(headerKey(f)))),
      blocked: isTruthyCell(this.cell(source, at.blocked)),
      createdAt,
      ownLevel: level === '' ? null : level,
      classLevels: EMPTY_LIST,
    });
  }

  finish(): LoadResult {
    if (this.error) return { ok: false, error: this.error };
    if (!this.columns) {
      return { ok: false, error: { code: 'empty-table', message: messages.emptyTable() } };
    }
    const { accounts, classLists, warnings } = this;
    addChildrenClasses(accounts, classLists, this.pupils, this.relatives, warnings);
    // Classes without a vote take their name's first word, below.
    const votes = new ClassLevelVotes();
    for (const shared of this.classCells.values()) shared.addLevelVotes(votes);
    const levels = votes.levels();
    // Class names are shared strings (see classesOf): one lookup each.
    const levelOf = (name: string) => {
      let level = levels.get(name);
      if (level === undefined) levels.set(name, (level = levelFromClassName(name)));
      return level;
    };
    // Accounts share their class lists: the levels of each list and own level are built once.
    for (let i = 0; i < accounts.length; i++) {
      const account = accounts[i]!;
      const found = classLists[i]!.levels(account.ownLevel ?? '', levelOf);
      account.classLevels = found.classLevels;
      account.levels = found.levels;
    }
    for (const [login, rows] of this.sameLogins) {
      warnings.add('same-login', () => messages.sameLogin(login, rows));
    }
    return {
      ok: true,
      accounts,
      columns: this.columns,
      warnings: warnings.list(messages.more),
      warningCount: warnings.count,
      rejectedRows: this.rejectedRows,
    };
  }
}

/** What a children cell brings to a parent: its pupils' classes, and the names with homonyms. */
interface ChildrenCell {
  classes: SharedClasses;
  homonyms: { child: string; pupils: readonly number[] }[];
}

/** A parent's effective classes: its own, then those of every pupil named in its children cell. */
function addChildrenClasses(
  accounts: Account[],
  classLists: SharedClasses[],
  pupils: PupilIndex,
  relatives: readonly number[],
  warnings: WarningList,
): void {
  // Both parents of a family, and parents of siblings, write the same cell: read each once.
  // Appending the pupils' classes in turn, duplicates dropped, gives the same list as appending
  // each pupil's classes one after the other. A cell's accounts share one children list (see
  // childrenOf): the list itself is the key, found without hashing the cell's text again.
  const cells = new Map<readonly string[], ChildrenCell | null>();
  const readCell = (children: readonly string[]): ChildrenCell | null => {
    let classes: string[] | null = null;
    const homonyms: ChildrenCell['homonyms'] = [];
    for (const child of children) {
      const matches = pupils.find(child);
      if (matches.length === 0) continue;
      classes ??= [];
      if (matches.length > 1) homonyms.push({ child, pupils: matches });
      // A short list: a linear search costs less than a hash set.
      for (const m of matches) appendUnique(classes, classLists[m]!.list);
    }
    return classes && { classes: new SharedClasses(freezeList(classes)), homonyms };
  };
  const rowsOf = (indices: readonly number[]) => indices.map((m) => accounts[m]!.row);
  for (const i of relatives) {
    const account = accounts[i]!;
    let read = cells.get(account.children);
    if (read === undefined) cells.set(account.children, (read = readCell(account.children)));
    if (!read) continue;
    for (const { child, pupils: found } of read.homonyms) {
      warnings.add('homonym-children', () =>
        messages.homonymChildren(child, account.row, rowsOf(found)),
      );
    }
    const effective =
      account.classes.length === 0
        ? read.classes
        : new SharedClasses(freezeList(appendUnique(account.classes.slice(), read.classes.list)));
    classLists[i] = effective;
    account.classes = effective.list;
  }
}
