import { describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixture } from './helpers';
import { DIST, ensureDist } from '../../helpers/dist';

const dir = mkdtempSync(join(tmpdir(), 'publipostage-cli-'));

describe('user errors: exit 2, a French message, no stack trace', () => {
  it('a file that cannot be read', async () => {
    const result = await cli('preview', join(dir, 'absent.csv'));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /Impossible de lire «\u00a0.*absent\.csv\u00a0»\u00a0: fichier introuvable\./,
    );
    expect((await cli('preview', dir)).stderr).toMatch(/c'est un dossier/);
  });

  it('missing required columns, with the accepted and found headers', async () => {
    const file = join(dir, 'sans-login.csv');
    writeFileSync(file, 'Nom;Prénom;Type;Téléphone\nA;B;Élève;06\n');
    const result = await cli('preview', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Colonne obligatoire absente : « Identifiant » (en-têtes acceptés : Identifiant, Login). En-têtes trouvés : « Nom », « Prénom », « Type », « Téléphone ».',
    );
  });

  it('an unknown option, a missing value, a bad value', async () => {
    const file = fixture('rules/screenshot.csv');
    expect(await cli('preview', file, '--profil', 'Enseignant')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Option inconnue\u00a0: «\u00a0--profil\u00a0»/),
    });
    expect((await cli('preview', file, '--profile')).stderr).toMatch(
      /«\u00a0--profile\u00a0» attend une valeur/,
    );
    expect((await cli('preview', file, '--sort', 'date')).stderr).toMatch(
      /Valeur «\u00a0date\u00a0» invalide pour «\u00a0--sort\u00a0»\u00a0: attendu alpha, class, profile/,
    );
    for (const required of [
      ['pdf', '--layout', '1', '--out', 'x.pdf'],
      ['mail', '--outbox', 'x'],
    ]) {
      expect(await cli(...required, file, '--language', 'de')).toMatchObject({
        code: 2,
        stderr: 'Valeur « de » invalide pour « --language » : attendu fr, en.\n',
      });
    }
    expect((await cli('preview', file, '--created-after', '01/09/2019')).stderr).toMatch(
      /AAAA-MM-JJ/,
    );
    expect((await cli('preview', file, '--sort', 'alpha', '--sort', 'class')).code).toBe(2);
    expect((await cli('preview')).stderr).toMatch(/Indiquez le fichier des comptes/);
    expect((await cli('preview', file, file)).stderr).toMatch(/Un seul fichier/);
    expect((await cli('frobnicate')).stderr).toMatch(
      /Commande inconnue\u00a0: «\u00a0frobnicate\u00a0»/,
    );
  });

  it('a filter whose column is absent', async () => {
    const result = await cli(
      'preview',
      fixture('college-export.csv'),
      '--created-before',
      '2020-01-01',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /«\u00a0Date de création \(avant le\)\u00a0» n'est pas disponible .* pas de colonne «\u00a0Date de création\u00a0»/,
    );
    expect(result.stderr).toMatch(
      /En-têtes trouvés\u00a0: «\u00a0Id\u00a0», «\u00a0Identifiant SIECLE\u00a0»/,
    );
    expect(
      (await cli('preview', fixture('rules/screenshot.csv'), '--local-admins')).stderr,
    ).toMatch(/pas de colonne «\u00a0Administrateur local\u00a0» ni «\u00a0Fonctions\u00a0»/);
  });

  it('as a process: status 2 and the message alone on stderr', () => {
    ensureDist();
    const cliPath = join(DIST, 'cli.cjs');
    const run = spawnSync(
      process.execPath,
      [cliPath, 'preview', join(dir, 'absent.csv'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Impossible de lire .* fichier introuvable\.\n$/);
    const unknown = spawnSync(
      process.execPath,
      [cliPath, 'export', fixture('rules/screenshot.csv'), '--bogus'],
      {
        encoding: 'utf8',
      },
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toMatch(/\bat .*\.c?js:\d+/);
    const ok = execFileSync(
      process.execPath,
      [cliPath, 'preview', fixture('rules/screenshot.csv'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(ok).total).toBe(7);
  });
});

describe('malformed files', () => {
  it('names the file and the line of a quote never closed', async () => {
    const file = join(dir, 'guillemet.csv');
    writeFileSync(file, 'Nom;Prénom;Login;Profil\n"A;B;c;Élève\n');
    const result = await cli('preview', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /guillemet\.csv\u00a0»\u00a0: Le fichier n'est pas un CSV lisible \(ligne 2\)/,
    );
  });

  it('says an empty file is empty, and previews a header without rows', async () => {
    const empty = join(dir, 'vide.csv');
    writeFileSync(empty, '\uFEFF');
    expect(await cli('preview', empty)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/vide/),
    });
    const header = join(dir, 'entete.csv');
    writeFileSync(header, "Nom;Prénom;Login;Profil;Code d'activation\n");
    const result = await cli('preview', header, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 0, accounts: [] });
  });

  it('stops quietly when its reader closes the pipe early (preview … | head)', async () => {
    ensureDist();
    const rows = Array.from({ length: 20_000 }, (_, i) => `N${i};P${i};login${i};Élève`);
    const big = join(dir, 'grand.csv');
    writeFileSync(big, ['Nom;Prénom;Login;Profil', ...rows].join('\n'));
    const child = spawn(process.execPath, [join(DIST, 'cli.cjs'), 'preview', big]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read one chunk, then close the pipe, as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|at /);
  });
});
