// The « Aperçu publipostage » tab as a grid of text: what the adapter writes with one setValues,
// one setBackgrounds and one setFontWeights, whatever the number of accounts.
import { shownCode } from './csv-export';
import { messages } from './i18n';
import { displayDate } from './dates';
import { filtersSentence } from './filters-sentence';
import { profileLabel, type Language } from './present';
import type { Account, Filters, Summary } from './types';

export const PREVIEW_TAB = 'Aperçu publipostage';
export const COLORS = {
  missingEmail: '#fde7c4',
  invalidEmail: '#f6c4c0',
  header: '#dfe6f3',
  plain: '#ffffff',
} as const;

export interface PreviewOptions {
  filters: Filters;
  showCodes: boolean;
  language: Language;
  /** Local time of the run, `YYYY-MM-DDTHH:mm`: the core reads no clock. */
  generatedAt: string;
}

export interface SheetGrid {
  name: string;
  values: string[][];
  backgrounds: string[][];
  fontWeights: ('bold' | 'normal')[][];
  frozenRows: number;
  /** The accounts' table, header included: where the filter goes. 1-based row. */
  table: { row: number; rows: number; columns: number };
  /** Pixels, one per column. */
  columnWidths: number[];
}

const COLUMNS = 10;

function when(generatedAt: string, language: Language): string {
  const [day = '', time = ''] = generatedAt.split('T');
  const date = displayDate(day);
  return language === 'fr' ? `${date} à ${time.slice(0, 5)}` : `${date} ${time.slice(0, 5)}`;
}

/**
 * The values to hand to setValues so that each stays the text it is. setValues parses strings
 * as if typed ("=…" a formula, "0042" a number, "26/04/2019" a date); a leading apostrophe is
 * the documented way to type text, and Sheets keeps it out of the value.
 */
export function asTypedText(values: readonly (readonly string[])[]): string[][] {
  return values.map((row) => row.map((value) => (value === '' ? '' : `'${value}`)));
}

function pad(cells: string[]): string[] {
  return [...cells, ...Array<string>(COLUMNS - cells.length).fill('')];
}

/** The remark column: what the referent must look at before sending or printing. */
function remarks(account: Account, duplicates: ReadonlySet<string>, language: Language) {
  const m = messages(language).previewTab;
  const notes: string[] = [];
  if (account.emailStatus === 'missing') notes.push(m.remarkMissingEmail);
  if (account.emailStatus === 'invalid') notes.push(m.remarkInvalidEmail);
  if (duplicates.has(account.login)) notes.push(m.remarkDuplicate);
  return notes.join(', ');
}

function accountRow(
  account: Account,
  duplicates: ReadonlySet<string>,
  options: PreviewOptions,
): string[] {
  const m = messages(options.language).previewTab;
  return [
    account.lastName,
    account.firstName,
    profileLabel(account.profile, options.language),
    account.login,
    account.activated ? m.activated : m.notActivated,
    shownCode(account, options.showCodes),
    account.email ?? '',
    account.classes.join(', '),
    account.createdAt === null ? '' : displayDate(account.createdAt),
    remarks(account, duplicates, options.language),
  ];
}

function rowColor(account: Account): string {
  if (account.emailStatus === 'missing') return COLORS.missingEmail;
  if (account.emailStatus === 'invalid') return COLORS.invalidEmail;
  return COLORS.plain;
}

function widths(values: string[][], fromRow: number): number[] {
  const longest = Array<number>(COLUMNS).fill(0);
  for (let r = fromRow; r < values.length; r++) {
    const row = values[r]!;
    for (let c = 0; c < COLUMNS; c++) longest[c] = Math.max(longest[c]!, row[c]!.length);
  }
  // About 7 px a character in Arial 10, within what a screen can show.
  return longest.map((chars) => Math.min(320, Math.max(70, Math.round(chars * 7 + 16))));
}

export function buildPreviewTab(
  accounts: readonly Account[],
  summary: Summary,
  options: PreviewOptions,
): SheetGrid {
  const all = messages(options.language);
  const m = all.previewTab;
  const duplicates = new Set(summary.duplicates.flat());
  const head: string[][] = [
    pad([`${m.title} — ${m.generatedAt(when(options.generatedAt, options.language))}`]),
    pad([all.summary.total(summary.total)]),
    pad([all.summary.withoutEmail(summary.withoutEmail)]),
    pad([all.summary.invalidEmail(summary.invalidEmail)]),
    pad([all.summary.activation(summary.activated, summary.notActivated)]),
    pad([all.summary.duplicates(summary.duplicates.length)]),
    pad([all.typography.labelled(m.filters, filtersSentence(options.filters, options.language))]),
    pad([all.typography.heading(m.legend), m.remarkMissingEmail, m.remarkInvalidEmail]),
  ];
  const tableRow = head.length + 1;
  const values = [
    ...head,
    [...m.headers],
    ...accounts.map((a) => accountRow(a, duplicates, options)),
  ];
  const plainRow = () => Array<string>(COLUMNS).fill(COLORS.plain);
  const legend = plainRow();
  legend[1] = COLORS.missingEmail;
  legend[2] = COLORS.invalidEmail;
  const backgrounds = [
    ...head.slice(0, -1).map(plainRow),
    legend,
    Array<string>(COLUMNS).fill(COLORS.header),
    ...accounts.map((a) => Array<string>(COLUMNS).fill(rowColor(a))),
  ];
  const normal = () => Array<'bold' | 'normal'>(COLUMNS).fill('normal');
  const fontWeights = values.map((_, r) =>
    r === 0 || r === 1 || r === tableRow - 1
      ? Array<'bold' | 'normal'>(COLUMNS).fill('bold')
      : normal(),
  );
  return {
    name: PREVIEW_TAB,
    values,
    backgrounds,
    fontWeights,
    frozenRows: tableRow,
    table: { row: tableRow, rows: accounts.length + 1, columns: COLUMNS },
    columnWidths: widths(values, tableRow - 1),
  };
}
