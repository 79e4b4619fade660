// « Générer en PDF » from the sidebar in a real browser: the confirm step of a placeholder
// address, the progress, the links, and the Doc and the PDF in the page's Drive panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/dist';
import { pdfPageCount } from '../helpers/pdf';
import {
  launchBrowser,
  openEmulator,
  openSidebar,
  screenshotOnFailure,
  startEmulator,
  type EmulatorBrowser,
  type RunningEmulator,
} from './harness';

let browser: EmulatorBrowser;
let emulator: RunningEmulator;
let page: Page | undefined;
screenshotOnFailure(() => page);

beforeAll(async () => {
  browser = await launchBrowser();
  emulator = await startEmulator({ input: join(ROOT, 'test/fixtures/staff-preview.csv') });
  page = await openEmulator(browser, emulator.url);
});
afterAll(async () => {
  await page?.close();
  await emulator?.stop();
  await browser?.close();
});

describe('Générer en PDF from the sidebar', () => {
  it('confirms the placeholder address, shows the links, and Drive holds the Doc and a PDF of 9 pages', async () => {
    const frame = await openSidebar(page!);
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.locator('#generate-pdf').click();
    // The settings were never saved: the ENT address is an example.
    const confirm = frame.locator('.confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('https://ent.example');
    // « Ouvrir les réglages » shows the form, though the confirm step read the settings first.
    await frame.locator('#letters-settings').click();
    await frame.locator('#settings input[name="entUrl"]').waitFor();
    expect(await frame.locator('#settings input[name="entUrl"]').inputValue()).toBe(
      'https://ent.example',
    );
    await frame.locator('#generate-pdf').click();
    await confirm.waitFor();
    await frame.locator('#letters-anyway').click();
    await frame.locator('.letters-result').waitFor({ timeout: 60_000 });
    expect(await frame.locator('.letters-result').textContent()).toContain(
      '65 courriers dans 1 fichier.',
    );
    const pdfHref = await frame.locator('.pdf-link').getAttribute('href');
    expect(pdfHref).toMatch(
      /^https:\/\/drive\.google\.com\/file\/d\/emu-file-\d+\/view\?usp=drivesdk$/,
    );
    expect(await frame.locator('.doc-link').getAttribute('href')).toMatch(
      /^https:\/\/docs\.google\.com\/document\/d\/emu-file-\d+\/edit$/,
    );

    const files = page!.locator('#panel-files .file');
    await page!.waitForFunction(() => document.querySelectorAll('#panel-files .file').length === 2);
    const doc = files.filter({ hasText: 'Google Docs' });
    const pdf = files.filter({ hasText: 'application/pdf' });
    expect(await doc.locator('a').textContent()).toMatch(/^Courriers ENT – Sélection – /);
    expect(await pdf.textContent()).toContain('dossier « Publipostage ENT »');
    const pdfId = /emu-file-\d+/.exec(pdfHref!)![0];
    expect(await pdf.locator('a').getAttribute('href')).toBe(`/emulator/files/${pdfId}`);
    const [download] = await Promise.all([
      page!.waitForEvent('download'),
      pdf.locator('a').click(),
    ]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdfPageCount(path)).toBe(9);
  }, 120_000);
});
