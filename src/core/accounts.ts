// From a table (CSV rows or Sheets' getValues()) to accounts (SPEC §1).
import { cellText, activationCodeOf, isTruthyCell, splitList } from './cells';
import { appendUnique, childKeys, classLevelMap, levelFromClassName } from './classes';
import { DEFAULT_TIME_ZONE, parseDateCell } from './dates';
import { emailStatus } from './email';
import { recognizeHeaders, type ColumnReport, type Field } from './headers';
import { messages } from './messages';
import { headerKey, nameKey } from './normalize';
import { knownProfileOf } from './profiles';
import type { Account, UserError } from './types';
import { WarningList } from './warnings';

export type LoadResult =
  | { ok: true; accounts: Account[]; columns: ColumnReport; warnings: string[] }
  | { ok: false; error: UserError };

export interface LoadOptions {
  /** The spreadsheet's time zone: a Date cell is midnight there. Default Europe/Paris. */
  timeZone?: string;
}

type Cells = Partial<Record<Field, string>>;

const ADMIN_FUNCTIONS = new Set(['admin local', 'administrateur local']);

/** Reads an export: the first non-empty row is the header, every non-empty row after it an account. */
export function loadAccounts(
  table: readonly (readonly unknown[])[],
  options: LoadOptions = {},
): LoadResult {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const text = (value: unknown) => cellText(value, timeZone);

  const headerIndex = table.findIndex((row) => row.some((cell) => text(cell) !== ''));
  if (headerIndex < 0)
    return { ok: false, error: { code: 'empty-table', message: messages.emptyTable() } };
  const headers = table[headerIndex]!.map(text);
  const recognized = recognizeHeaders(headers, headerIndex + 1);
  if (!recognized.ok) {
    return {
      ok: false,
      error: {
        code: 'missing-columns',
        message: messages.missingColumns(recognized.missingRequired, recognized.headers),
      },
    };
  }
  const { columns } = recognized;
  const warnings = new WarningList();
  for (const warning of recognized.warnings) warnings.add('headers', warning);
  if (!columns.found.activationCode) warnings.add('no-code', messages.noActivationColumn());

  const fields = Object.entries(columns.found) as [Field, { index: number }][];
  const dateColumn = columns.found.createdAt;
  const accounts: Account[] = [];
  const ownClasses: string[][] = [];
  const childrenCells: string[][] = [];

  for (let r = headerIndex + 1; r < table.length; r++) {
    const source = table[r]!;
    const row = r + 1;
    const cells: Cells = {};
    let empty = true;
    for (const [field, { index }] of fields) {
      if (field === 'createdAt') continue;
      const value = text(source[index]);
      cells[field] = value;
      if (value !== '') empty = false;
    }
    const dateValue = dateColumn ? source[dateColumn.index] : undefined;
    if (empty) {
      // A row is empty when every cell is, unknown columns and the date included.
      if (source.every((cell) => text(cell) === '')) continue;
    }

    const identifiant = cells.login ?? '';
    const alias = cells.loginAlias ?? '';
    if (identifiant === '' && alias === '') warnings.add('empty-login', messages.emptyLogin(row));

    const profileCell = cells.profile ?? '';
    const known = knownProfileOf(profileCell);
    if (!known) warnings.add('unknown-profile', messages.unknownProfile(profileCell, row));

    const code = activationCodeOf(cells.activationCode ?? '');
    const email = cells.email ?? '';
    const functions = splitList(cells.functions ?? '');
    const date = parseDateCell(dateValue, timeZone);
    if (date.day === null && date.invalid) {
      warnings.add(
        'invalid-date',
        messages.invalidDate(text(dateValue), row, dateColumn?.header ?? ''),
      );
    }
    const classes = splitList(cells.classes ?? '');
    const children = splitList(cells.children ?? '');
    ownClasses.push(classes);
    childrenCells.push(children);
    accounts.push({
      row,
      login: alias !== '' ? alias : identifiant,
      originalLogin: identifiant,
      lastName: cells.lastName ?? '',
      firstName: cells.firstName ?? '',
      profile: known ?? profileCell,
      activated: code === null,
      activationCode: code,
      email: email === '' ? null : email,
      emailStatus: emailStatus(email),
      classes: [...classes],
      levels: [],
      children,
      functions,
      localAdmin:
        isTruthyCell(cells.localAdmin ?? '') ||
        functions.some((f) => ADMIN_FUNCTIONS.has(headerKey(f))),
      blocked: isTruthyCell(cells.blocked ?? ''),
      createdAt: date.day,
      ownLevel: cells.level ? cells.level : null,
    });
  }

  addChildrenClasses(accounts, ownClasses, childrenCells, warnings);
  const levels = classLevelMap(
    accounts.map((account, i) => ({ classes: ownClasses[i]!, level: account.ownLevel ?? '' })),
  );
  for (const account of accounts) {
    account.classLevels = account.classes.map(
      (name) => levels.get(name) ?? levelFromClassName(name),
    );
    account.levels = appendUnique([], account.classLevels);
    if (account.ownLevel) appendUnique(account.levels, [account.ownLevel]);
  }
  reportSameLogins(accounts, warnings);
  return {
    ok: true,
    accounts,
    columns,
    warnings: warnings.list((_kind, more) => messages.more(more)),
  };
}

/** A parent's effective classes: its own, then those of every pupil named in its children cell. */
function addChildrenClasses(
  accounts: Account[],
  ownClasses: readonly string[][],
  childrenCells: readonly string[][],
  warnings: WarningList,
): void {
  const pupils = new Map<string, number[]>();
  accounts.forEach((account, i) => {
    if (account.profile !== 'Student') return;
    for (const key of childKeys(account.firstName, account.lastName)) {
      const list = pupils.get(key);
      if (list) list.push(i);
      else pupils.set(key, [i]);
    }
  });
  accounts.forEach((account, i) => {
    if (account.profile !== 'Relative') return;
    for (const child of childrenCells[i]!) {
      const matches = pupils.get(nameKey(child));
      if (!matches) continue;
      if (matches.length > 1) {
        warnings.add(
          'homonym-children',
          messages.homonymChildren(
            child,
            account.row,
            matches.map((m) => accounts[m]!.row),
          ),
        );
      }
      for (const m of matches) appendUnique(account.classes, ownClasses[m]!);
    }
  });
}

function reportSameLogins(accounts: readonly Account[], warnings: WarningList): void {
  const rowsByLogin = new Map<string, number[]>();
  for (const account of accounts) {
    if (account.login === '') continue;
    const rows = rowsByLogin.get(account.login);
    if (rows) rows.push(account.row);
    else rowsByLogin.set(account.login, [account.row]);
  }
  for (const [login, rows] of rowsByLogin) {
    if (rows.length > 1) warnings.add('same-login', messages.sameLogin(login, rows));
  }
}
