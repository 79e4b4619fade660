import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCsvFile } from '../local/csv';
import { AccountLoader, loadAccounts, type LoadResult } from './accounts';
import type { Account } from './types';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures', name);
const loadFile = (name: string) => loadAccounts(readCsvFile(fixture(name)).rows);

function accountsOf(result: LoadResult): Account[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.accounts;
}
const byLogin = (accounts: Account[], login: string) => {
  const found = accounts.find((a) => a.login === login);
  if (!found) throw new Error(`no ${login}`);
  return found;
};

const HEADER = ['Nom', 'Prénom', 'Identifiant', 'Profil'];

describe('loading the rows of the user document', () => {
  const accounts = accountsOf(loadFile('rules/screenshot.csv'));

  it('keeps every row, numbered from the header', () => {
    expect(accounts.map((a) => a.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(accounts.map((a) => a.login)).toContain('abel.bahous2');
  });

  it('reads a missing code as an activated account', () => {
    const muriel = byLogin(accounts, 'muriel.beveniste');
    expect(muriel.activated).toBe(true);
    expect(muriel.activationCode).toBeNull();
    expect(byLogin(accounts, 'slimane.arsenne')).toMatchObject({
      activated: false,
      activationCode: 'b6yhsp6',
    });
  });

  it('tells a missing e-mail from a malformed one', () => {
    expect(byLogin(accounts, 'abel.bahous2')).toMatchObject({
      email: null,
      emailStatus: 'missing',
    });
    expect(byLogin(accounts, 'eric.davenc@hahin')).toMatchObject({
      profile: 'Personnel',
      emailStatus: 'missing',
    });
    expect(byLogin(accounts, 'abel.bahous').emailStatus).toBe('valid');
  });

  it('reads classes, levels from class names, and creation dates', () => {
    expect(byLogin(accounts, 'abel.bahous')).toMatchObject({
      classes: ['3eme 2', '5eme 3', '4eme 2'],
      levels: ['3EME', '5EME', '4EME'],
      createdAt: '2017-11-07',
    });
  });
});

describe('a row of the export', () => {
  it('hands out the alias when there is one, and keeps the identifiant', () => {
    const accounts = accountsOf(
      loadAccounts([
        [...HEADER, 'Login personnalisé (Alias)'],
        ['ÇELIK', 'Zoë', 'zoe.celik', 'Élève', 'zoe.c'],
        ['PEREZ', 'Léna', 'lena.perez', 'Élève', ''],
      ]),
    );
    expect(accounts[0]).toMatchObject({ login: 'zoe.c', originalLogin: 'zoe.celik' });
    expect(accounts[1]).toMatchObject({ login: 'lena.perez', originalLogin: 'lena.perez' });
  });

  it('maps profiles in French and English, and keeps an unknown one with a warning', () => {
    const values = [
      'Enseignant',
      'teacher',
      'ÉLÈVE',
      'Student',
      'Parent',
      'relative',
      'Responsable',
      'Personnels',
      'personnel',
      'Invité',
      'guest',
      'Stagiaire',
    ];
    const result = loadAccounts([HEADER, ...values.map((v, i) => ['N', 'P', `l${i}`, v])]);
    expect(accountsOf(result).map((a) => a.profile)).toEqual([
      'Teacher',
      'Teacher',
      'Student',
      'Student',
      'Relative',
      'Relative',
      'Relative',
      'Personnel',
      'Personnel',
      'Guest',
      'Guest',
      'Stagiaire',
    ]);
    expect(result.ok && result.warnings).toContainEqual(
      'Ligne 13 : profil inconnu « Stagiaire », gardé tel quel.',
    );
  });

  it('trims cells, skips empty rows, and keeps source row numbers', () => {
    const accounts = accountsOf(
      loadAccounts([
        [],
        ['', '  '],
        HEADER,
        ['  PEREZ ', ' Léna', ' lena.perez ', ' Élève '],
        ['', '', '', ''],
        ['  ', ''],
        ['MARTIN', 'Jules', 'jules.martin', 'Élève'],
      ]),
    );
    expect(accounts.map((a) => [a.row, a.lastName, a.firstName, a.login])).toEqual([
      [4, 'PEREZ', 'Léna', 'lena.perez'],
      [7, 'MARTIN', 'Jules', 'jules.martin'],
    ]);
  });

  it('does not skip silently a row whose only content is in an unknown column', () => {
    const result = loadAccounts([
      [...HEADER, 'Téléphone'],
      ['', '', '', '', '0601'],
    ]);
    expect(accountsOf(result)).toHaveLength(0);
    expect(result.ok && result.rejectedRows).toEqual([2]);
    expect(result.ok && result.warnings).toContainEqual(
      expect.stringMatching(/^Ligne 2\u00a0: cellule «\u00a0Identifiant\u00a0» vide/),
    );
  });

  it('reads no code from empty, null, NULL and -', () => {
    const accounts = accountsOf(
      loadAccounts([
        [...HEADER, "Code d'activation"],
        ...['', 'null', 'NULL', '-', 'abc123'].map((code, i) => ['N', 'P', `l${i}`, 'Élève', code]),
      ]),
    );
    expect(accounts.map((a) => a.activated)).toEqual([true, true, true, true, false]);
  });

  it('says that every account counts as activated without a code column', () => {
    const result = loadAccounts([HEADER, ['N', 'P', 'l', 'Élève']]);
    expect(accountsOf(result)[0]!.activated).toBe(true);
    expect(result.ok && result.warnings[0]).toMatch(
      /Pas de colonne «\u00a0Code d'activation\u00a0»/,
    );
  });

  it('finds local admins by the column or by the ADMIN_LOCAL function', () => {
    const accounts = accountsOf(
      loadAccounts([
        [...HEADER, 'Administrateur local', 'Fonctions'],
        ['A', 'A', 'a', 'Personnel', 'Oui', ''],
        ['B', 'B', 'b', 'Personnel', 'Non', 'ORIENTATION, ADMIN_LOCAL'],
        ['C', 'C', 'c', 'Personnel', 'x', ''],
        ['D', 'D', 'd', 'Personnel', '', 'Administrateur  local'],
        ['E', 'E', 'e', 'Personnel', 'non', 'DOCUMENTATION'],
      ]),
    );
    expect(accounts.map((a) => a.localAdmin)).toEqual([true, true, true, true, false]);
    expect(accounts[1]!.functions).toEqual(['ORIENTATION', 'ADMIN_LOCAL']);
  });

  it('reads blocked like local admin', () => {
    const accounts = accountsOf(
      loadAccounts([
        [...HEADER, 'Bloqué'],
        ['A', 'A', 'a', 'Élève', 'VRAI'],
        ['B', 'B', 'b', 'Élève', 'non'],
      ]),
    );
    expect(accounts.map((a) => a.blocked)).toEqual([true, false]);
  });

  it('warns about a date it cannot read, naming the row', () => {
    const result = loadAccounts([
      [...HEADER, 'Date de création'],
      ['A', 'A', 'a', 'Élève', '31/02/2019'],
      ['B', 'B', 'b', 'Élève', '26/04/2019'],
    ]);
    expect(accountsOf(result).map((a) => a.createdAt)).toEqual([null, '2019-04-26']);
    expect(result.ok && result.warnings).toContainEqual(
      "Ligne 2 : « 31/02/2019 » n'est pas une date reconnue (colonne « Date de création ») ; le compte est sans date.",
    );
  });

  it('reads the date of every row, however often the same text or digits repeat', () => {
    const result = loadAccounts([
      [...HEADER, 'Date de création'],
      ['A', 'A', 'a', 'Élève', '29/02/2024'],
      ['B', 'B', 'b', 'Élève', '31/02/2019'],
      ['C', 'C', 'c', 'Élève', '29/02/2024'],
      ['D', 'D', 'd', 'Élève', '31/02/2019'],
      ['E', 'E', 'e', 'Élève', '1/09/2020'],
      ['F', 'F', 'f', 'Élève', '01-09-2020'],
      ['G', 'G', 'g', 'Élève', '01/09/202x'],
      ['H', 'H', 'h', 'Élève', ' 01/09/2020 '],
    ]);
    expect(accountsOf(result).map((a) => a.createdAt)).toEqual([
      '2024-02-29',
      null,
      '2024-02-29',
      null,
      '2020-09-01',
      '2020-09-01',
      null,
      '2020-09-01',
    ]);
    const dateWarnings = result.ok ? result.warnings.filter((w) => w.includes('date')) : [];
    expect(dateWarnings.map((w) => w.slice(0, 8))).toEqual([
      'Ligne 3\u00a0',
      'Ligne 5\u00a0',
      'Ligne 8\u00a0',
    ]);
  });

  it('keeps at most ten warnings of a kind and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ['N', 'P', `l${i}`, 'Stagiaire']);
    const result = loadAccounts([HEADER, ...rows]);
    expect(result.ok && result.warnings.filter((w) => w.includes('profil inconnu'))).toHaveLength(
      10,
    );
    expect(result.ok && result.warnings).toContainEqual('… et 15 avertissements du même genre.');
  });

  it('warns about a login used twice, and keeps out a row without one', () => {
    const result = loadAccounts([
      HEADER,
      ['A', 'A', 'x', 'Élève'],
      ['B', 'B', 'x', 'Élève'],
      ['C', 'C', '', 'Élève'],
    ]);
    expect(result.ok && result.warnings).toEqual(
      expect.arrayContaining([
        "L'identifiant « x » apparaît sur les lignes 2, 3.",
        'Ligne 4 : cellule « Identifiant » vide ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.',
      ]),
    );
    expect(accountsOf(result).map((a) => a.row)).toEqual([2, 3]);
  });
});

// Issue 15: a row whose cells are not where the header says, or that lacks what a letter needs,
// never reaches a letter or an e-mail; a warning names it (docs/BAD-INPUT.md).
describe('rows that cannot be trusted', () => {
  const CODE_HEADER = ['Nom', 'Prénom', 'Identifiant', "Code d'activation", 'Profil'];
  const load = (...rows: unknown[][]) => loadAccounts([CODE_HEADER, ...rows]);
  const warned = (result: LoadResult) => (result.ok ? result.warnings : []);

  it('keeps out a row with a field less or more than the header, naming its line', () => {
    const result = load(
      ['A', 'A', 'a', 'x1', 'Élève'],
      ['B', 'B', 'b', 'Élève'], // the code's cell is missing: the profile moved left
      ['C', 'C', 'c', 'x3', 'Élève', 'en trop'],
      ['D', 'D', 'd', 'x4', 'Élève', '', ''], // empty trailing fields shift nothing
    );
    expect(accountsOf(result).map((a) => a.login)).toEqual(['a', 'd']);
    expect(result.ok && result.rejectedRows).toEqual([3, 4]);
    expect(warned(result)).toEqual([
      "Ligne 3 : 4 champs au lieu des 5 de l'en-tête (un guillemet ou un séparateur en trop ou en moins décale les colonnes) ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.",
      "Ligne 4 : une valeur en colonne 6, au-delà des colonnes de l'en-tête (colonnes décalées ?) ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.",
    ]);
  });

  it('keeps out a row cut just after the login: it would read as an activated account', () => {
    const result = load(['A', 'A', 'a']);
    expect(accountsOf(result)).toEqual([]);
    expect(warned(result)[0]).toMatch(/^Ligne 2\u00a0: 3 champs au lieu des 5/);
  });

  it('keeps out a row whose login, names or profile is blank, as a sheet gives it', () => {
    const result = load(
      ['A', 'A', '', 'x', 'Élève'],
      ['', 'B', 'b', 'x', 'Élève'],
      ['C', '', 'c', 'x', 'Élève'],
      ['D', 'D', 'd', 'x', ''],
      ['E', 'E', 'e', 'x', 'Élève'],
    );
    expect(accountsOf(result).map((a) => a.login)).toEqual(['e']);
    expect(warned(result).map((w) => w.slice(0, w.indexOf(';')))).toEqual([
      'Ligne 2 : cellule « Identifiant » vide\u00a0',
      'Ligne 3 : cellule « Nom » vide\u00a0',
      'Ligne 4 : cellule « Prénom » vide\u00a0',
      'Ligne 5 : cellule « Profil » vide\u00a0',
    ]);
  });

  it('keeps out a row whose login or code holds a line break (a quote closed too late)', () => {
    const result = load(['A', 'A', 'a\nB;B;b', 'x', 'Élève'], ['C', 'C', 'c', 'x\r\ny', 'Élève']);
    expect(accountsOf(result)).toEqual([]);
    expect(warned(result)).toHaveLength(2);
    expect(warned(result)[0]).toContain('la cellule « Identifiant » tient sur plusieurs lignes');
    expect(warned(result)[1]).toContain("la cellule « Code d'activation » tient sur plusieurs");
  });

  it('keeps out the header repeated further down (two exports pasted together)', () => {
    const result = load(['A', 'A', 'a', 'x', 'Élève'], CODE_HEADER, ['B', 'B', 'b', 'y', 'Élève']);
    expect(accountsOf(result).map((a) => a.login)).toEqual(['a', 'b']);
    expect(warned(result)).toEqual([
      "Ligne 3 : la ligne répète l'en-tête (deux exports collés l'un après l'autre ?) ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.",
    ]);
  });

  it('names the lines of the file and the misplaced quote a text reader reports', () => {
    const loader = new AccountLoader();
    loader.add(CODE_HEADER);
    loader.add(['A', 'A', 'a', 'x', 'Élève'], { line: 2, lastLine: 4, strayQuote: -1 });
    loader.add(['B', 'OBrien"', 'b', 'x', 'Élève'], { line: 5, lastLine: 5, strayQuote: 1 });
    const result = loader.finish();
    expect(accountsOf(result).map((a) => a.login)).toEqual(['a']);
    expect(warned(result)).toEqual([
      'Ligne 3 (ligne 5 du fichier) : du texte suit le guillemet fermant de la colonne 2 (« Prénom ») : guillemet mal placé ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.',
    ]);
  });
});

describe('effective classes and levels', () => {
  const result = loadFile('rules/parents.csv');
  const accounts = accountsOf(result);

  it("gives a parent its children's classes, named Prénom Nom or Nom Prénom, any case or spacing", () => {
    expect(byLogin(accounts, 'alice.perez').classes).toEqual(['6EME 3', '4EME 1']);
    expect(byLogin(accounts, 'alice.perez').levels).toEqual(['6EME', '4EME']);
    expect(byLogin(accounts, 'alice.perez').children).toEqual(['Léna PEREZ', 'Tom  Perez']);
  });

  it('counts every homonym pupil and reports it', () => {
    expect(byLogin(accounts, 'sophie.martin').classes).toEqual(['5EME 2', '3EME 1']);
    expect(result.ok && result.warnings).toContainEqual(
      "Ligne 7 : plusieurs élèves s'appellent « MARTIN Jules » (les lignes 5, 6) ; les classes de chacun comptent.",
    );
  });

  it("keeps a parent's own classes, and only its own for other profiles", () => {
    expect(byLogin(accounts, 'anais.noel').classes).toEqual(['CE1 A']);
    expect(byLogin(accounts, 'marc.dupont').classes).toEqual(['6EME 3', '3EME 1']);
    expect(byLogin(accounts, 'lena.perez').classes).toEqual(['6EME 3']);
  });

  it('takes the most frequent level cell of a class, ties alphabetically, else its first word', () => {
    const levels = accountsOf(loadFile('rules/levels.csv'));
    expect(byLogin(levels, 'h').levels).toEqual(['6EME', 'TLE']);
    expect(byLogin(levels, 'c').levels).toEqual(['6EME', 'CINQUIEME']);
    expect(byLogin(levels, 'e').levels).toEqual(['CE1']);
    expect(byLogin(levels, 'f').levels).toEqual(['ALPHA', 'BETA']);
    expect(byLogin(levels, 'i')).toMatchObject({ classes: [], levels: ['2NDE'], ownLevel: '2NDE' });
  });
});

describe('the formats seen in the wild', () => {
  it('reads the ENT console export (16 columns, no creation date)', () => {
    const result = loadFile('college-export.csv');
    const accounts = accountsOf(result);
    expect(accounts).toHaveLength(1318);
    const found = result.ok ? result.columns.found : {};
    expect([found.createdAt, found.level, found.localAdmin]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(result.ok && result.columns.found.login?.header).toBe('Identifiant');
    // The ADMIN_LOCAL function still finds a local admin.
    expect(accounts.filter((a) => a.localAdmin).length).toBeGreaterThan(0);
  });

  it('reads the enriched export and the preview list', () => {
    expect(accountsOf(loadFile('college-enriched.csv'))).toHaveLength(1318);
    expect(accountsOf(loadFile('ecole-enriched.csv'))).toHaveLength(422);
    const staff = accountsOf(loadFile('staff-preview.csv'));
    expect(staff).toHaveLength(65);
    expect(staff.every((a) => a.profile === 'Teacher' || a.profile === 'Personnel')).toBe(true);
  });

  it('reads the class-admin export re-saved in Windows-1252 with ","', () => {
    const accounts = accountsOf(loadFile('rules/class-admin-1252.csv'));
    expect(accounts.map((a) => [a.lastName, a.firstName, a.login, a.activationCode])).toEqual([
      ['ÇELIK', 'Zoë', 'zoe.c', '12345678'],
      ['LEFÈVRE', 'Noé', 'noe.lefevre', null],
      ['=1+1', 'Anne', 'anne.x', null],
    ]);
  });

  it('reads a table as getValues() gives it: numbers, booleans, Dates', () => {
    const result = loadAccounts(
      [
        [
          'Nom',
          'Prénom',
          'Login',
          'Type',
          "Code d'activation",
          'Date de création',
          'Admin local',
          'Bloqué',
        ],
        [
          'ÇELIK',
          'Zoë',
          'zoe.celik',
          'Élève',
          12345678,
          new Date('2017-11-06T23:00:00Z'),
          true,
          false,
        ],
        ['PEREZ', 'Léna', 'lena.perez', 'Élève', '', '', false, true],
      ],
      { timeZone: 'Europe/Paris' },
    );
    expect(
      accountsOf(result).map((a) => [a.activationCode, a.createdAt, a.localAdmin, a.blocked]),
    ).toEqual([
      ['12345678', '2017-11-07', true, false],
      [null, null, false, true],
    ]);
  });
});

describe('errors', () => {
  it('names the missing required columns, the accepted headers and the headers found', () => {
    const result = loadAccounts([
      ['Nom', 'Courriel', 'Téléphone'],
      ['A', 'a@b.fr', ''],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('missing-columns');
    expect(result.error.message).toBe(
      'Colonnes obligatoires absentes : « Prénom » (en-têtes acceptés : Prénom, First name, Firstname) ; ' +
        '« Identifiant » (en-têtes acceptés : Identifiant, Login) ; ' +
        '« Profil » (en-têtes acceptés : Type, Profil, Profile). ' +
        'En-têtes trouvés : « Nom », « Courriel », « Téléphone ».',
    );
  });

  it('says when the table is empty', () => {
    const result = loadAccounts([[], ['', null]]);
    expect(result).toEqual({
      ok: false,
      error: { code: 'empty-table', message: expect.stringMatching(/vide/) },
    });
  });
});

describe('AccountLoader, row by row', () => {
  it('reports an empty table and missing columns like loadAccounts', () => {
    expect(new AccountLoader().finish()).toMatchObject({
      ok: false,
      error: { code: 'empty-table' },
    });
    const loader = new AccountLoader();
    loader.add(['Nom']);
    loader.add(['A']);
    expect(loader.finish()).toMatchObject({ ok: false, error: { code: 'missing-columns' } });
  });
});
