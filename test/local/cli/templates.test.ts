// `--templates DIR`: the referent's texts from a folder, the same checks as the add-on's.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixture } from './helpers';
import { parseEml } from '../../helpers/eml-parser';
import { pdfPageCount, pdfText } from '../../helpers/pdf';
import { defaultText } from '../../../src/core/texts';

const dir = mkdtempSync(join(tmpdir(), 'cli-templates-'));
const settings = join(dir, 'reglages.json');
writeFileSync(
  settings,
  JSON.stringify({
    entName: 'Mon ENT',
    entUrl: 'https://ent.college-hugo.fr',
    schoolName: 'Collège Victor Hugo',
    contact: 'M. Martin',
  }),
);

function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

const CARD = `{{prénom}} {{nom}}
Votre identifiant
{{identifiant}}
Votre code
{{code}}
Bienvenue au collège : ouvrez **{{adresse_ent}}** (texte-maison-42).
`;

describe('publipostage pdf --templates', () => {
  it('prints the folder’s card text on every card, the other texts by default', async () => {
    const templates = folder('cards', { 'card-not-activated.txt': CARD });
    const out = join(dir, 'cards.pdf');
    const result = await cli(
      'pdf',
      fixture('college-export.csv'),
      '--activation',
      'not-activated',
      '--layout',
      '8',
      '--out',
      out,
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.stderr).not.toMatch(/texte|templates/i);
    expect(result.code).toBe(0);
    const count = Number(/^(\d+) courriers/.exec(result.stdout)![1]);
    const text = pdfText(out);
    expect(text.match(/texte-maison-42/g)).toHaveLength(count);
    expect(text.match(/Votre code/g)).toHaveLength(count);
    expect(text).not.toContain('Première connexion');
    expect(pdfPageCount(out)).toBe(Math.ceil(count / 8));
  });

  it('names the file, the line and the field of a mistake, and writes nothing', async () => {
    const templates = folder('typo', {
      'card-activated.txt': '{{prénom}}\n{{identifiant}}\nBonjour {{prenom}} !\n',
    });
    const out = join(dir, 'typo.pdf');
    const result = await cli(
      'pdf',
      fixture('college-export.csv'),
      '--layout',
      '8',
      '--out',
      out,
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(templates, 'card-activated.txt')}`);
    expect(result.stderr).toContain(
      'Ligne 3\u00a0: le champ «\u00a0{{prenom}}\u00a0» n’existe pas\u00a0: vouliez-vous dire «\u00a0{{prénom}}\u00a0»\u00a0?',
    );
    expect(readdirSync(dir)).not.toContain('typo.pdf');
  });

  it('refuses a card text too long for the fullest account, naming it', async () => {
    const long = `${defaultText('fr', 'card-not-activated')}\n${'Une phrase de plus, encore une. '.repeat(10)}`;
    const templates = folder('long', { 'card-not-activated.txt': long });
    const result = await cli(
      'pdf',
      fixture('college-export.csv'),
      '--layout',
      '8',
      '--out',
      join(dir, 'long.pdf'),
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /Le texte «\u00a0Carte – compte non activé\u00a0» est trop long pour sa carte\u00a0: pour .+ \([a-z0-9.-]+\)/,
    );
  });

  it('warns about a file no text reads', async () => {
    const templates = folder('misspelt', { 'carte.txt': 'x' });
    const result = await cli(
      'pdf',
      fixture('college-export.csv'),
      '--layout',
      '8',
      '--out',
      join(dir, 'misspelt.pdf'),
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('carte.txt');
  });
});

describe('publipostage mail --templates', () => {
  it('sends the folder’s subject and body', async () => {
    const templates = folder('mail', {
      'mail-not-activated.txt':
        'Vos accès {{nom_ent}} (maison)\n\nBonjour {{prénom}},\n\nIdentifiant : {{identifiant}}\nCode : {{code}}\n',
    });
    const outbox = join(dir, 'outbox');
    const result = await cli(
      'mail',
      fixture('college-export.csv'),
      '--activation',
      'not-activated',
      '--outbox',
      outbox,
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.code).toBe(0);
    const emls = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    expect(emls.length).toBeGreaterThan(0);
    for (const name of emls) {
      const eml = parseEml(readFileSync(join(outbox, name), 'utf8'));
      expect(eml.header('Subject')).toBe('Vos accès Mon ENT (maison)');
      const [text, html] = eml.parts.map((part) => part.body);
      expect(text).toMatch(/^Bonjour [^\r\n]+,\r\n\r\nIdentifiant : \S+\r\nCode : \S+\r\n/);
      expect(html).toContain('<p>Bonjour ');
    }
  });
});
