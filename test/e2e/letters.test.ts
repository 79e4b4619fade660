// « Générer en PDF » from the sidebar in a real browser: the confirm step of a placeholder
// address, the progress, the links, and the Doc and the PDF in the page's Drive panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/dist';
import { pdfFile, pdfPageCount, pdfPageText } from '../helpers/pdf';
import {
  goToStep,
  launchBrowser,
  openEmulator,
  openSidebar,
  screenshotOnFailure,
  startEmulator,
  startPatchedEmulator,
  type EmulatorBrowser,
  type PatchedEmulator,
  type RunningEmulator,
} from './harness';

let browser: EmulatorBrowser;
let emulator: RunningEmulator;
let page: Page | undefined;
let patched: PatchedEmulator | undefined;
screenshotOnFailure(() => patched?.page ?? page);

beforeAll(async () => {
  browser = await launchBrowser();
  emulator = await startEmulator({ input: join(ROOT, 'test/fixtures/staff-preview.csv') });
  page = await openEmulator(browser, emulator.url);
});
afterAll(async () => {
  await patched?.close();
  await page?.close();
  await emulator?.stop();
  await browser?.close();
});

describe('Générer en PDF from the sidebar', () => {
  it('confirms the placeholder address, shows the links, and Drive holds the Doc and a PDF of 9 pages', async () => {
    const frame = await openSidebar(page!);
    await goToStep(frame, 'letters');
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.locator('#generate-pdf').click();
    // The settings were never saved: the ENT address is an example.
    const confirm = frame.locator('.confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('https://ent.example');
    // « Ouvrir les réglages » shows the form, though the confirm step read the settings first.
    await frame.locator('#letters-settings').click();
    await frame.locator('#settings-page input[name="entUrl"]').waitFor();
    expect(await frame.locator('#settings-page input[name="entUrl"]').inputValue()).toBe(
      'https://ent.example',
    );
    await goToStep(frame, 'letters');
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
      /^https:\/\/docs\.google\.com\/document\/d\/emu-file-\d+\/edit\b/,
    );

    const files = page!.locator('#panel-files .file');
    await page!.waitForFunction(() => document.querySelectorAll('#panel-files .file').length === 2);
    const doc = files.filter({ hasText: 'Google Docs' });
    const pdf = files.filter({ hasText: 'application/pdf' });
    expect(await doc.locator('a[download]').textContent()).toMatch(
      /^Cartes 8 par page – Sélection – /,
    );
    expect(await pdf.textContent()).toContain('dossier « Publipostage ENT »');
    const pdfId = /emu-file-\d+/.exec(pdfHref!)![0];
    expect(await pdf.locator('a[download]').getAttribute('href')).toBe(`/emulator/files/${pdfId}`);
    const [download] = await Promise.all([
      page!.waitForEvent('download'),
      pdf.locator('a[download]').click(),
    ]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdfPageCount(path)).toBe(9);

    // The sidebar's PDF link opens the emulated PDF in a new tab, not Google's page.
    const [opened] = await Promise.all([
      page!.context().waitForEvent('page'),
      frame.locator('.pdf-link').click(),
    ]);
    await opened.waitForURL(new RegExp(`/emulator/view/${pdfId}$`));
    const shown = await fetch(opened.url());
    expect(shown.headers.get('content-type')).toBe('application/pdf');
    expect(pdfPageCount(pdfFile(new Uint8Array(await shown.arrayBuffer())))).toBe(9);
    await opened.close();
  }, 120_000);
});

/** Every page's text of a PDF the emulator serves. */
async function pdfPages(url: string, href: string): Promise<string[]> {
  const id = /emu-file-\d+/.exec(href)![0];
  const bytes = new Uint8Array(
    await (await fetch(new URL(`emulator/files/${id}`, url))).arrayBuffer(),
  );
  const path = pdfFile(bytes);
  return Array.from({ length: pdfPageCount(path) }, (_, i) => pdfPageText(path, i + 1));
}

describe('a letters job outlives its sidebar', () => {
  it('closed half-way, reopened, resumed: the same PDF as a run never interrupted', async () => {
    // One action a step (a batch of pages, or the export), so that the job has steps to stop
    // between: the bundle's step budget set to nothing.
    patched = await startPatchedEmulator(
      browser,
      (code) => code.replace('var STEP_BUDGET_MS = 4 * 60 * 1e3;', 'var STEP_BUDGET_MS = 0;'),
      { input: join(ROOT, 'test/fixtures/staff-preview.csv') },
    );
    expect(patched.code).toContain('var STEP_BUDGET_MS = 0;');
    const { page: host, emulator: server } = patched;
    // The sidebar's second step never reaches the server: the referent closes the sidebar then.
    let steps = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let lost: () => void = () => undefined;
    const aborted = new Promise<void>((resolve) => (lost = resolve));
    await host.route('**/emulator/run', async (route) => {
      const name = (route.request().postDataJSON() as { name?: string }).name;
      if (name === 'continueLetters' && ++steps === 2) {
        await held;
        await route.abort().catch(() => undefined);
        return lost();
      }
      return route.continue();
    });
    let frame = await openSidebar(host);
    await goToStep(frame, 'letters');
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.locator('#generate-pdf').click();
    await frame.locator('#letters-anyway').click();
    await expect.poll(() => steps, { timeout: 30_000 }).toBe(2);
    await host.locator('#sidebar-close').click();
    // The step in flight is lost with its sidebar: it never reaches the server.
    release();
    await aborted;

    frame = await openSidebar(host);
    const pending = frame.locator('#letters-pending');
    await pending.waitFor({ timeout: 30_000 });
    const title = (await pending.locator('p.big').textContent())!;
    const [, done, total] = /^Courriers en cours\u00a0: (\d+) sur (\d+)$/.exec(title)!;
    expect(Number(total)).toBe(65);
    expect(Number(done)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThan(65);
    await frame.locator('#letters-resume').click();
    await frame.locator('.letters-result').waitFor({ timeout: 60_000 });
    expect(await frame.locator('.letters-result').textContent()).toContain(
      '65 courriers dans 1 fichier.',
    );
    const resumed = (await frame.locator('.pdf-link').getAttribute('href'))!;

    // The same selection again, never interrupted.
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.locator('#generate-pdf').click();
    await frame.locator('#letters-anyway').click();
    await expect
      .poll(async () => frame.locator('.pdf-link').getAttribute('href'), { timeout: 60_000 })
      .not.toBe(resumed);
    const straight = (await frame.locator('.pdf-link').getAttribute('href'))!;
    const a = await pdfPages(server.url, resumed);
    const b = await pdfPages(server.url, straight);
    expect(a).toHaveLength(9);
    expect(a).toEqual(b);
  }, 180_000);
});
