// `publipostage preview`: the prétraitement's counts and list (SPEC §3).
import { profileLabel } from '../../core/present';
import {
  displayDate,
  MASKED_CODE,
  PREVIEW_LIST_COLUMNS,
  summaryLines,
  type Account,
  type Selection,
} from '../../core';
import { printable } from '../../core/printable';
import { cliMessages } from './messages';
import { parseCommandLine, loadSelection } from './options';
import type { CliIo } from './run';

const OPTIONS = { '--json': 'boolean', '--show-codes': 'boolean' } as const;

export async function runPreview(args: readonly string[], io: CliIo): Promise<number> {
  const line = parseCommandLine('preview', args, OPTIONS);
  const { selection, warnings } = loadSelection(line.file, line.filters, line.sort);
  if (line.options['--json']) {
    writePreviewJson(selection, warnings, io.stdout);
  } else {
    for (const warning of warnings) io.stderr(`${cliMessages.warning(warning)}\n`);
    writePreviewText(selection, line.options['--show-codes'] === true, io.stdout);
  }
  return 0;
}

/** One account of `preview --json`, exactly the fields of SPEC §3. */
export function accountJson(account: Account) {
  return {
    row: account.row,
    login: account.login,
    originalLogin: account.originalLogin,
    lastName: account.lastName,
    firstName: account.firstName,
    profile: account.profile,
    activated: account.activated,
    activationCode: account.activationCode,
    email: account.email,
    emailStatus: account.emailStatus,
    classes: account.classes,
    levels: account.levels,
    createdAt: account.createdAt,
    localAdmin: account.localAdmin,
  };
}

/** The object `preview --json` prints (SPEC §3): the summary, the warnings, the accounts in order. */
export function previewJson(selection: Selection, warnings: readonly string[]) {
  const { summary } = selection;
  return {
    total: summary.total,
    withoutEmail: summary.withoutEmail,
    invalidEmail: summary.invalidEmail,
    activated: summary.activated,
    notActivated: summary.notActivated,
    byProfile: summary.byProfile,
    duplicates: summary.duplicates,
    warnings,
    accounts: selection.accounts.map(accountJson),
  };
}

/**
 * previewJson as text, written a few thousand accounts at a time: a large school's JSON is tens
 * of megabytes, which need not sit in memory twice (string and buffer), while fewer, larger
 * writes cost less.
 */
export function writePreviewJson(
  selection: Selection,
  warnings: readonly string[],
  write: (text: string) => void,
): void {
  const head = JSON.stringify({ ...previewJson({ ...selection, accounts: [] }, warnings) });
  write(head.slice(0, -2)); // up to `"accounts":[`
  const accounts = selection.accounts;
  const CHUNK = 4000;
  for (let i = 0; i < accounts.length; i += CHUNK) {
    const part = JSON.stringify(accounts.slice(i, i + CHUNK).map(accountJson));
    write((i === 0 ? '' : ',') + part.slice(1, -1));
  }
  write(']}\n');
}

const COLUMNS = PREVIEW_LIST_COLUMNS;
const MAX_WIDTH = 28;

const ASTRAL = /[\ud800-\udfff]/;

/** Characters as a terminal counts them (code points), without splitting the common case. */
function charCount(text: string): number {
  return ASTRAL.test(text) ? [...text].length : text.length;
}

// Padding strings, built once: a large school's table has half a million cells.
const SPACES: string[] = [''];
function spaces(count: number): string {
  while (SPACES.length <= count) SPACES.push(`${SPACES[SPACES.length - 1]!} `);
  return SPACES[count]!;
}

/** A cell's text and its width in characters (charCount), for the cells that recur. */
interface Cell {
  text: string;
  count: number;
}

/**
 * The counts in the ENT console's words, then the list as the console shows it, written a few
 * thousand lines at a time: the table of a large school is about ten
 * megabytes, which one string, its lines and its buffer held at once (and the garbage collector
 * then walked). The widths need every cell, so the cells and their widths are taken first.
 */
export function writePreviewText(
  selection: Selection,
  showCodes: boolean,
  write: (text: string) => void,
): void {
  const { summary } = selection;
  const out = [...summaryLines(summary)];
  if (summary.invalidEmail > 0) out.push(cliMessages.invalidEmails(summary.invalidEmail));
  out.push(cliMessages.activation(summary.activated, summary.notActivated));
  const parts = Object.entries(summary.byProfile).map(
    ([p, n]) => `${printable(profileLabel(p))} ${n}`,
  );
  if (parts.length > 0) out.push(cliMessages.byProfile(parts));
  if (summary.duplicates.length > 0) {
    out.push(cliMessages.duplicates(summary.duplicates.map((group) => group.map(printable))));
  }
  out.push('');
  const columns = COLUMNS.length;
  const accounts = selection.accounts;
  const labels = new Map<string, Cell>();
  const days = new Map<string, Cell>();
  const cellOf = (text: string): Cell => ({ text: printable(text), count: charCount(text) });
  const noCell = cellOf('');
  const masked = cellOf(MASKED_CODE);
  // Row r's cells at r * columns: one flat array and one of widths, not an array per row.
  const cells = new Array<string>(accounts.length * columns);
  const counts = new Int32Array(accounts.length * columns);
  const widths = COLUMNS.map((title) => charCount(title));
  for (let r = 0; r < accounts.length; r++) {
    const a = accounts[r]!;
    const at = r * columns;
    let label = labels.get(a.profile);
    if (label === undefined) labels.set(a.profile, (label = cellOf(profileLabel(a.profile))));
    let day = noCell;
    if (a.createdAt) {
      day = days.get(a.createdAt) ?? noCell;
      if (day === noCell) days.set(a.createdAt, (day = cellOf(displayDate(a.createdAt))));
    }
    const code = a.activationCode === null ? noCell : showCodes ? cellOf(a.activationCode) : masked;
    // Every text from the file is made printable (an ESC sequence in a name must not reach the
    // terminal); printable keeps the count of characters, so the widths stay those of the data.
    const email = printable(
      a.email === null ? '' : a.emailStatus === 'invalid' ? `${a.email} (invalide)` : a.email,
    );
    const classes = printable(a.classes.length === 1 ? a.classes[0]! : a.classes.join(' '));
    const lastName = printable(a.lastName);
    const firstName = printable(a.firstName);
    const login = printable(a.login);
    cells[at] = lastName;
    counts[at] = charCount(lastName);
    cells[at + 1] = firstName;
    counts[at + 1] = charCount(firstName);
    cells[at + 2] = label.text;
    counts[at + 2] = label.count;
    cells[at + 3] = login;
    counts[at + 3] = charCount(login);
    cells[at + 4] = code.text;
    counts[at + 4] = code.count;
    cells[at + 5] = email;
    counts[at + 5] = charCount(email);
    cells[at + 6] = classes;
    counts[at + 6] = charCount(classes);
    cells[at + 7] = day.text;
    counts[at + 7] = day.count;
    for (let i = 0; i < columns; i++) {
      const count = counts[at + i]!;
      if (count > widths[i]! && widths[i]! < MAX_WIDTH) widths[i] = Math.min(MAX_WIDTH, count);
    }
  }
  // Cells are trimmed text: the line ends at its last non-empty cell, unpadded (no trimEnd).
  // Every piece (cell, padding with the two spaces after it, newline) goes to one array, joined
  // every few thousand lines: no string per line, no chain of concatenations to flatten.
  const pieces: string[] = [out.join('\n'), '\n'];
  const render = (row: readonly string[], rowCounts: ArrayLike<number>, at: number) => {
    let last = columns - 1;
    while (last >= 0 && row[at + last] === '') last--;
    for (let i = 0; i < last; i++) {
      const text = row[at + i]!;
      const count = rowCounts[at + i]!;
      const width = widths[i]!;
      if (count > width) pieces.push(cut(text, width), '  ');
      else pieces.push(text, spaces(width - count + 2));
    }
    if (last >= 0) {
      const text = row[at + last]!;
      pieces.push(rowCounts[at + last]! > widths[last]! ? cut(text, widths[last]!) : text);
    }
    pieces.push('\n');
  };
  render(COLUMNS, COLUMNS.map(charCount), 0);
  pieces.push(widths.map((w) => '─'.repeat(w)).join('  '), '\n');
  const CHUNK = 32_000; // pieces, about 2,000 lines
  for (let r = 0; r < accounts.length; r++) {
    render(cells, counts, r * columns);
    if (pieces.length >= CHUNK) {
      write(pieces.join(''));
      pieces.length = 0;
    }
  }
  if (!showCodes && accounts.some((a) => a.activationCode !== null)) {
    pieces.push('\n', cliMessages.codesMasked(), '\n');
  }
  if (pieces.length > 0) write(pieces.join(''));
}

/** The text of `width` characters that stands for a longer one: its start and "…". */
function cut(text: string, width: number): string {
  const head = ASTRAL.test(text)
    ? [...text].slice(0, width - 1).join('')
    : text.slice(0, width - 1);
  return `${head}…`;
}
