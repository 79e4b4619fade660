// `publipostage pdf` on the shared college export: every account on its page or slot, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayName } from '../../../src/core/present';
import { buildLetters } from '../../../src/core/letters';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Account } from '../../../src/core/types';
import { loadSelection } from '../../../src/local/cli/options';
import { cli } from './helpers';
import { pdfPageCount, pdfWords, within } from '../../helpers/pdf';

const FIXTURE = join(import.meta.dirname, '../../fixtures/college-enriched.csv');
const dir = mkdtempSync(join(tmpdir(), 'cli-pdf-'));
const settingsFile = join(dir, 'reglages.json');
writeFileSync(
  settingsFile,
  JSON.stringify({
    entName: 'Mon ENT',
    entUrl: 'https://ent.college-hugo.fr',
    schoolName: 'Collège Victor Hugo',
    contact: 'M. Martin, référent ENT, salle 12',
  }),
);
const accounts: Account[] = loadSelection(FIXTURE, {}, 'alpha').selection.accounts;

/** What must be readable on an account's letter or card whatever the shortening. */
function expectAccount(text: string, account: Account) {
  const name = displayName(account).normalize('NFC');
  // A name too long for its card ends in « … »: its head is still there.
  expect(text.includes(name) || text.includes(name.slice(0, 12))).toBe(true);
  expect(text).toContain(account.login);
  if (account.activated) expect(text).toContain('Mot de passe oublié ?');
  else expect(text).toContain(account.activationCode!);
}

describe('publipostage pdf on the college export', () => {
  const out = (layout: number) => join(dir, `college-${layout}.pdf`);
  beforeAll(async () => {
    for (const layout of ['1', '2', '8']) {
      const result = await cli(
        'pdf',
        FIXTURE,
        '--layout',
        layout,
        '--out',
        out(Number(layout)),
        '--settings',
        settingsFile,
      );
      expect(result.stderr).not.toMatch(/Error|at /);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^1318 courriers sur \d+ pages dans/);
    }
  }, 120_000);

  it('writes n, ⌈n/2⌉ and ⌈n/8⌉ pages', () => {
    expect(accounts).toHaveLength(1318);
    expect(pdfPageCount(out(1))).toBe(1318);
    expect(pdfPageCount(out(2))).toBe(659);
    expect(pdfPageCount(out(8))).toBe(165);
  });

  it('gives each account its own page in layout 1, in alphabetical order', () => {
    const pages = execFileSync('pdftotext', ['-layout', out(1), '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }).split('\f');
    accounts.forEach((account, i) => {
      expectAccount(pages[i]!, account);
      if (i > 0) expect(pages[i]!).not.toContain(`\n${accounts[i - 1]!.login}\n`);
    });
  });

  it('gives each account its own slot in layouts 2 and 8, in order', () => {
    for (const layout of [2, 8] as const) {
      const letters = buildLetters(accounts, DEFAULT_SETTINGS, layout);
      const words = pdfWords(out(layout));
      const slots = letters.pages.flatMap((page, p) =>
        page.slots.map((slot) => ({ page: p + 1, box: slot.box })),
      );
      const texts = slots.map(() => [] as string[]);
      let cursor = 0;
      for (const word of words) {
        // Words come page by page, slot by slot: find the slot of each word from the last one.
        while (
          cursor < slots.length &&
          !(slots[cursor]!.page === word.page && within(word, slots[cursor]!.box))
        ) {
          const found = slots.findIndex((s) => s.page === word.page && within(word, s.box));
          expect(found, `« ${word.text} » page ${word.page} is in no slot`).toBeGreaterThanOrEqual(
            0,
          );
          cursor = found;
        }
        texts[cursor]!.push(word.text);
      }
      accounts.forEach((account, i) => {
        const text = texts[i]!.join(' ');
        expectAccount(text, account);
        for (const j of [i - 1, i + 1]) {
          const other = accounts[j];
          if (other && other.login !== account.login)
            expect(text.split(' ')).not.toContain(other.login);
        }
      });
    }
  });

  it('splits by class: one PDF per class, named after it', async () => {
    const outDir = join(dir, 'classes');
    const result = await cli(
      'pdf',
      FIXTURE,
      '--layout',
      '8',
      '--split-by',
      'class',
      '--out-dir',
      outDir,
      '--settings',
      settingsFile,
    );
    expect(result.code).toBe(0);
    // The fixture's 24 classes (6 per level), and the staff without one.
    const classes = ['3EME', '4EME', '5EME', '6EME'].flatMap((level) =>
      [1, 2, 3, 4, 5, 6].map((n) => `${level}-${n}.pdf`),
    );
    expect(readdirSync(outDir).sort()).toEqual([...classes, 'Hors-classe.pdf'].sort());
    // The class's pupils and their parents (in their children's classes); teachers go elsewhere.
    const sixth = accounts.filter(
      (a) => (a.profile === 'Student' || a.profile === 'Relative') && a.classes.includes('6EME 1'),
    );
    expect(pdfPageCount(join(outDir, '6EME-1.pdf'))).toBe(Math.ceil(sixth.length / 8));
    const text = execFileSync('pdftotext', [join(outDir, '6EME-1.pdf'), '-'], { encoding: 'utf8' });
    for (const account of sixth) expect(text).toContain(account.login);
    const parent = sixth.find((a) => a.profile === 'Relative')!;
    // pdftotext gives U+00A0 back as a space.
    expect(text).toContain('Responsable de :');
    expect(parent).toBeDefined();
  });
});

describe('publipostage pdf refuses what would make wrong letters', () => {
  it('asks for confirmation while the ENT address is the example', async () => {
    const target = join(dir, 'placeholder.pdf');
    const refused = await cli(
      'pdf',
      FIXTURE,
      '--layout',
      '8',
      '--out',
      target,
      '--class',
      '6EME 1',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/«\u00a0https:\/\/ent\.example\u00a0» est un exemple.*--yes/);
    expect(existsSync(target)).toBe(false);
    const confirmed = await cli(
      'pdf',
      FIXTURE,
      '--layout',
      '8',
      '--out',
      target,
      '--class',
      '6EME 1',
      '--yes',
    );
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toMatch(
      /Attention\u00a0: Le nom de l'établissement n'est pas renseigné/,
    );
    expect(existsSync(target)).toBe(true);
  });

  it('names the bad option or setting in French, exit 2, no file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "entUrl": "ent.college.fr", "ecole": "x" }');
    const cases: [string[], RegExp][] = [
      [['--layout', '4', '--out', 'x.pdf'], /Modèle «\u00a04\u00a0» invalide/],
      [['--out', 'x.pdf'], /«\u00a0--layout\u00a0» est obligatoire/],
      [['--layout', '1'], /«\u00a0--out\u00a0» est obligatoire/],
      [['--layout', '1', '--out', 'x.pdf', '--split-by', 'class'], /--out-dir/],
      [
        ['--layout', '1', '--out', 'x.pdf', '--settings', bad],
        /Réglage inconnu «\u00a0ecole\u00a0».*«\u00a0entUrl\u00a0».*https:\/\//,
      ],
      [
        ['--layout', '1', '--out', 'x.pdf', '--settings', join(dir, 'absent.json')],
        /fichier introuvable/,
      ],
      [['--layout', '1', '--out', FIXTURE, '--yes'], /fichier des comptes/],
      [
        ['--layout', '1', '--out', join(dir, 'none.pdf'), '--yes', '--class', 'ZZZ'],
        /Le filtre «\u00a0--class\u00a0» ne connaît pas «\u00a0ZZZ\u00a0»/,
      ],
      [
        ['--layout', '1', '--out', join(dir, 'none.pdf'), '--yes', '--created-after', '2099-01-01'],
        /Aucun compte/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli('pdf', FIXTURE, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
  });
});
