// The prétraitement as a referent does it in `npm start`: filters in the sidebar, the preview
// tab, the CSV export; checked against `publipostage preview --json` (one core, two fronts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { COLORS } from '../../src/core/preview-tab';
import { cli } from '../local/cli/helpers';
import { ROOT } from '../helpers/dist';
import {
  emulatorState,
  goToStep,
  launchBrowser,
  openEmulator,
  openSidebar,
  screenshotOnFailure,
  startEmulator,
  type EmulatorBrowser,
  type RunningEmulator,
} from './harness';

const SAMPLE = join(ROOT, 'samples/college-victor-hugo.csv');
/** `UPDATE_SCREENSHOTS=1 npm test` refreshes the README's pictures (the sidebar's: steps.test.ts). */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/images') : null;

interface SheetState {
  name: string;
  values: string[][];
  backgrounds: string[][];
  frozenRows: number;
  filter: string | null;
}
interface State {
  spreadsheet: { sheets: SheetState[] };
  files: { id: string; name: string; folder: string; mimeType: string }[];
}

let browser: EmulatorBrowser;
let page: Page | undefined;
screenshotOnFailure(() => page);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function previewTab(url: string): Promise<SheetState> {
  const state = (await emulatorState(url)) as unknown as State;
  const tab = state.spreadsheet.sheets.find((sheet) => sheet.name === 'Aperçu publipostage');
  if (!tab) throw new Error('Pas d’onglet « Aperçu publipostage ».');
  return tab;
}

function tableOf(tab: SheetState) {
  const header = tab.values.findIndex((row) => row[0] === 'Nom');
  return { header, rows: tab.values.slice(header + 1).filter((row) => row[3] !== '') };
}

async function check(frame: Frame, label: RegExp) {
  await goToStep(frame, 'source');
  await frame.locator('label', { hasText: label }).click();
}

async function runPreview(frame: Frame) {
  await goToStep(frame, 'preview');
  await frame.click('#run-preview');
  await frame.locator('#preview-status .big').waitFor({ timeout: 15_000 });
}

describe('the prétraitement on the sample school', () => {
  let emulator: RunningEmulator;
  let frame: Frame;
  beforeAll(async () => {
    emulator = await startEmulator();
    page = await openEmulator(browser, emulator.url);
    frame = await openSidebar(page);
  });
  afterAll(async () => {
    await page?.close();
    await emulator?.stop();
  });

  it('offers the profiles with their counts, and the classes of the chosen levels', async () => {
    await expect(frame.locator('#account-count').textContent()).resolves.toBe('1318 comptes lus');
    const parent = frame.locator('label', { hasText: /^Parent/ });
    expect(await parent.textContent()).toMatch(/^Parent \(\d+\)$/);
    expect(await frame.locator('#classes label').count()).toBe(0);
    await check(frame, /^6EME$/);
    const classes = await frame.locator('#classes label').allTextContents();
    expect(classes.length).toBeGreaterThan(1);
    expect(classes.every((name) => name.startsWith('6EME '))).toBe(true);
  });

  it('writes the same selection as `publipostage preview --json`, codes masked', async () => {
    await check(frame, /^Parent/);
    await check(frame, /^6EME 3$/);
    await runPreview(frame);
    const status = await frame.locator('#preview-status').textContent();
    const expected = await cli(
      'preview',
      SAMPLE,
      '--profile',
      'Parent',
      '--level',
      '6EME',
      '--class',
      '6EME 3',
      '--json',
    );
    expect(expected.code).toBe(0);
    const json = JSON.parse(expected.stdout) as {
      total: number;
      withoutEmail: number;
      invalidEmail: number;
      accounts: { login: string; email: string | null; activationCode: string | null }[];
    };
    expect(json.total).toBeGreaterThan(0);
    expect(status).toContain(`${json.total} comptes sélectionnés au total`);

    const tab = await previewTab(emulator.url);
    expect(tab.values[1]![0]).toBe(`${json.total} comptes sélectionnés au total`);
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    expect(tab.values[2]![0]).toMatch(new RegExp(`^${json.withoutEmail} comptes? sans adresse`));
    const { header, rows } = tableOf(tab);
    expect(rows.map((row) => row[3])).toEqual(json.accounts.map((a) => a.login));
    expect(rows.map((row) => row[6])).toEqual(json.accounts.map((a) => a.email ?? ''));
    expect(rows.every((row) => row[2] === 'Parent')).toBe(true);
    const codes = rows.map((row) => row[5]);
    expect(codes.every((code) => code === '' || code === '********')).toBe(true);
    expect(codes.filter((code) => code === '').length).toBe(
      json.accounts.filter((a) => a.activationCode === null).length,
    );
    // Frozen down to the table's header, with a filter over the table.
    expect(tab.frozenRows).toBe(header + 1);
    expect(tab.filter).toBe(`A${header + 1}:J${header + 1 + rows.length}`);
    // Missing and invalid e-mails highlighted, each in its colour.
    const expectedColour = (row: string[]) =>
      row[6] === ''
        ? COLORS.missingEmail
        : row[9]!.includes('courriel invalide')
          ? COLORS.invalidEmail
          : COLORS.plain;
    const backgrounds = rows.map((_, i) => tab.backgrounds[header + 1 + i]![0]);
    expect(backgrounds).toEqual(rows.map(expectedColour));
    // The counts come from the CLI, not from the tab itself.
    expect(rows.filter((row) => row[6] === '').length).toBe(json.withoutEmail);
    expect(json.invalidEmail).toBeGreaterThan(0);
    expect(backgrounds.filter((colour) => colour === COLORS.invalidEmail).length).toBe(
      json.invalidEmail,
    );
    expect(backgrounds.filter((colour) => colour === COLORS.missingEmail).length).toBe(
      json.withoutEmail,
    );
    if (SCREENSHOTS) await page!.screenshot({ path: join(SCREENSHOTS, 'preview-tab.png') });
  });

  it('exports the selection as CSV into the add-on’s Drive folder, with a link', async () => {
    await goToStep(frame, 'preview');
    await frame.click('#export-csv');
    const link = frame.locator('#preview-status a');
    await link.waitFor({ timeout: 15_000 });
    const state = (await emulatorState(emulator.url)) as unknown as State;
    const file = state.files.find((f) => f.name.endsWith('.csv'));
    expect(file).toMatchObject({ folder: 'Publipostage ENT' });
    expect(await link.getAttribute('href')).toBe(
      `https://drive.google.com/file/d/${file!.id}/view?usp=drivesdk`,
    );
    const csv = await (await fetch(new URL(`emulator/files/${file!.id}`, emulator.url))).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      '"Nom";"Prénom";"Profil";"Login";"Code d\'activation";"Courriel";"Classe";"Date de création"',
    );
    // The same accounts as the preview tab, codes masked the same way (none left in clear).
    const { rows } = tableOf(await previewTab(emulator.url));
    const cells = lines.slice(1).map((line) => line.split(';'));
    expect(cells.map((cell) => cell[3])).toEqual(rows.map((row) => `"${row[3]}"`));
    expect(cells.map((cell) => cell[4])).toEqual(rows.map((row) => `"${row[5]}"`));
    expect(rows.some((row) => row[5] === '********')).toBe(true);
  });

  it('keeps the settings in the spreadsheet: a bad address is refused in French, a good one saved', async () => {
    // « Réglages » from the header, at any step.
    await frame.locator('#open-settings').click();
    const url = frame.getByLabel('Adresse de l’ENT');
    await url.waitFor();
    expect((await frame.locator('#settings-page .why').allTextContents()).join(' ')).toContain(
      '« https://ent.example » est un exemple',
    );
    await url.fill('ent-sans-protocole');
    await frame.click('#save-settings');
    // The answer comes back asynchronously: wait for the message, then read it.
    const error = frame.locator('#settings-error', { hasText: 'entUrl' });
    await error.waitFor();
    expect(await error.textContent()).toContain('commençant par https://');
    await frame.getByLabel('Adresse de l’ENT').fill('https://ent.college-hugo.fr');
    await frame.getByLabel('Nom de l’ENT').fill('ENT Collège Hugo');
    await frame.click('#save-settings');
    await frame.locator('.settings-saved', { hasText: 'Réglages enregistrés' }).waitFor();
    const again = await openSidebar(page!);
    // The school and the contact line are still the examples: the settings come first again.
    await again.locator('#settings-page').waitFor();
    await expect(again.getByLabel('Adresse de l’ENT').inputValue()).resolves.toBe(
      'https://ent.college-hugo.fr',
    );
    expect((await again.locator('#settings-page .why').allTextContents()).join(' ')).not.toContain(
      'est un exemple',
    );
    frame = again;
  });

  it('says that running it again replaces the tab', async () => {
    await expect(frame.locator('#preview-replaces').textContent()).resolves.toContain('remplace');
  });
});

describe('sheets a referent might open it on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'publipostage-e2e-'));
  const stop: RunningEmulator[] = [];
  afterAll(async () => {
    await page?.close();
    for (const emulator of stop) await emulator.stop();
  });

  it('shows a formula-like name as text in the preview tab', async () => {
    const input = join(dir, 'formule.csv');
    writeFileSync(
      input,
      [
        "Nom;Prénom;Identifiant;Type;Code d'activation;Courriel",
        '"=HYPERLINK(""http://exemple.invalid"";""clic"")";Zoë;zoe.x;Élève;abc234;',
        'ÇELIK;Ana;ana.celik;Élève;;ana@example.org',
      ].join('\n'),
    );
    const emulator = await startEmulator({ input });
    stop.push(emulator);
    page = await openEmulator(browser, emulator.url);
    const frame = await openSidebar(page);
    await runPreview(frame);
    const { rows } = tableOf(await previewTab(emulator.url));
    expect(rows.map((row) => row[0])).toEqual([
      '=HYPERLINK("http://exemple.invalid";"clic")',
      'ÇELIK',
    ]);
    const cell = page.locator('table.cells td', { hasText: '=HYPERLINK' });
    await cell.first().waitFor();
  });

  it('explains in French why a sheet that is not an export cannot be used', async () => {
    const input = join(dir, 'notes.csv');
    writeFileSync(input, 'Élève;Note\nZoë;12\n');
    const emulator = await startEmulator({ input });
    stop.push(emulator);
    page = await openEmulator(browser, emulator.url);
    const frame = await openSidebar(page);
    const error = await frame.locator('#load-error').textContent();
    expect(error).toContain('ne ressemble pas à un export de comptes');
    expect(error).toContain('« Identifiant »');
    expect(error).toContain('En-têtes trouvés : « Élève », « Note »');
    expect(readFileSync(input, 'utf8')).toBe('Élève;Note\nZoë;12\n');
  });
});
