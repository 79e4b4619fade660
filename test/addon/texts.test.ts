// Issue 17 in the add-on (dist/Code.js in the emulator): the referent's texts stored with the
// spreadsheet, checked before they are written, used by the letters and the e-mails, frozen
// with a job; and the CLI's --templates gives the same words from the same texts.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { readDist } from '../helpers/dist';
import { pdfFile, pdfText } from '../helpers/pdf';
import { cli } from '../local/cli/helpers';
import { addonRuntime, runAsSidebar } from '../helpers/mail-addon';
import { MAX_TEXT_LENGTH, defaultText } from '../../src/core/texts';

const HEADER = ['Nom', 'Prénom', 'Identifiant', 'Type', "Code d'activation", 'Classes', 'Courriel'];
const SETTINGS = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.exemple.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'Bureau 12',
};

function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `NOM${i}`,
    `Prénom${i}`,
    `login.${String(i).padStart(3, '0')}`,
    'Élève',
    i % 3 === 0 ? '' : `code${i}x`,
    `6EME ${(i % 3) + 1}`,
    i % 2 ? `p${i}@exemple.fr` : '',
  ]);
}

function school(n: number) {
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows([HEADER, ...rows(n)], 'Comptes'),
    latency: 'fast',
  });
  runtime.run('saveSettings', [SETTINGS]);
  return runtime;
}

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

const selection = { sheetName: 'Comptes', filters: {}, sort: 'alpha', showCodes: false };

const CARD_NOT_ACTIVATED = `{{prénom}} {{nom}}
{{profil_classes}}
Identifiant
{{identifiant}}
Code d'activation
{{code}}
Rendez-vous sur **{{adresse_ent}}** avec ce code (mot-clé-maison).`;
const CARD_ACTIVATED = `{{prénom}} {{nom}}
Identifiant
{{identifiant}}
Compte déjà ouvert : mot de passe oublié sur {{adresse_ent}} (rappel-maison).`;

function generate(runtime: AppsScriptRuntime, layout: number, between?: () => void): Reply {
  let reply = runtime.runFromClient('startLetters', [
    { ...selection, layout, split: 'none', confirmed: false },
  ]) as Reply;
  between?.();
  for (let i = 0; reply.ok && !reply.value!.done && i < 50; i++) {
    reply = runtime.runFromClient('continueLetters', [reply.value!.jobId]) as Reply;
  }
  return reply;
}

function addonPdfText(runtime: AppsScriptRuntime): string {
  const pdf = runtime.stores.drive.files.find(
    (f) => f.mimeType === 'application/pdf' && !f.trashed,
  )!;
  return pdfText(pdfFile(pdf.bytes));
}

/** The words of a text, in order: what a reader reads, whatever the line breaks. */
const words = (text: string) => text.split(/[\s\u00a0]+/).filter((word) => word !== '');

describe('the referent’s texts in the add-on', () => {
  it('lists the six texts with their defaults and the field list', () => {
    const runtime = school(3);
    const reply = runtime.runFromClient('getTexts', [null]) as Reply;
    const view = reply.value as {
      language: string;
      texts: { id: string; customised: boolean; source: string }[];
      fields: { tag: string; label: string }[];
      maxLength: number;
    };
    expect(view.language).toBe('fr');
    expect(view.texts.map((t) => t.id)).toEqual([
      'letter-not-activated',
      'letter-activated',
      'card-not-activated',
      'card-activated',
      'mail-not-activated',
      'mail-activated',
    ]);
    expect(view.texts.every((t) => !t.customised)).toBe(true);
    expect(view.texts[2]!.source).toBe(defaultText('fr', 'card-not-activated'));
    expect(view.fields.map((f) => f.tag)).toContain('{{prénom}}');
    expect(view.maxLength).toBe(MAX_TEXT_LENGTH);
  });

  it('saves a checked text under its own key, refuses a wrong one in French, resets', () => {
    const runtime = school(3);
    const document = runtime.stores.properties.document;
    const bad = runtime.runFromClient('saveText', [
      { language: 'fr', id: 'card-activated', source: 'Bonjour {{prenom}}\n{{identifiant}}' },
    ]) as Reply;
    expect(bad.ok).toBe(false);
    expect(bad.error!.message).toContain('vouliez-vous dire «\u00a0{{prénom}}\u00a0»');
    expect(document.getProperty('publipostage.text.fr.card-activated')).toBeNull();

    const noCode = runtime.runFromClient('saveText', [
      { language: 'fr', id: 'card-not-activated', source: '{{identifiant}}' },
    ]) as Reply;
    expect(noCode.error!.message).toContain('{{code}}');

    const saved = runtime.runFromClient('saveText', [
      { language: 'fr', id: 'card-activated', source: CARD_ACTIVATED },
    ]) as Reply;
    expect(saved.ok).toBe(true);
    expect(saved.value).toMatchObject({ customised: true, source: CARD_ACTIVATED });
    expect(document.getProperty('publipostage.text.fr.card-activated')).toBe(CARD_ACTIVATED);
    const listed = runtime.runFromClient('getTexts', ['fr']) as Reply;
    const texts = listed.value!.texts as { id: string; customised: boolean }[];
    expect(texts.filter((t) => t.customised).map((t) => t.id)).toEqual(['card-activated']);

    const reset = runtime.runFromClient('resetText', ['fr', 'card-activated']) as Reply;
    expect(reset.value).toMatchObject({
      customised: false,
      source: defaultText('fr', 'card-activated'),
    });
    expect(document.getProperty('publipostage.text.fr.card-activated')).toBeNull();
  });

  it('refuses a card text too long for the selection’s fullest account, naming it', () => {
    const runtime = school(6);
    const long = `${CARD_NOT_ACTIVATED}\n${'Encore une phrase pour la carte. '.repeat(20)}`;
    const reply = runtime.runFromClient('saveText', [
      { language: 'fr', id: 'card-not-activated', source: long, selection },
    ]) as Reply;
    expect(reply.ok).toBe(false);
    expect(reply.error!.message).toMatch(
      /^Le texte «\u00a0Carte – compte non activé\u00a0» est trop long pour sa carte\u00a0: pour Prénom\d NOM\d \(login\.\d{3}\)/,
    );
  });

  it('gives the preview the fullest accounts of each variant, a picked one first', () => {
    const runtime = school(12);
    const reply = runtime.runFromClient('getTextExamples', [
      { selection, login: 'login.004' },
    ]) as Reply;
    const value = reply.value as {
      settings: { entName: string };
      accounts: Record<string, { login: string; activated: boolean }[]>;
    };
    expect(value.settings.entName).toBe('Mon ENT');
    // The picked one, then the longest names (two digits), then by row.
    expect(value.accounts['not-activated']!.map((a) => a.login)).toEqual([
      'login.004',
      'login.010',
      'login.011',
      'login.001',
      'login.002',
    ]);
    expect(value.accounts.activated!.map((a) => a.login)).toEqual([
      'login.000',
      'login.003',
      'login.006',
      'login.009',
    ]);
  });

  it('refuses a text that would not fit a property, with the limit said', () => {
    const runtime = school(3);
    const reply = runtime.runFromClient('saveText', [
      {
        language: 'fr',
        id: 'mail-activated',
        source: `Objet\n\n{{identifiant}}\n${'€'.repeat(MAX_TEXT_LENGTH)}`,
      },
    ]) as Reply;
    expect(reply.error!.message).toMatch(
      /trop long\u00a0: 3\u00a0\d{3} caractères, 3\u00a0000 au plus/,
    );
  });

  it('prints the stored card text on every card; the CLI with --templates gives the same words', async () => {
    const runtime = school(20);
    for (const [id, source] of [
      ['card-not-activated', CARD_NOT_ACTIVATED],
      ['card-activated', CARD_ACTIVATED],
    ]) {
      const saved = runtime.runFromClient('saveText', [{ language: 'fr', id, source }]) as Reply;
      expect(saved.ok).toBe(true);
    }
    const reply = generate(runtime, 8);
    expect(reply.ok).toBe(true);
    const addon = addonPdfText(runtime);
    expect(addon.match(/mot-clé-maison/g)).toHaveLength(13);
    expect(addon.match(/rappel-maison/g)).toHaveLength(7);

    const dir = mkdtempSync(join(tmpdir(), 'texts-cli-'));
    const csv = join(dir, 'comptes.csv');
    writeFileSync(
      csv,
      [HEADER, ...rows(20)].map((row) => row.map((cell) => `"${cell}"`).join(';')).join('\n'),
    );
    const settings = join(dir, 'reglages.json');
    writeFileSync(settings, JSON.stringify(SETTINGS));
    const templates = join(dir, 'textes');
    mkdirSync(templates);
    writeFileSync(join(templates, 'card-not-activated.txt'), `${CARD_NOT_ACTIVATED}\n`);
    writeFileSync(join(templates, 'card-activated.txt'), `${CARD_ACTIVATED}\n`);
    const out = join(dir, 'cartes.pdf');
    const result = await cli(
      'pdf',
      csv,
      '--layout',
      '8',
      '--out',
      out,
      '--settings',
      settings,
      '--templates',
      templates,
    );
    expect(result.code).toBe(0);
    const local = pdfText(out);
    // The same words, each as many times (the two renderers break lines their own way).
    const count = (text: string) => {
      const counts = new Map<string, number>();
      for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
      return [...counts].sort(([a], [b]) => a.localeCompare(b));
    };
    expect(count(addon)).toEqual(count(local));
  });

  it('a job keeps the texts it started with, whatever is saved meanwhile', () => {
    const runtime = school(10);
    runtime.runFromClient('saveText', [
      { language: 'fr', id: 'card-not-activated', source: CARD_NOT_ACTIVATED },
    ]);
    const reply = generate(runtime, 8, () => {
      const changed = CARD_NOT_ACTIVATED.replace('mot-clé-maison', 'texte-changé');
      runtime.runFromClient('saveText', [
        { language: 'fr', id: 'card-not-activated', source: changed },
      ]);
    });
    expect(reply.ok).toBe(true);
    const text = addonPdfText(runtime);
    expect(text).toContain('mot-clé-maison');
    expect(text).not.toContain('texte-changé');
  });
});

describe('the referent’s e-mail texts', () => {
  it('sends the stored subject and body, the reference added by the code', () => {
    const { runtime } = addonRuntime(12, { dailyQuota: 100 });
    const source =
      'Vos accès à {{nom_ent}}, {{prénom}}\n\nBonjour {{prénom}},\n\n**Identifiant** : {{identifiant}}\nCode : {{code}}\nÀ bientôt sur {{adresse_ent}} <b>';
    const saved = runtime.runFromClient('saveText', [
      { language: 'fr', id: 'mail-not-activated', source },
    ]) as Reply;
    expect(saved.ok).toBe(true);
    runAsSidebar(runtime);
    const sent = runtime.stores.outbox.filter((m) => m.subject.startsWith('Vos accès'));
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) {
      expect(message.subject).toMatch(/^Vos accès à Mon ENT, Prénom\d+$/);
      expect(message.body).toMatch(/Identifiant : eleve\.\d{4}\nCode : c\d+x\n/);
      expect(message.body).toMatch(/Référence\u00a0: PE-[0-9A-Z]{12}/);
      expect(message.htmlBody).toContain('&lt;b&gt;');
      expect(message.htmlBody).toContain('<strong>Identifiant</strong>');
    }
    // The activated accounts keep the default text.
    expect(
      runtime.stores.outbox.some((m) => m.subject.includes('rappel de votre identifiant')),
    ).toBe(true);
  });
});
