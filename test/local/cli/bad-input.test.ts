// Issue 15: every bad input gets exit 0 with the right output, or exit 2 with a French message
// naming the problem; no stack trace, no control character echoed, nothing half-written left.
// docs/BAD-INPUT.md lists these cases and what the referent sees.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli, fixture } from './helpers';
import { DIST, ensureDist } from '../../helpers/dist';
import { schoolRows } from '../../helpers/school';

const dir = mkdtempSync(join(tmpdir(), 'publipostage-bad-'));
let files = 0;
/** A file of the given content in a fresh folder of its own. */
function file(content: string | Uint8Array, name = 'comptes.csv'): string {
  const folder = join(dir, `f${files++}`);
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}
const SETTINGS = file(
  JSON.stringify({ entName: 'ENT', entUrl: 'https://ent.fr', schoolName: 'Collège', contact: 'c' }),
  'reglages.json',
);
// Any C0 or C1 control but the line feed: what must never reach the terminal from the data.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const HEADER = "Nom;Prénom;Identifiant;Code d'activation;Profil;Classes;Niveau;Date de création";

async function json(...args: string[]) {
  const result = await cli('preview', ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    total: number;
    warnings: string[];
    accounts: { login: string; activated: boolean; row: number }[];
  };
}

/** The built CLI run by `nobody` (uid 65534), for the permission cases root would write through. */
async function runAsNobody(args: string[]) {
  ensureDist();
  const run = spawnSync(process.execPath, [join(DIST, 'cli.cjs'), ...args], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function refused(args: string[], message: RegExp) {
  const result = await cli(...args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(CONTROL);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return result.stderr;
}

describe('rows whose shape differs from the header', () => {
  it('a quote left unclosed in a 16-column export: the row is named and kept out', async () => {
    const out = await json(fixture('bad-input/unclosed-quote.csv'));
    expect(out.accounts.map((a) => a.login)).not.toContain('romane.picard');
    expect(out.accounts.map((a) => a.login)).not.toContain('dwk5q2se');
    expect(out.total).toBe(5);
    expect(out.warnings).toContainEqual(
      expect.stringMatching(
        /^Ligne 4\u00a0: du texte suit le guillemet fermant de la colonne 5 \(«\u00a0Prénom\u00a0»\)/,
      ),
    );
  });

  it('a quote opened in an unquoted file that swallows the next lines: their lines are named', async () => {
    const path = file(
      `${HEADER}\nA;Ana;ana;c1;Élève;6EME 1;;\nB;"Bob;bob;c2;Élève;6EME 1;;\nC;Cid;cid;c3;Élève;6EME 1;;\n` +
        `D;Dan "Jo";dan;c4;Élève;6EME 1;;\nE;Eve;eve;c5;Élève;6EME 1;;\n`,
    );
    const out = await json(path);
    expect(out.accounts.map((a) => a.login)).toEqual(['ana', 'eve']);
    expect(out.warnings[0]).toMatch(/^Ligne 3 \(lignes 3 à 5 du fichier\)\u00a0: /);
  });

  it('a row cut just after « Identifiant » is not read as an activated account', async () => {
    const out = await json(fixture('bad-input/short-rows.csv'));
    const logins = out.accounts.map((a) => a.login);
    expect(logins).not.toContain('alice.perez');
    expect(logins).not.toContain('lsilva55'); // a field less: the alias and code shifted
    expect(out.warnings).toContainEqual(
      expect.stringMatching(/^Ligne 3\u00a0: 6 champs au lieu des 16 de l'en-tête/),
    );
    expect(out.warnings).toContainEqual(
      expect.stringMatching(/^Ligne 5\u00a0: 15 champs au lieu des 16 de l'en-tête/),
    );
  });

  it('rows kept out reach no letter and no export', async () => {
    const pdf = join(dir, 'courts.pdf');
    const result = await cli(
      'pdf',
      fixture('bad-input/short-rows.csv'),
      '--layout',
      '8',
      '--settings',
      SETTINGS,
      '--out',
      pdf,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^4 courriers/);
    expect(result.stderr).toMatch(/Attention\u00a0: Ligne 3\u00a0: 6 champs/);
    const csv = join(dir, 'courts.csv');
    const exported = await cli('export', fixture('bad-input/short-rows.csv'), '--out', csv);
    expect(exported.stdout).toMatch(/^4 comptes exportés/);
    const text = readFileSync(csv, 'utf8');
    expect(text).not.toContain('alice.perez');
    expect(text).not.toContain('louis.silva');
  });

  it('a quote never closed at the end of the file: the whole file is refused, naming the line', async () => {
    await refused(
      ['preview', file(`${HEADER}\nA;Ana;ana;c1;Élève;;;\n"B;Bob;bob;c2;Élève;;;\n`)],
      /comptes\.csv\u00a0»\u00a0: Le fichier n'est pas un CSV lisible \(ligne 3\)/,
    );
  });
});

describe('files that are not a CSV export', () => {
  it('random bytes: said to be no text, nothing echoed', async () => {
    let seed = 15;
    const bytes = Uint8Array.from(
      { length: 4000 },
      () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
    );
    const stderr = await refused(['preview', file(bytes)], /ce n'est pas un fichier texte/);
    expect(stderr.length).toBeLessThan(400);
  });

  it('an Excel or LibreOffice workbook (.xlsx, .ods, .xls): save it as CSV', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x1b, 0x07]);
    await refused(['preview', file(zip, 'comptes.xlsx')], /classeur Excel.*enregistrez-le en CSV/);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await refused(['preview', file(ole, 'comptes.xls')], /classeur Excel/);
    await refused(['preview', file('%PDF-1.7\n%\xe2\xe3\n1 0 obj')], /c'est un document PDF/);
  });

  it('UTF-16 with a BOM, as Excel writes "Texte Unicode", little or big endian, is read', async () => {
    const text = `${HEADER.replace(/;/g, '\t')}\r\nÇELIK\tZoë\tzoe\tx1\tÉlève\t6EME 1\t\t\r\n`;
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bytes = iconv.encode(text, encoding, { addBOM: true });
      const out = await json(file(bytes));
      expect(out.accounts).toMatchObject([{ login: 'zoe', activated: false }]);
    }
    const out = await json(file(iconv.encode(text, 'utf-16le'))); // no BOM
    expect(out.accounts.map((a) => a.login)).toEqual(['zoe']);
  });

  it('a first line of 2 MB: a bounded excerpt of the headers, no control characters', async () => {
    const line = `Nom;\u001b[2J\u0007${'x'.repeat(2_000_000)}\n`;
    const stderr = await refused(['preview', file(line)], /Colonnes obligatoires absentes/);
    expect(stderr.length).toBeLessThan(3000);
    expect(stderr).toContain('« ␛[2J␇xxx');
  });

  it('a file too large for one string: the limit is said, nothing is read', async () => {
    const path = join(dir, 'enorme.csv');
    writeFileSync(path, '');
    truncateSync(path, 600 * 1024 * 1024); // sparse: no disk used
    await refused(
      ['preview', path],
      /enorme\.csv\u00a0»\u00a0: le fichier est trop grand \(600 Mo\)\u00a0: au plus 512 Mo/,
    );
  });

  it('a device, a folder, an empty file', async () => {
    await refused(
      ['preview', '/dev/zero'],
      /«\u00a0\/dev\/zero\u00a0»\u00a0: ce n'est pas un fichier/,
    );
    await refused(['preview', dir], /c'est un dossier/);
    await refused(['preview', file('')], /Le tableau est vide/);
  });
});

describe('filters that match nothing', () => {
  const school = fixture('college-enriched.csv');

  it('a mistyped profile is named, with the known ones', async () => {
    await refused(
      ['preview', school, '--profile', 'Enseignnt'],
      /Le filtre «\u00a0--profile\u00a0» ne connaît pas «\u00a0Enseignnt\u00a0».*Valeurs du fichier\u00a0: «\u00a0Élève\u00a0», «\u00a0Enseignant\u00a0», «\u00a0Parent\u00a0», «\u00a0Personnel\u00a0», «\u00a0Invité\u00a0»/,
    );
  });

  it('an unknown class or level is named, with the file’s own', async () => {
    await refused(
      [
        'pdf',
        school,
        '--class',
        '6EME 9',
        '--layout',
        '1',
        '--settings',
        SETTINGS,
        '--out',
        join(dir, 'x.pdf'),
      ],
      /«\u00a0--class\u00a0» ne connaît pas «\u00a06EME 9\u00a0».*«\u00a06EME 1\u00a0»/,
    );
    await refused(
      ['preview', school, '--level', '7EME'],
      /«\u00a0--level\u00a0» ne connaît pas «\u00a07EME\u00a0».*«\u00a06EME\u00a0»/,
    );
    expect((await cli('preview', school, '--class', '6eme 1', '--json')).code).toBe(0);
  });

  it('--created-after later than --created-before', async () => {
    await refused(
      ['preview', school, '--created-after', '2024-01-01', '--created-before', '2023-01-01'],
      /«\u00a0--created-after\u00a0» \(2024-01-01\) est après «\u00a0--created-before\u00a0» \(2023-01-01\)/,
    );
  });

  it('an empty --profile=, --class=, --level=', async () => {
    await refused(['preview', school, '--profile='], /«\u00a0--profile\u00a0» a une valeur vide/);
    await refused(['preview', school, '--class='], /«\u00a0--class\u00a0» a une valeur vide/);
    await refused(['preview', school, '--level', ' '], /«\u00a0--level\u00a0» a une valeur vide/);
  });

  it('a known profile that no account has is no mistake: zero selected', async () => {
    const out = await json(fixture('staff-preview.csv'), '--profile', 'Invité');
    expect(out.total).toBe(0);
  });
});

describe('outputs that cannot be written', () => {
  const school = fixture('rules/screenshot.csv');
  const pdf = (...args: string[]) => [
    'pdf',
    school,
    '--layout',
    '8',
    '--settings',
    SETTINGS,
    ...args,
  ];

  it('--out-dir that is a file', async () => {
    const path = file('x', 'pas-un-dossier');
    await refused(
      pdf('--split-by', 'class', '--out-dir', path),
      /Impossible de créer le dossier «\u00a0.*pas-un-dossier\u00a0»\u00a0: .* est un fichier, pas un dossier\./,
    );
    await refused(
      pdf('--split-by', 'class', '--out-dir', join(path, 'sous')),
      /est un fichier, pas un dossier/,
    );
  });

  it('--out FILE/x.pdf: refused, and no temporary file left', async () => {
    const path = file('x', 'fichier');
    await refused(
      pdf('--out', join(path, 'x.pdf')),
      /Impossible d'écrire «\u00a0.*fichier\/x\.pdf\u00a0»\u00a0: un élément du chemin n'est pas un dossier/,
    );
    await refused(['export', school, '--out', join(path, 'x.csv')], /n'est pas un dossier/);
    const missing = join(dir, 'absent', 'x.csv');
    await refused(['export', school, '--out', missing], /dossier introuvable/);
    expect(readdirSync(join(path, '..'))).toEqual(['fichier']);
  });

  it('paths under /proc: a message at once, never a loop', async () => {
    await refused(
      pdf('--out', '/proc/self/x.pdf'),
      /Impossible d'écrire «\u00a0\/proc\/self\/x\.pdf\u00a0»/,
    );
    await refused(['export', school, '--out', '/proc/self/x.csv'], /Impossible d'écrire/);
    await refused(
      pdf('--split-by', 'class', '--out-dir', '/proc/self/courriers'),
      /Impossible de créer le dossier «\u00a0\/proc\/self\/courriers\u00a0»/,
    );
  });

  it('an output that is a folder or a device is never replaced', async () => {
    const folder = join(dir, 'un-dossier');
    mkdirSync(folder);
    await refused(pdf('--out', folder), /ce n'est pas un fichier ordinaire/);
    const fifo = join(dir, 'tube');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      await refused(['export', school, '--out', fifo], /ce n'est pas un fichier ordinaire/);
      expect(statSync(fifo).isFIFO()).toBe(true);
    }
  });

  it('stopped by Ctrl+C while writing a PDF: no temporary file is left', async () => {
    ensureDist();
    const folder = join(dir, 'interrompu');
    mkdirSync(folder);
    const csv = join(folder, 'ecole.csv');
    writeFileSync(
      csv,
      schoolRows(3000)
        .map((row) => row.join(';'))
        .join('\n'),
    );
    const child = spawn(process.execPath, [
      join(DIST, 'cli.cjs'),
      'pdf',
      csv,
      '--layout',
      '1',
      '--settings',
      SETTINGS,
      '--out',
      join(folder, 'courriers.pdf'),
    ]);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const started = Date.now();
    while (!readdirSync(folder).some((name) => name.endsWith('.tmp'))) {
      if (Date.now() - started > 60_000) throw new Error('no temporary file seen');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(folder)).toEqual(['ecole.csv']);
  }, 90_000);

  it('a read-only folder', async () => {
    const folder = join(dir, 'lecture-seule');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    // Root writes through any permission: as root, the CLI runs as the unprivileged `nobody`.
    const asUser = process.getuid?.() === 0 ? runAsNobody : (args: string[]) => cli(...args);
    for (const folderOnTheWay of [tmpdir(), dir]) chmodSync(folderOnTheWay, 0o755);
    for (const args of [
      pdf('--out', join(folder, 'x.pdf')),
      pdf('--split-by', 'profile', '--out-dir', join(folder, 'sous')),
    ]) {
      const result = await asUser(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/écriture non autorisée/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('names that would drive the terminal', () => {
  const path = file(
    `${HEADER}\n\u001b]0:pwned\u0007DUPONT;Jean\u001b[31m;jean;c1;Élève;6EME 1;;\n` +
      `MARTIN;Léa;lea;c2;\u001b[2JStagiaire\u009b;6EME 1;;\nABEL;Zoé;\u202eeoz;c3;Élève;6EME 1;;13/13/2020\n`,
  );

  it('the preview table and its warnings show the controls as symbols', async () => {
    const result = await cli('preview', path, '--show-codes');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stdout).toContain('␛]0:pwned␇DUPONT');
    expect(result.stdout).toContain('Jean␛[31m');
    expect(result.stdout).not.toContain('\u202e');
    expect(result.stderr).toContain('profil inconnu « ␛[2JStagiaire\ufffd »');
  });

  it('--json keeps the data, with JSON escapes for C0 controls', async () => {
    const result = await cli('preview', path, '--json');
    expect(result.stdout).not.toContain('\u001b');
    expect(
      JSON.parse(result.stdout).accounts.map((a: { lastName: string }) => a.lastName),
    ).toContain('\u001b]0:pwned\u0007DUPONT');
  });

  it('an output path with controls, in the message on stdout', async () => {
    const out = join(dir, 'x\u001b[8m.csv');
    const result = await cli('export', fixture('rules/screenshot.csv'), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain('x␛[8m.csv');
  });

  it('a header with controls, in the missing-columns message', async () => {
    await refused(['preview', file('Nom;\u001b[5mPrénom\nA;B\n')], /«\u00a0␛\[5mPrénom\u00a0»/);
  });
});

describe('settings files', () => {
  const school = fixture('rules/screenshot.csv');
  const pdf = (settings: string) => [
    'pdf',
    school,
    '--layout',
    '8',
    '--settings',
    settings,
    '--out',
    join(dir, 'r.pdf'),
  ];
  const good = { entName: 'ENT', entUrl: 'https://ent.fr', schoolName: 'Collège', contact: 'c' };

  it('JSON with a mistake: its line and column, in French', async () => {
    const stderr = await refused(
      [...pdf(file('{\n  "entName": "ENT",\n  entUrl: "x"\n}', 'r.json'))],
      /Impossible de lire les réglages «\u00a0.*r\.json\u00a0»\u00a0: ce n'est pas du JSON valide \(ligne 3, colonne 3\)/,
    );
    expect(stderr).not.toMatch(/Unexpected|Expected/);
  });

  it('a device, a huge file, UTF-16 from a Windows editor', async () => {
    await refused(pdf('/dev/zero'), /ce n'est pas un fichier/);
    await refused(pdf(file(' '.repeat(100_000), 'r.json')), /trop grand \(98 Ko, au plus 64 Ko\)/);
    const utf16 = iconv.encode(JSON.stringify(good), 'utf-16le', { addBOM: true });
    expect((await cli(...pdf(file(utf16, 'r.json')))).code).toBe(0);
  });

  it('a value too long or holding a control character is named', async () => {
    const long = JSON.stringify({ ...good, schoolName: 'x'.repeat(3000) });
    await refused(
      pdf(file(long, 'r.json')),
      /«\u00a0schoolName\u00a0» \(nom de l'établissement\) est trop long\u00a0: 3000 caractères, 200 au plus/,
    );
    const esc = JSON.stringify({ ...good, entName: 'ENT\u001b[31m' });
    await refused(
      pdf(file(esc, 'r.json')),
      /«\u00a0entName\u00a0» \(nom de l'ENT\) contient un caractère de contrôle \(«\u00a0ENT␛\[31m\u00a0»\)/,
    );
  });
});

describe('characters the letters cannot draw', () => {
  it('CJK, mathematical letters, an emoji in a login: a warning names the accounts', async () => {
    const path = file(
      `${HEADER}\n王;小明;wang.xm;c1;Élève;6EME 1;;\n\u{1d49c}DAM;Ève;adam.m;c2;Élève;6EME 1;;\n` +
        `SMITH;Joe;joe\u{1f600};c3;Élève;6EME 1;;\nDUPONT;Zoë;zoe.d;c4;Élève;6EME 1;;\n`,
    );
    const out = join(dir, 'glyphes.pdf');
    const result = await cli('pdf', path, '--layout', '8', '--settings', SETTINGS, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `Attention : dans « ${out} », des caractères que les polices des courriers ne savent pas dessiner sortiront en carrés vides : ` +
        '« joe\u{1f600} » (« \u{1f600} »), « wang.xm » (« 小 » « 明 » « 王 »), « adam.m » (« \u{1d49c} »). ' +
        'Vérifiez ces courriers, ou écrivez ces noms en lettres latines dans le fichier.',
    );
    expect(result.stderr).not.toContain('zoe.d');
  });
});

describe('help after a command', () => {
  it('publipostage pdf --help, preview -h, mail --help', async () => {
    for (const args of [
      ['--help'],
      ['-h'],
      ['pdf', '--help'],
      ['preview', 'x.csv', '-h'],
      ['mail', '--help'],
      ['export', '--out', 'a.csv', '--help'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Publipostage des comptes ENT/);
    }
  });

  it('-h as the value of an option, or after --, is not help', async () => {
    const school = fixture('college-enriched.csv');
    await refused(['preview', school, '--class', '-h'], /ne connaît pas «\u00a0-h\u00a0»/);
    await refused(['preview', '--', '-h'], /Impossible de lire «\u00a0-h\u00a0»/);
  });
});
