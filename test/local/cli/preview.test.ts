import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli } from './helpers';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures', name);

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
      expect.stringMatching(/plusieurs élèves s'appellent « MARTIN Jules »/),
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
      'Par profil : Enseignant 6, Personnel 1',
      'Doublons possibles : abel.bahous / abel.bahous2',
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
    expect(stderr).toMatch(/^Attention : Ligne 7 : plusieurs élèves/m);
  });
});
