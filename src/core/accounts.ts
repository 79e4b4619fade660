// From a table (CSV rows or Sheets' getValues()) to accounts (SPEC §1).
import { cellText, activationCodeOf, isTruthyCell, splitList } from './cells';
import { appendUnique, childKeys, ClassLevelVotes, levelFromClassName } from './classes';
import { DEFAULT_TIME_ZONE, parseDateCell, type DateCell } from './dates';
import { emailStatus } from './email';
import { recognizeHeaders, type ColumnReport, type Field } from './headers';
import { messages } from './messages';
import { headerKey, nameKey } from './normalize';
import { knownProfileOf } from './profiles';
import type { Account, KnownProfile, UserError } from './types';
import { WarningList } from './warnings';

export type LoadResult =
  | { ok: true; accounts: Account[]; columns: ColumnReport; warnings: string[] }
  | { ok: false; error: UserError };

export interface LoadOptions {
  /** The spreadsheet's time zone: a Date cell is midnight there. Default Europe/Paris. */
  timeZone?: string;
}

const ADMIN_FUNCTIONS = new Set(['admin local', 'administrateur local']);

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
  private readonly warnings = new WarningList();
  // Few distinct profile cells and creation dates in a file: read each once.
  private readonly profiles = new Map<string, KnownProfile | null>();
  private readonly dates = new Map<string, DateCell>();
  private readonly accounts: Account[] = [];
  private readonly ownClasses: string[][] = [];
  // What finish() needs from each row is gathered while the row is read: a second pass over
  // 66,000 accounts costs more in memory traffic than the work itself.
  /** Pupils by the keys a children cell can name them with: indices into `accounts`. */
  private readonly pupils = new Map<string, number[]>();
  /** Parents: index into `accounts` and children cell as written (trimmed). */
  private readonly relatives: number[] = [];
  private readonly relativeCells: string[] = [];
  private readonly votes = new ClassLevelVotes();
  private readonly logins = new Set<string>();
  private readonly repeatedLogins: string[] = [];

  constructor(options: LoadOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  // Class cells repeat (every pupil of a class): split each once and share its strings, which
  // makes the later comparisons of class names cheap.
  private readonly classCells = new Map<string, string[]>();

  private classList(cell: string): string[] {
    if (cell === '') return [];
    let list = this.classCells.get(cell);
    if (!list) this.classCells.set(cell, (list = splitList(cell)));
    return list.slice();
  }

  private text(value: unknown): string {
    return cellText(value, this.timeZone);
  }

  add(source: readonly unknown[]): void {
    this.rowCount++;
    if (this.error) return;
    if (!this.at) this.readHeader(source);
    else this.readRow(source, this.rowCount);
  }

  private readHeader(source: readonly unknown[]): void {
    if (!source.some((cell) => this.text(cell) !== '')) return;
    const recognized = recognizeHeaders(
      source.map((cell) => this.text(cell)),
      this.rowCount,
    );
    if (!recognized.ok) {
      this.error = {
        code: 'missing-columns',
        message: messages.missingColumns(recognized.missingRequired, recognized.headers),
      };
      return;
    }
    const columns = (this.columns = recognized.columns);
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

  private readRow(source: readonly unknown[], row: number): void {
    const at = this.at!;
    const { warnings, timeZone } = this;
    const get = (index: number) => (index < 0 ? '' : this.text(source[index]));

    const identifiant = get(at.login);
    const alias = get(at.loginAlias);
    const lastName = get(at.lastName);
    const firstName = get(at.firstName);
    // A row is empty when every cell is, unknown columns included.
    if (identifiant === '' && lastName === '' && !source.some((cell) => this.text(cell) !== '')) {
      return;
    }
    if (identifiant === '' && alias === '')
      warnings.add('empty-login', () => messages.emptyLogin(row));

    const profileCell = get(at.profile);
    let known = this.profiles.get(profileCell);
    if (known === undefined) this.profiles.set(profileCell, (known = knownProfileOf(profileCell)));
    if (!known) warnings.add('unknown-profile', () => messages.unknownProfile(profileCell, row));

    const code = activationCodeOf(get(at.activationCode));
    const email = get(at.email);
    const functions = splitList(get(at.functions));
    const dateValue = at.createdAt < 0 ? undefined : source[at.createdAt];
    let date: DateCell;
    if (typeof dateValue === 'string') {
      const cached = this.dates.get(dateValue);
      if (cached) date = cached;
      else this.dates.set(dateValue, (date = parseDateCell(dateValue, timeZone)));
    } else date = parseDateCell(dateValue, timeZone);
    if (date.day === null && date.invalid) {
      const header = this.dateHeader;
      warnings.add('invalid-date', () => messages.invalidDate(this.text(dateValue), row, header));
    }
    const classes = this.classList(get(at.classes));
    const childrenCell = get(at.children);
    const children = splitList(childrenCell);
    const level = get(at.level);
    const login = alias !== '' ? alias : identifiant;
    const index = this.accounts.length;
    if (known === 'Student') {
      for (const key of childKeys(firstName, lastName)) {
        const list = this.pupils.get(key);
        if (list) list.push(index);
        else this.pupils.set(key, [index]);
      }
    } else if (known === 'Relative') {
      this.relatives.push(index);
      this.relativeCells.push(childrenCell);
    }
    this.votes.add(classes, level);
    // One set operation per account: the size tells whether the login was already there.
    const size = this.logins.size;
    this.logins.add(login);
    if (this.logins.size === size && login !== '') this.repeatedLogins.push(login);
    this.ownClasses.push(classes);
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
      levels: [],
      children,
      functions,
      localAdmin:
        isTruthyCell(get(at.localAdmin)) ||
        functions.some((f) => ADMIN_FUNCTIONS.has(headerKey(f))),
      blocked: isTruthyCell(get(at.blocked)),
      createdAt: date.day,
      ownLevel: level === '' ? null : level,
    });
  }

  finish(): LoadResult {
    if (this.error) return { ok: false, error: this.error };
    if (!this.columns) {
      return { ok: false, error: { code: 'empty-table', message: messages.emptyTable() } };
    }
    const { accounts, ownClasses, warnings } = this;
    addChildrenClasses(
      accounts,
      ownClasses,
      this.pupils,
      this.relatives,
      this.relativeCells,
      warnings,
    );
    // Classes without a vote take their name's first word, below.
    const levels = this.votes.levels();
    // Class names are shared strings (see classList): one lookup each.
    const levelOf = (name: string) => {
      let level = levels.get(name);
      if (level === undefined) levels.set(name, (level = levelFromClassName(name)));
      return level;
    };
    for (const account of accounts) {
      account.classLevels = account.classes.map(levelOf);
      // A handful of levels: a linear search costs less than a Set per account.
      const levels = appendUnique([], account.classLevels);
      if (account.ownLevel && !levels.includes(account.ownLevel)) levels.push(account.ownLevel);
      account.levels = levels;
    }
    reportSameLogins(accounts, this.repeatedLogins, warnings);
    return {
      ok: true,
      accounts,
      columns: this.columns,
      warnings: warnings.list(messages.more),
    };
  }
}

/** What a children cell brings to a parent: its pupils' classes, and the names with homonyms. */
interface ChildrenCell {
  classes: string[];
  homonyms: { child: string; rows: number[] }[];
}

/** A parent's effective classes: its own, then those of every pupil named in its children cell. */
function addChildrenClasses(
  accounts: Account[],
  ownClasses: readonly string[][],
  pupils: ReadonlyMap<string, number[]>,
  relatives: readonly number[],
  relativeCells: readonly string[],
  warnings: WarningList,
): void {
  // Both parents of a family, and parents of siblings, write the same cell: read each once.
  // Appending the pupils' classes in turn, duplicates dropped, gives the same list as appending
  // each pupil's classes one after the other.
  const cells = new Map<string, ChildrenCell | null>();
  const readCell = (children: readonly string[]): ChildrenCell | null => {
    let found: ChildrenCell | null = null;
    for (const child of children) {
      const matches = pupils.get(nameKey(child));
      if (!matches) continue;
      found ??= { classes: [], homonyms: [] };
      if (matches.length > 1) {
        found.homonyms.push({ child, rows: matches.map((m) => accounts[m]!.row) });
      }
      // A short list: a linear search costs less than a hash set.
      for (const m of matches) appendUnique(found.classes, ownClasses[m]!);
    }
    return found;
  };
  relatives.forEach((i, r) => {
    const account = accounts[i]!;
    const cell = relativeCells[r]!;
    let read = cells.get(cell);
    if (read === undefined) cells.set(cell, (read = readCell(account.children)));
    if (!read) return;
    for (const { child, rows } of read.homonyms) {
      warnings.add('homonym-children', () => messages.homonymChildren(child, account.row, rows));
    }
    account.classes =
      account.classes.length === 0
        ? read.classes.slice()
        : appendUnique(account.classes.slice(), read.classes);
  });
}

function reportSameLogins(
  accounts: readonly Account[],
  repeated: readonly string[],
  warnings: WarningList,
): void {
  if (repeated.length === 0) return;
  const rowsByLogin = new Map<string, number[]>(repeated.map((login) => [login, []]));
  for (const account of accounts) rowsByLogin.get(account.login)?.push(account.row);
  for (const [login, rows] of rowsByLogin) {
    warnings.add('same-login', () => messages.sameLogin(login, rows));
  }
}
