// « Partager l'aperçu » as a referent does it in `npm start`: « Masquer les codes » unchecked,
// the direction's addresses typed, « Partager l'aperçu » clicked; the shared spreadsheet read
// back from the emulator holds no activation code of the sample, cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { readCsvFile } from '../../src/local/csv';
import { ROOT } from '../helpers/dist';
import {
  emulatorState,
  launchBrowser,
  openEmulator,
  goToStep,
  openSidebar,
  screenshotOnFailure,
  startEmulator,
  type EmulatorBrowser,
  type RunningEmulator,
} from './harness';

const SAMPLE = join(ROOT, 'samples/college-victor-hugo.csv');
const SHEETS = 'application/vnd.google-apps.spreadsheet';

interface FileState {
  id: string;
  name: string;
  folder: string;
  mimeType: string;
  permissions: { emailAddress: string; role: string; type: string; notified: boolean }[];
}

function sampleCodes(): string[] {
  const [header, ...rows] = readCsvFile(SAMPLE).rows;
  const column = header!.indexOf("Code d'activation");
  return rows.map((row) => row[column] ?? '').filter((code) => code !== '');
}

async function sharedFiles(url: string): Promise<FileState[]> {
  const state = (await emulatorState(url)) as unknown as { files: FileState[] };
  return state.files.filter((file) => file.mimeType === SHEETS);
}

async function sharedCells(url: string, id: string): Promise<string[]> {
  const response = await fetch(new URL(`emulator/spreadsheets/${id}`, url));
  expect(response.status).toBe(200);
  const { sheets } = (await response.json()) as { sheets: { name: string; values: string[][] }[] };
  expect(sheets.map((sheet) => sheet.name)).toEqual(['Aperçu publipostage']);
  return sheets.flatMap((sheet) => sheet.values.flat());
}

async function share(frame: Frame) {
  await frame.locator('#share-status').evaluate((node) => node.replaceChildren());
  await frame.click('#share-preview');
  await frame
    .locator('#share-status .big, #share-error:not(:empty)')
    .first()
    .waitFor({ timeout: 30_000 });
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

describe('« Partager l’aperçu » in the sidebar', () => {
  let emulator: RunningEmulator;
  let frame: Frame;
  beforeAll(async () => {
    emulator = await startEmulator();
    page = await openEmulator(browser, emulator.url);
    frame = await openSidebar(page);
    await goToStep(frame, 'preview');
  });
  afterAll(async () => {
    await page?.close();
    await emulator?.stop();
  });

  it('says next to the button that the workbook itself must not be shared', async () => {
    const warning = frame.locator('#share-warning');
    await expect(warning.textContent()).resolves.toMatch(
      /^Ne partagez pas ce classeur\u00a0: il contient l’export et ses codes d’activation\./,
    );
    const [button, text] = await Promise.all([
      frame.locator('#share-preview').boundingBox(),
      warning.boundingBox(),
    ]);
    expect(text!.y - (button!.y + button!.height)).toBeLessThan(40);
  });

  it('names a bad address in French and shares nothing', async () => {
    await frame.fill(
      '#share-section textarea',
      'direction@college-hugo.fr\nprincipal.college-hugo.fr',
    );
    await share(frame);
    await expect(frame.locator('#share-error').textContent()).resolves.toBe(
      'Adresse invalide\u00a0: «\u00a0principal.college-hugo.fr\u00a0». Corrigez-la\u00a0; rien n’a été partagé.',
    );
    expect(await sharedFiles(emulator.url)).toEqual([]);
  });

  it('shares a spreadsheet holding no activation code, with « Masquer les codes » unchecked', async () => {
    await goToStep(frame, 'source');
    await frame.locator('label', { hasText: /^Masquer les codes/ }).click();
    expect(
      await frame
        .locator('label', { hasText: /^Masquer les codes/ })
        .evaluate(
          (label) =>
            (document.getElementById(label.getAttribute('for')!) as HTMLInputElement).checked,
        ),
    ).toBe(false);
    await goToStep(frame, 'preview');
    await frame.fill(
      '#share-section textarea',
      'direction@college-hugo.fr\nadjoint@college-hugo.fr',
    );
    await frame.locator('#share-section select').selectOption('commenter');
    await share(frame);
    await expect(frame.locator('#share-error').textContent()).resolves.toBe('');
    await expect(frame.locator('#share-status .big').textContent()).resolves.toBe(
      'Aperçu partagé\u00a0: 1318 comptes, codes d’activation masqués.',
    );
    const [file] = await sharedFiles(emulator.url);
    expect(file).toMatchObject({ folder: 'Publipostage ENT' });
    expect(file!.permissions.map((p) => [p.emailAddress, p.role, p.type])).toEqual([
      ['direction@college-hugo.fr', 'commenter', 'user'],
      ['adjoint@college-hugo.fr', 'commenter', 'user'],
    ]);
    await expect(frame.locator('#share-link').getAttribute('href')).resolves.toBe(
      `https://docs.google.com/spreadsheets/d/${file!.id}/edit?usp=drivesdk`,
    );

    const codes = sampleCodes();
    expect(codes.length).toBeGreaterThan(500);
    const cells = await sharedCells(emulator.url, file!.id);
    expect(cells.filter((cell) => cell === '********').length).toBe(codes.length);
    const leaked = cells.filter((cell) => codes.some((code) => cell.includes(code)));
    expect(leaked).toEqual([]);
  });

  it('updates the same spreadsheet when shared again: the direction’s link keeps working', async () => {
    const [before] = await sharedFiles(emulator.url);
    await frame.fill('#share-section textarea', 'direction@college-hugo.fr');
    await share(frame);
    await expect(frame.locator('#share-status').textContent()).resolves.toContain(
      'Classeur partagé mis à jour\u00a0: son lien ne change pas.',
    );
    const after = await sharedFiles(emulator.url);
    expect(after.map((file) => file.id)).toEqual([before!.id]);
  });
});
