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
    io.stdout(previewText(selection, line.options['--show-codes'] === true));
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

/** The cell in `width` characters: padded, or cut with "…". `count` is charCount(text). */
function fit(text: string, count: number, width: number): string {
  if (count > width) {
    const head = ASTRAL.test(text)
      ? [...text].slice(0, width - 1).join('')
      : text.slice(0, width - 1);
    return `${head}…`;
  }
  return count === width ? text : text + spaces(width - count);
}

/** The counts in the ENT console's words, then the list as the console shows it. */
export function previewText(selection: Selection, showCodes: boolean): string {
  const { summary } = selection;
  const out = [...summaryLines(summary)];
  if (summary.invalidEmail > 0) out.push(cliMessages.invalidEmails(summary.invalidEmail));
  out.push(cliMessages.activation(summary.activated, summary.notActivated));
  const parts = Object.entries(summary.byProfile).map(([p, n]) => `${profileLabel(p)} ${n}`);
  if (parts.length > 0) out.push(cliMessages.byProfile(parts));
  if (summary.duplicates.length > 0) out.push(cliMessages.duplicates(summary.duplicates));
  out.push('');
  // One flat array of cells and one of their widths, rather than an array per row.
  const columns = COLUMNS.length;
  const accounts = selection.accounts;
  const cells = new Array<string>(accounts.length * columns);
  const counts = new Int32Array(accounts.length * columns);
  const widths = COLUMNS.map((title) => charCount(title));
  const days = new Map<string, string>(); // few distinct creation days
  for (let r = 0; r < accounts.length; r++) {
    const a = accounts[r]!;
    const at = r * columns;
    let day = '';
    if (a.createdAt) {
      day = days.get(a.createdAt) ?? '';
      if (day === '') days.set(a.createdAt, (day = displayDate(a.createdAt)));
    }
    cells[at] = a.lastName;
    cells[at + 1] = a.firstName;
    cells[at + 2] = profileLabel(a.profile);
    cells[at + 3] = a.login;
    cells[at + 4] = a.activationCode === null ? '' : showCodes ? a.activationCode : MASKED_CODE;
    cells[at + 5] =
      a.email === null ? '' : a.emailStatus === 'invalid' ? `${a.email} (invalide)` : a.email;
    cells[at + 6] = a.classes.length === 1 ? a.classes[0]! : a.classes.join(' ');
    cells[at + 7] = day;
    for (let i = 0; i < columns; i++) {
      const count = charCount(cells[at + i]!);
      counts[at + i] = count;
      if (count > widths[i]! && widths[i]! < MAX_WIDTH) widths[i] = Math.min(MAX_WIDTH, count);
    }
  }
  // Cells are trimmed text: the line ends at its last non-empty cell, unpadded (no trimEnd).
  // One reused array per line: join builds the line flat, where += would chain many pieces.
  const lineParts: string[] = [];
  const render = (row: readonly string[], rowCounts: ArrayLike<number>, at: number) => {
    let last = columns - 1;
    while (last >= 0 && row[at + last] === '') last--;
    lineParts.length = 0;
    for (let i = 0; i <= last; i++) {
      const text = row[at + i]!;
      const count = rowCounts[at + i]!;
      const width = widths[i]!;
      lineParts.push(i === last && count <= width ? text : fit(text, count, width));
    }
    return lineParts.join('  ');
  };
  out.push(render(COLUMNS, COLUMNS.map(charCount), 0));
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (let r = 0; r < accounts.length; r++) out.push(render(cells, counts, r * columns));
  if (!showCodes && accounts.some((a) => a.activationCode !== null)) {
    out.push('', cliMessages.codesMasked());
  }
  return `${out.join('\n')}\n`;
}
