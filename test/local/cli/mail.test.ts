import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEml } from '../../helpers/eml-parser';
import { cli, fixture } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'publipostage-mail-'));
const settingsFile = join(dir, 'reglages.json');
writeFileSync(
  settingsFile,
  JSON.stringify({
    entName: 'Mon ENT',
    entUrl: 'https://ent.college-hugo.example.org',
    schoolName: 'Collège Victor Hugo',
    contact: 'M. Martin, référent ENT',
    senderName: 'Référent ENT du collège',
    replyTo: 'referent@college-hugo.example.org',
  }),
);

const emls = (outbox: string) => readdirSync(outbox).filter((name) => name.endsWith('.eml'));
const count = (stdout: string, label: string) =>
  Number(new RegExp(`${label} : (\\d+)`).exec(stdout)?.[1]);

describe('publipostage mail', () => {
  it('writes a valid message per address of the college export, and nothing on a rerun', async () => {
    const outbox = join(dir, 'college');
    const file = fixture('college-enriched.csv');
    const preview = JSON.parse((await cli('preview', file, '--json')).stdout);
    const result = await cli('mail', file, '--outbox', outbox, '--settings', settingsFile);
    expect(result).toMatchObject({ code: 0 });
    const sent = count(result.stdout, 'envoyés');
    expect(result.stdout).toContain(`Campagne « courriel-`);
    expect(count(result.stdout, 'ignorés, sans courriel')).toBe(preview.withoutEmail);
    expect(count(result.stdout, 'ignorés, courriel invalide')).toBe(preview.invalidEmail);
    expect(sent).toBe(preview.total - preview.withoutEmail - preview.invalidEmail);
    expect(sent).toBeGreaterThan(500);
    expect(emls(outbox)).toHaveLength(sent);

    // Every file reads back; the not-activated ones carry their code, the others the reset.
    for (const name of emls(outbox)) {
      const eml = parseEml(readFileSync(join(outbox, name), 'utf8'));
      const address = /<([^>]+)>$/.exec(eml.header('To')!)![1]!;
      const account = preview.accounts.find(
        (a: { email: string | null }) => a.email?.trim() === address,
      );
      expect(account, name).toBeDefined();
      expect(eml.header('From')).toBe(
        'Référent ENT du collège <referent@college-hugo.example.org>',
      );
      expect(eml.header('Date')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
      expect(eml.header('Message-ID')).toMatch(/^<[^<>@\s]+@college-hugo\.example\.org>$/);
      const [text, html] = eml.parts.map((p) => p.body);
      expect(text).toContain(`Identifiant\u00a0: ${account.login}`);
      if (account.activated) expect(text).toContain('Mot de passe oublié\u00a0?');
      else expect(text).toContain(`Code d'activation\u00a0: ${account.activationCode}`);
      expect(html).toContain('<html lang="fr">');
    }

    const journal = readFileSync(join(outbox, 'journal.csv'), 'utf8');
    expect(
      journal
        .slice(1)
        .split('\r\n')
        .filter((l) => l !== ''),
    ).toHaveLength(preview.total + 1);

    const mtimes = emls(outbox).map((n) => statSync(join(outbox, n)).mtimeMs);
    const again = await cli('mail', file, '--outbox', outbox, '--settings', settingsFile);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`envoyés : ${sent} (0 lors de cette exécution)`);
    expect(again.stdout).toContain('Rien de nouveau à envoyer');
    expect(emls(outbox).map((n) => statSync(join(outbox, n)).mtimeMs)).toEqual(mtimes);
  });

  it('spreads a campaign over runs with a simulated quota, filters applied', async () => {
    const outbox = join(dir, 'quota');
    const args = [
      'mail',
      fixture('college-enriched.csv'),
      '--profile',
      'Enseignant',
      '--email',
      'with',
      '--outbox',
      outbox,
      '--settings',
      settingsFile,
      '--quota',
      '10',
    ];
    const first = await cli(...args);
    expect(first.stdout).toContain('envoyés : 10 (10 lors de cette exécution)');
    const waiting = count(first.stdout, 'en attente : quota');
    expect(waiting).toBeGreaterThan(0);
    let runs = 1;
    let last = first;
    while (count(last.stdout, 'en attente : quota') > 0) {
      last = await cli(...args);
      runs++;
    }
    expect(emls(outbox)).toHaveLength(10 + waiting);
    expect(runs).toBe(Math.ceil((10 + waiting) / 10));
  });

  it('warns of every placeholder setting, with or without a settings file', async () => {
    const file = fixture('staff-preview.csv');
    const none = await cli('mail', file, '--outbox', join(dir, 'none'), '--quota', '0');
    expect(none.code).toBe(0);
    expect(none.stderr).toContain(
      "Attention : L'adresse de l'ENT « https://ent.example » est un exemple",
    );
    expect(none.stderr).toContain("Attention : Le nom de l'établissement n'est pas renseigné");
    const partial = join(dir, 'partial.json');
    writeFileSync(
      partial,
      JSON.stringify({
        entName: 'Mon ENT',
        entUrl: 'https://ent.college-hugo.fr',
        schoolName: 'Collège Victor Hugo',
      }),
    );
    const some = await cli(
      'mail',
      file,
      '--outbox',
      join(dir, 'partial'),
      '--settings',
      partial,
      '--quota',
      '0',
    );
    expect(some.code).toBe(0);
    expect(some.stderr).toBe(
      "Attention : La ligne de contact n'est pas renseignée (« [Contact : bureau du référent ENT, courriel, téléphone] »).\n",
    );
  });

  it('says what is wrong, in French, with exit status 2', async () => {
    const file = fixture('college-enriched.csv');
    expect(await cli('mail', file)).toMatchObject({
      code: 2,
      stderr: "L'option « --outbox » est obligatoire pour « mail ».\n",
    });
    expect((await cli('mail', file, '--outbox', dir, '--quota', 'beaucoup')).stderr).toContain(
      '« --quota »',
    );
    writeFileSync(join(dir, 'bad.json'), '{"entName": 3}');
    expect(
      (await cli('mail', file, '--outbox', join(dir, 'x'), '--settings', join(dir, 'bad.json')))
        .stderr,
    ).toContain('« entName »');
    const journalOutbox = join(dir, 'other');
    await cli('mail', file, '--outbox', journalOutbox, '--campaign', 'rentree', '--quota', '0');
    const other = await cli('mail', file, '--outbox', journalOutbox, '--campaign', 'juin');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('contient déjà la campagne « rentree »');
  });
});
