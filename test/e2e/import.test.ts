// « Importer un export ENT » as a referent does it in `npm start`: the CSV picked in the
// sidebar's file input (UTF-16 LE, then Windows-1252), decoded in the browser, sent in calls,
// written to a new tab in plain text; the new tab becomes the source and gives the same preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Frame, Page } from 'playwright-core';
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

interface SheetState {
  name: string;
  values: string[][];
}

let browser: EmulatorBrowser;
let emulator: RunningEmulator;
let page: Page | undefined;
let frame: Frame;
let dir: string;
screenshotOnFailure(() => page);

const sheets = async () =>
  ((await emulatorState(emulator.url)) as { spreadsheet: { sheets: SheetState[] } }).spreadsheet
    .sheets;

/** The console's export with a code of digits starting with 0, in `encoding`, as a file. */
function exportFile(name: string, encoding: 'utf-16le' | 'windows-1252'): string {
  const text = readFileSync(join(ROOT, 'test/fixtures/college-export.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace('"alice.perez";"";"sj8h6fn"', '"alice.perez";"";"0427193"');
  const path = join(dir, name);
  writeFileSync(path, iconv.encode(text, encoding, { addBOM: encoding === 'utf-16le' }));
  return path;
}

/** Picks the file, imports it, waits until the sidebar has reloaded on the new tab. */
async function importThroughSidebar(path: string): Promise<string> {
  await goToStep(frame, 'source');
  await frame.setInputFiles('#import input[type="file"]', path);
  await frame.click('#import-export');
  const done = frame.locator('#import .status', { hasText: 'lignes importées' });
  await done.waitFor({ timeout: 30_000 });
  const text = (await done.textContent()) ?? '';
  expect(text).toMatch(
    /^1\u00a0319 lignes importées dans l’onglet «\u00a0Export ENT \d{4}-\d\d-\d\d \d\d-\d\d(?: \(\d\))?\u00a0», qui devient la source\.$/,
  );
  const name = /«\u00a0(.+)\u00a0»/.exec(text)![1]!;
  await frame.waitForFunction(
    (sheet) =>
      (document.querySelector('#source-title')?.parentElement?.textContent ?? '').includes(sheet) &&
      (
        document
          .querySelector('#source-title')
          ?.parentElement?.querySelector('select') as HTMLSelectElement | null
      )?.value === sheet,
    name,
  );
  return name;
}

async function preview(): Promise<string[][]> {
  await goToStep(frame, 'preview');
  await frame.click('#run-preview');
  await frame.locator('#preview-status .big').waitFor({ timeout: 15_000 });
  const tab = (await sheets()).find((sheet) => sheet.name === 'Aperçu publipostage')!;
  const header = tab.values.findIndex((row) => row[0] === 'Nom');
  return tab.values.slice(header);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'publipostage-import-'));
  browser = await launchBrowser();
  emulator = await startEmulator({ input: join(ROOT, 'test/fixtures/staff-preview.csv') });
  page = await openEmulator(browser, emulator.url);
  frame = await openSidebar(page);
  await goToStep(frame, 'source');
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing an ENT export from the sidebar', () => {
  it('says so when no file is picked', async () => {
    await frame.click('#import-export');
    await expect(frame.locator('#import .error').textContent()).resolves.toBe(
      'Choisissez d’abord le fichier CSV exporté de l’ENT.',
    );
  });

  it('refuses a workbook picked by mistake, in French, and makes no tab', async () => {
    const before = (await sheets()).map((sheet) => sheet.name);
    const xlsx = join(dir, 'comptes.xlsx');
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    await frame.setInputFiles('#import input[type="file"]', xlsx);
    await frame.click('#import-export');
    const error = frame.locator('#import .error', { hasText: 'classeur' });
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^«\s?comptes\.xlsx\s?»\u00a0: c'est un classeur Excel/,
    );
    expect((await sheets()).map((sheet) => sheet.name)).toEqual(before);
  });

  it('writes UTF-16 and Windows-1252 files to new tabs as text, each the source, one preview', async () => {
    const utf16 = await importThroughSidebar(exportFile('export-utf16.csv', 'utf-16le'));
    const tab16 = (await sheets()).find((sheet) => sheet.name === utf16)!;
    const alice = tab16.values.find((row) => row[5] === 'alice.perez')!;
    expect(alice[4]).toBe('Alice');
    expect(alice[7]).toBe('0427193');
    expect(alice[15]).toBe('0693359019');
    expect(tab16.values[0]![9]).toBe('Établissements');
    expect(await frame.locator('#account-count').textContent()).toBe('1318 comptes lus');
    const first = await preview();

    const cp1252 = await importThroughSidebar(exportFile('export-1252.csv', 'windows-1252'));
    expect(cp1252).not.toBe(utf16);
    const tab1252 = (await sheets()).find((sheet) => sheet.name === cp1252)!;
    expect(tab1252.values).toEqual(tab16.values);
    expect(await preview()).toEqual(first);
    expect(first.some((row) => row.includes('PEREZ'))).toBe(true);
  });
});

describe('a referent’s first day: no export in the workbook yet', () => {
  it('offers the import under the message, and the imported tab becomes the source', async () => {
    const input = join(dir, 'notes.csv');
    writeFileSync(input, 'Élève;Note\nZoë;12\n');
    const first = await startEmulator({ input });
    const firstPage = await openEmulator(browser, first.url);
    try {
      const sidebar = await openSidebar(firstPage);
      await expect(sidebar.locator('#load-error').textContent()).resolves.toContain(
        'ne ressemble pas à un export de comptes',
      );
      await sidebar.setInputFiles(
        '#import input[type="file"]',
        exportFile('premier-export.csv', 'windows-1252'),
      );
      await sidebar.click('#import-export');
      await sidebar.locator('#account-count', { hasText: '1318 comptes lus' }).waitFor({
        timeout: 30_000,
      });
      // The sidebar now shows the steps, on the source step: the old error is gone.
      expect(await sidebar.locator('#load-error').count()).toBe(0);
      await sidebar.locator('#step-source').waitFor();
      await expect(sidebar.locator('#import .status').textContent()).resolves.toMatch(
        /^1\u00a0319 lignes importées/,
      );
    } finally {
      await firstPage.close();
      await first.stop();
    }
  });
});
