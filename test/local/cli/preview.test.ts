import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { cli, fixture } from './helpers';
import { previewJson, writePreviewJson, writePreviewText } from '../../../src/local/cli/preview';
import { summarize } from '../../../src/core/summary';
import { MASKED_CODE, PREVIEW_LIST_COLUMNS } from '../../../src/core';
import type { Account, Selection } from '../../../src/core/types';
import { makeAccount } from '../../helpers/accounts';

const SUMMARY_KEYS = [
  'total',
  'withoutEmail',
  'invalidEmail',
  'activated',
  'notActivated',
  'byProfile',
  'duplicates',
  'warnings',
  'accounts',
];
const ACCOUNT_KEYS = [
  'row',
  'login',
  'originalLogin',
  'lastName',
  'firstName',
  'profile',
  'activated',
  'activationCode',
  'email',
  'emailStatus',
  'classes',
  'levels',
  'createdAt',
  'localAdmin',
];

interface JsonAccount {
  row: number;
  login: string;
  originalLogin: string;
  lastName: string;
  firstName: string;
  profile: string;
  activated: boolean;
  activationCode: string | null;
  email: string | null;
  emailStatus: string;
  classes: string[];
  levels: string[];
  createdAt: string | null;
  localAdmin: boolean;
}

/** The raw file read independently of the code under test: header name → cell, by source row. */
function rawRows(name: string): Map<number, Record<string, string>> {
  const text = readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
  const records: string[][] = parse(text, { delimiter: ';', relax_column_count: true });
  const header = records[0]!;
  const rows = new Map<number, Record<string, string>>();
  records.slice(1).forEach((record, i) => {
    rows.set(i + 2, Object.fromEntries(header.map((h, j) => [h, record[j] ?? ''])));
  });
  return rows;
}

describe('publipostage preview --json (SPEC §3)', () => {
  for (const name of [
    'college-export.csv',
    'college-enriched.csv',
    'ecole-enriched.csv',
    'staff-preview.csv',
  ]) {
    it(`gives SPEC §3's fields, matching the file, for ${name}`, async () => {
      const { code, stdout, stderr } = await cli('preview', fixture(name), '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(Object.keys(json)).toEqual(SUMMARY_KEYS);
      const raw = rawRows(name);
      expect(json.total).toBe(raw.size);
      expect(json.accounts).toHaveLength(raw.size);
      const accounts = json.accounts as JsonAccount[];
      let withoutEmail = 0;
      let activated = 0;
      for (const account of accounts) {
        expect(Object.keys(account)).toEqual(ACCOUNT_KEYS);
        const cells = raw.get(account.row)!;
        const alias = cells['Login personnalisé (Alias)'] ?? '';
        const identifiant = cells['Identifiant'] ?? cells['Login']!;
        expect(account.login).toBe(alias || identifiant);
        expect(account.originalLogin).toBe(identifiant);
        expect([account.lastName, account.firstName]).toEqual([cells['Nom'], cells['Prénom']]);
        const code = cells["Code d'activation"]!;
        expect(account.activationCode).toBe(code === '' ? null : code);
        expect(account.activated).toBe(code === '');
        expect(account.email).toBe(cells['Courriel'] === '' ? null : cells['Courriel']);
        expect(['valid', 'invalid', 'missing']).toContain(account.emailStatus);
        if (account.email === null) withoutEmail++;
        if (account.activated) activated++;
        const created = cells['Date de création'];
        if (created === undefined) expect(account.createdAt).toBeNull();
        else expect(account.createdAt).toBe(created.split('/').reverse().join('-'));
        expect(['Student', 'Teacher', 'Relative', 'Personnel', 'Guest']).toContain(account.profile);
        expect(typeof account.localAdmin).toBe('boolean');
        if (account.profile === 'Student')
          expect(account.classes).toEqual(
            (cells['Classes'] ?? cells['Classe'])!.split(', ').filter(Boolean),
          );
      }
      expect(json.withoutEmail).toBe(withoutEmail);
      expect(json.activated).toBe(activated);
      expect(json.notActivated).toBe(raw.size - activated);
      const byProfile: Record<string, number> = {};
      for (const a of accounts) byProfile[a.profile] = (byProfile[a.profile] ?? 0) + 1;
      expect(json.byProfile).toEqual(byProfile);
      // Sorted alphabetically by last name, first name, login.
      const keys = accounts.map((a) =>
        [a.lastName, a.firstName, a.login].map((t) =>
          t
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase(),
        ),
      );
      for (let i = 1; i < keys.length; i++) {
        const [p, c] = [keys[i - 1]!, keys[i]!];
        expect(
          p[0]! < c[0]! || (p[0] === c[0] && (p[1]! < c[1]! || (p[1] === c[1] && p[2]! <= c[2]!))),
        ).toBe(true);
      }
    });
  }

  it("gives parents their children's classes in the enriched college", async () => {
    const json = JSON.parse(
      (await cli('preview', fixture('college-enriched.csv'), '--json', '--profile', 'Parent'))
        .stdout,
    );
    const alice = (json.accounts as JsonAccount[]).find((a) => a.login === 'alice.perez')!;
    const lena = JSON.parse(
      (await cli('preview', fixture('college-enriched.csv'), '--json', '--profile', 'eleve'))
        .stdout,
    ).accounts.find((a: JsonAccount) => a.firstName === 'Léna' && a.lastName === 'PEREZ');
    expect(alice.classes).toEqual(lena.classes);
    expect(alice.levels).toEqual(lena.levels);
  });

  it('filters and sorts as asked', async () => {
    const { stdout } = await cli(
      'preview',
      fixture('college-enriched.csv'),
      '--json',
      '--level',
      '6EME',
      '--class',
      '5EME 1',
      '--activation',
      'not-activated',
      '--email=with',
      '--sort',
      'class',
      '--created-after',
      '2019-01-01',
    );
    const json = JSON.parse(stdout);
    expect(json.total).toBeGreaterThan(0);
    for (const a of json.accounts as JsonAccount[]) {
      expect(a.activated).toBe(false);
      expect(a.emailStatus).toBe('valid');
      expect(a.createdAt! >= '2019-01-01').toBe(true);
      expect(a.levels.includes('6EME') || a.classes.includes('5EME 1')).toBe(true);
    }
  });

  it('reports the duplicates and the warnings of the file', async () => {
    const json = JSON.parse((await cli('preview', fixture('rules/parents.csv'), '--json')).stdout);
    expect(json.duplicates).toEqual([['jules.martin', 'jules.martin2']]);
    expect(json.warnings).toContainEqual(
      expect.stringMatching(/plusieurs élèves s'appellent «\u00a0MARTIN Jules\u00a0»/),
    );
  });
});

describe('publipostage preview, for a person', () => {
  it('words the counts as the ENT console, then shows a table with codes masked', async () => {
    const { code, stdout } = await cli('preview', fixture('rules/screenshot.csv'));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '7 comptes sélectionnés au total',
      '2 comptes sans adresse courriel',
      '2 comptes activés, 5 non activés',
      'Par profil : Enseignant 6, Personnel 1',
      'Doublons possibles : abel.bahous / abel.bahous2',
    ]);
    expect(stdout).toMatch(
      /^Nom +Prénom +Profil +Login +Code d'activation +Courriel +Classe +Date de création$/m,
    );
    expect(stdout).toMatch(/^BAHOUS +Abel +Enseignant +abel\.bahous2 +\*{8} +26\/04\/2019$/m);
    expect(stdout).not.toContain('pxrzfcs');
    expect(stdout).toContain('sivasuntharam.beumarie@yopm…');
    expect(
      (await cli('preview', fixture('rules/screenshot.csv'), '--show-codes')).stdout,
    ).toContain('pxrzfcs');
  });

  it('prints the warnings on stderr', async () => {
    const { code, stderr } = await cli('preview', fixture('rules/parents.csv'));
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Attention\u00a0: Ligne 7\u00a0: plusieurs élèves/m);
  });
});

/** What a writer writes, in pieces as written. */
function written(run: (write: (text: string) => void) => void): string[] {
  const pieces: string[] = [];
  run((text) => pieces.push(text));
  return pieces;
}

const selectionOf = (accounts: Account[]): Selection => ({
  accounts,
  summary: summarize(accounts, [['a', 'b"c']]),
});

// Characters JSON escapes, or that a writer could miscount or split: quotes, backslashes,
// controls, line separators, lone and paired surrogates, accents.
const TRICKY = ['"', '\\', '\t', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029'];
const TRICKY_TEXT = [...TRICKY, '\ud800', '\udfff', '😀', 'é', 'Ç', '…', ' ', 'a', 'Z', '-'];

const trickyAccounts = (): Account[] => [
  makeAccount({ row: 2, lastName: 'O"BRIEN', firstName: 'Jo\\hn', login: 'tab\there' }),
  makeAccount({ row: 3, lastName: 'LINE\u2028SEP\u2029', firstName: 'A\u0001B\u001f\u007f' }),
  makeAccount({ row: 4, lastName: 'LONE\ud800', firstName: '\udc00x', email: 'a\ud83d@b.fr' }),
  makeAccount({
    row: 5,
    lastName: 'ÉMOJI 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
    firstName: 'Zoë',
    email: 'zoe@example.org',
    emailStatus: 'valid',
    classes: ['6EME 1', '6EME "2"'],
    levels: ['6EME'],
    createdAt: '2019-04-26',
    activated: true,
    activationCode: null,
    localAdmin: true,
  }),
  makeAccount({ row: 6, profile: 'Custom "profil"\\', classes: [], levels: [], email: null }),
  makeAccount({
    row: 7,
    profile: 'Relative',
    email: 'pas-une-adresse',
    emailStatus: 'invalid',
    classes: ['TLE 1', 'TLE 1\t', ''],
    levels: ['TLE'],
    createdAt: 'pas-une-date',
  }),
  makeAccount({ row: 8, login: '', lastName: '', firstName: '', activationCode: '' }),
];

const arbitraryText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 40,
});
const arbitraryAccount = fc
  .record({
    row: fc.nat({ max: 100_000 }),
    login: arbitraryText,
    originalLogin: arbitraryText,
    lastName: arbitraryText,
    firstName: arbitraryText,
    // Names of Object.prototype's members included: a Type cell may say anything.
    profile: fc.oneof(
      fc.constantFrom('Student', 'Teacher', 'Relative', 'Personnel'),
      fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty'),
      arbitraryText,
    ),
    activationCode: fc.option(arbitraryText),
    email: fc.option(arbitraryText),
    emailStatus: fc.constantFrom('valid' as const, 'invalid' as const, 'missing' as const),
    classes: fc.array(arbitraryText, { maxLength: 3 }),
    levels: fc.array(arbitraryText, { maxLength: 2 }),
    createdAt: fc.option(fc.oneof(arbitraryText, fc.constant('2020-02-29'))),
    localAdmin: fc.boolean(),
  })
  .map((fields) => makeAccount({ ...fields, activated: fields.activationCode === null }));

describe('writePreviewJson', () => {
  const expected = (selection: Selection, warnings: string[]) =>
    `${JSON.stringify(previewJson(selection, warnings))}\n`;

  it("writes exactly JSON.stringify of SPEC §3's object, for tricky accounts", () => {
    const selection = selectionOf(trickyAccounts());
    const warnings = ['Ligne 2 : « O"BRIEN » \\ \u2028'];
    const text = written((w) => writePreviewJson(selection, warnings, w)).join('');
    expect(text).toBe(expected(selection, warnings));
    const json = JSON.parse(text);
    expect(json.accounts[0].lastName).toBe('O"BRIEN');
    expect(json.accounts[2].lastName).toBe('LONE\ud800');
    expect(json.accounts[4].profile).toBe('Custom "profil"\\');
  });

  it('writes a large selection in several pieces that join into the same text', () => {
    const accounts = Array.from({ length: 9001 }, (_, i) =>
      makeAccount({ row: i + 2, login: `l${i}`, lastName: i % 7 === 0 ? 'A"B' : 'NOM' }),
    );
    const selection = selectionOf(accounts);
    const pieces = written((w) => writePreviewJson(selection, [], w));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(expected(selection, []));
  });

  it('writes an empty selection', () => {
    const selection = selectionOf([]);
    expect(written((w) => writePreviewJson(selection, [], w)).join('')).toBe(
      expected(selection, []),
    );
  });

  it('matches JSON.stringify on random accounts', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAccount, { maxLength: 12 }), (accounts) => {
        const selection = selectionOf(accounts);
        const text = written((w) => writePreviewJson(selection, ['x'], w)).join('');
        expect(text).toBe(expected(selection, ['x']));
      }),
      { numRuns: 300 },
    );
  });
});

/** The table as SPEC §3 describes it, computed the plain way: the writer must print the same. */
function referenceTable(accounts: readonly Account[], showCodes: boolean): string[] {
  const chars = (text: string) => [...text].length;
  // Controls and bidirectional marks as symbols (issue 15): ␀–␟ for C0, ␡, else U+FFFD.
  const shown = (text: string) =>
    [...text]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (code < 0x20) return String.fromCodePoint(0x2400 + code);
        if (code === 0x7f) return '␡';
        const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
        return (code >= 0x80 && code <= 0x9f) || bidi ? '\ufffd' : c;
      })
      .join('');
  const rows = accounts.map((a) =>
    [
      a.lastName,
      a.firstName,
      new Map([
        ['Student', 'Élève'],
        ['Teacher', 'Enseignant'],
        ['Relative', 'Parent'],
        ['Personnel', 'Personnel'],
        ['Guest', 'Invité'],
      ]).get(a.profile) ?? a.profile,
      a.login,
      a.activationCode === null ? '' : showCodes ? a.activationCode : MASKED_CODE,
      a.email === null ? '' : a.emailStatus === 'invalid' ? `${a.email} (invalide)` : a.email,
      a.classes.join(' '),
      a.createdAt === null || a.createdAt === ''
        ? ''
        : /^\d{4}-\d{2}-\d{2}$/.test(a.createdAt)
          ? a.createdAt.split('-').reverse().join('/')
          : a.createdAt,
    ].map(shown),
  );
  const widths = PREVIEW_LIST_COLUMNS.map((title, i) =>
    Math.max(chars(title), Math.min(28, Math.max(0, ...rows.map((row) => chars(row[i]!))))),
  );
  const line = (cells: string[]) => {
    let last = cells.length - 1;
    while (last >= 0 && cells[last] === '') last--;
    return cells
      .slice(0, last + 1)
      .map((cell, i) => {
        const n = chars(cell);
        if (n > widths[i]!) return `${[...cell].slice(0, widths[i]! - 1).join('')}…`;
        return i === last ? cell : cell + ' '.repeat(widths[i]! - n);
      })
      .join('  ');
  };
  return [
    line([...PREVIEW_LIST_COLUMNS]),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
}

describe('writePreviewText', () => {
  const table = (text: string) => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Nom  '));
    const end = lines.indexOf('', start);
    return lines.slice(start, end);
  };

  it('prints the table of tricky accounts as computed the plain way', () => {
    for (const showCodes of [false, true]) {
      const accounts = trickyAccounts();
      const text = written((w) => writePreviewText(selectionOf(accounts), showCodes, w)).join('');
      expect(table(text)).toEqual(referenceTable(accounts, showCodes));
      expect(text.endsWith('\n')).toBe(true);
      expect(text.includes('b6yhsp6')).toBe(showCodes);
    }
  });

  it('writes a large table in several pieces that join into the plain table', () => {
    const accounts = Array.from({ length: 9001 }, (_, i) =>
      makeAccount({ row: i + 2, login: `login${i}`, classes: i % 3 ? ['6EME 1'] : [] }),
    );
    const selection = selectionOf(accounts);
    const pieces = written((w) => writePreviewText(selection, false, w));
    expect(pieces.length).toBeGreaterThan(2);
    const text = pieces.join('');
    expect(table(text)).toEqual(referenceTable(accounts, false));
  });

  it('matches the plain table on random accounts', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryAccount, { maxLength: 12 }),
        fc.boolean(),
        (accounts, showCodes) => {
          // The table is read back line by line: no line breaks in cells, no empty row.
          const flat = (text: string) => text.replace(/[\n\r]/g, ' ');
          const oneLine = accounts.map((a) =>
            makeAccount({
              ...a,
              lastName: flat(a.lastName) || 'x',
              firstName: flat(a.firstName),
              profile: flat(a.profile),
              login: flat(a.login),
              activationCode: a.activationCode === null ? null : flat(a.activationCode),
              email: a.email === null ? null : flat(a.email),
              classes: a.classes.map(flat),
              createdAt: a.createdAt === null ? null : flat(a.createdAt),
            }),
          );
          const text = written((w) => writePreviewText(selectionOf(oneLine), showCodes, w)).join(
            '',
          );
          expect(table(text)).toEqual(referenceTable(oneLine, showCodes));
        },
      ),
      { numRuns: 200 },
    );
  });
});
