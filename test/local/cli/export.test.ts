import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixture } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'publipostage-export-'));

describe('publipostage export', () => {
  it('writes the selection in sort order, codes masked', async () => {
    const out = join(dir, 'enseignants.csv');
    const result = await cli(
      'export',
      fixture('rules/screenshot.csv'),
      '--profile',
      'Teacher',
      '--out',
      out,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      `6 comptes exportés dans « ${out} » (codes d'activation masqués).\n`,
    );
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '"Nom";"Prénom";"Profil";"Login";"Code d\'activation";"Courriel";"Classe";"Date de création"',
    );
    expect(lines.slice(1, 4).map((l) => l.split(';')[3])).toEqual([
      '"slimane.arsenne"',
      '"abel.bahous"',
      '"abel.bahous2"',
    ]);
    expect(bytes.toString('utf8')).not.toContain('b6yhsp6');
  });

  it('shows the codes with --show-codes', async () => {
    const out = join(dir, 'codes.csv');
    await cli('export', fixture('rules/screenshot.csv'), '--show-codes', '--out', out);
    expect(readFileSync(out, 'utf8')).toContain('"b6yhsp6"');
  });

  it('neutralises a name that a spreadsheet would run', async () => {
    const out = join(dir, 'formule.csv');
    await cli('export', fixture('rules/class-admin-1252.csv'), '--out', out);
    expect(readFileSync(out, 'utf8')).toContain(`"'=1+1";"Anne"`);
  });

  it('needs --out, and never writes over the account file', async () => {
    expect((await cli('export', fixture('rules/screenshot.csv'))).stderr).toMatch(
      /«\u00a0--out\u00a0» est obligatoire/,
    );
    const input = join(dir, 'comptes.csv');
    copyFileSync(fixture('rules/screenshot.csv'), input);
    const before = readFileSync(input);
    const result = await cli('export', input, '--out', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/est le fichier des comptes/);
    expect(readFileSync(input)).toEqual(before);
    const missingDir = await cli('export', input, '--out', join(dir, 'absent', 'x.csv'));
    expect(missingDir).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Impossible d'écrire .*dossier introuvable/),
    });
    expect(existsSync(join(dir, 'absent'))).toBe(false);
  });
});
