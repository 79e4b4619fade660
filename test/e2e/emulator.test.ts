import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  callFromSidebar,
  emulatorState,
  expectText,
  queueDialogAnswers,
  launchBrowser,
  openEmulator,
  openSidebar,
  screenshotOnFailure,
  startEmulator,
  startPatchedEmulator,
  type EmulatorBrowser,
  type PatchedEmulator,
  type RunningEmulator,
  type SidebarWindow,
} from './harness';

let browser: EmulatorBrowser;
let page: Page | undefined;
screenshotOnFailure(() => page);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('npm start on the sample school', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
    page = await openEmulator(browser, emulator.url);
  });
  afterAll(async () => {
    await page?.close();
    await emulator?.stop();
  });

  it('shows the imported sheet as a grid, typed as Sheets types a French CSV', async () => {
    await expectText(page!.locator('#doc-name'), 'college-victor-hugo');
    await expectText(page!.locator('.tab.selected'), 'college-victor-hugo');
    await expectText(page!.locator('tr[data-row="1"] td').nth(3), 'Nom');
    // Row 3 of the sample: the phone number became a number (leading zero lost), the date a Date.
    await expectText(page!.locator('tr[data-row="3"] td').nth(15), '693359019');
    await expectText(page!.locator('tr[data-row="3"] td').nth(16), '20/12/2024');
    expect(await page!.locator('#grid').getAttribute('data-rows')).toBe('1319');
    // Rows are drawn as the grid scrolls, down to the last one.
    const last = page!.locator('tr[data-row="1319"] td').nth(3);
    for (let i = 0; i < 20 && (await last.count()) === 0; i++) {
      await page!.locator('#grid').evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
      await page!.waitForTimeout(50);
    }
    expect(await last.textContent()).not.toBe('');
  });

  it('opens the sidebar from the add-on menu, 300 px wide; a round trip through google.script.run', async () => {
    const frame = await openSidebar(page!);
    await expectText(page!.locator('#sidebar-title'), 'Publipostage des comptes');
    const width = await page!
      .locator('#sidebar-frame')
      .evaluate((f) => f.getBoundingClientRect().width);
    expect(width).toBe(300);
    const reply = await callFromSidebar(frame, 'getSource', [null]);
    expect(reply).toMatchObject({
      ok: true,
      value: { ok: true, value: { sheetName: 'college-victor-hugo', accountCount: 1318 } },
    });
    const source = (reply.value as { value: { columns: { field: string; header: string }[] } })
      .value;
    expect(source.columns.find((c) => c.field === 'createdAt')?.header).toBe('Date de création');
    const state = (await emulatorState(emulator.url)) as { counters: Record<string, number> };
    expect(state.counters['Range.getValues']).toBeGreaterThanOrEqual(1);
    expect(state.counters['HtmlService.createHtmlOutputFromFile']).toBe(1);
  });

  it('the sidebar shows what it read through google.script.run', async () => {
    const frame = await openSidebar(page!);
    await expectText(frame.locator('#account-count'), '1318 comptes lus');
  });

  it('google.script.run answers later, with the user object, and refuses a Date at once', async () => {
    const frame = await openSidebar(page!);
    const seen = await frame.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const order: string[] = [];
          const run = (window as unknown as SidebarWindow).google.script.run;
          run
            .withSuccessHandler((value, user) => {
              const source = value as { value: { sheetName: string } };
              order.push(`success ${source.value.sheetName} ${(user as { tag: string }).tag}`);
              resolve(order);
            })
            .withUserObject({ tag: 'objet' }).getSource!(null);
          order.push('after the call');
          try {
            (run.getSource as (arg: unknown) => void)({ when: new Date() });
          } catch (error) {
            order.push((error as Error).message);
          }
          order.push(`private or unknown: ${typeof run.nothingLikeThis}`);
        }),
    );
    expect(seen).toEqual([
      'after the call',
      'Failed due to illegal value in property: when',
      'private or unknown: undefined',
      'success college-victor-hugo objet',
    ]);
  });
});

describe('the emulator runs dist/Code.js itself', () => {
  let patched: PatchedEmulator;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    patched = await startPatchedEmulator(
      browser,
      (code) =>
        code.replace('Publipostage des comptes', 'Titre venu du bundle') +
        `\nfunction failFromBundle() { throw new Error('Échec voulu par le test'); }
function dateFromBundle() { return { when: new Date(0) }; }
function secretFromBundle_() { return 'privé'; }\n`,
    );
    ({ emulator, page } = patched);
  });
  afterAll(() => patched?.close());

  it('serves what a changed dist/Code.js says, not what the TypeScript sources say', async () => {
    await openSidebar(page!);
    await expectText(page!.locator('#sidebar-title'), 'Titre venu du bundle');
    const state = (await emulatorState(emulator.url)) as { code: { sha256: string; path: string } };
    expect(state.code).toEqual({
      sha256: createHash('sha256').update(patched.code).digest('hex'),
      path: join(patched.dir, 'Code.js'),
    });
  });

  it('hands a server exception to the failure handler, with the user object', async () => {
    const frame = await openSidebar(page!);
    expect(await callFromSidebar(frame, 'failFromBundle')).toEqual({
      ok: false,
      value: 'Échec voulu par le test',
      user: { call: 'failFromBundle' },
    });
  });

  it('returns null for a value holding a Date; hides private functions', async () => {
    const frame = await openSidebar(page!);
    expect(await callFromSidebar(frame, 'dateFromBundle')).toEqual({
      ok: true,
      value: null,
      user: { call: 'dateFromBundle' },
    });
    const hidden = await frame.evaluate(
      () =>
        typeof (window as unknown as { google: { script: { run: Record<string, unknown> } } })
          .google.script.run.secretFromBundle_,
    );
    expect(hidden).toBe('undefined');
  });
});

describe('dialogs and files, through the page', () => {
  let patched: PatchedEmulator;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    patched = await startPatchedEmulator(
      browser,
      (code) =>
        `${code}\nfunction askFromBundle() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('Dossier', 'Nom du dossier ?', ui.ButtonSet.OK_CANCEL);
  var text = answer.getResponseText();
  Drive.Files.create({ name: 'réponse.txt', mimeType: MimeType.PLAIN_TEXT },
    Utilities.newBlob(text, MimeType.PLAIN_TEXT, 'réponse.txt'));
  return String(answer.getSelectedButton()) + ' ' + text;
}
function previewFromBundle() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Aperçu');
  sheet.getRange(1, 1, 3, 2).setValues([['Nom', 'Courriel'], ['ABEL', ''], ['BAHOUS', 'b@example.org']]);
  sheet.getRange(2, 2).setBackground('#fce8e6').setNote('Sans courriel');
  sheet.getRange(1, 1, 1, 2).setFontWeight('bold');
  sheet.setFrozenRows(1);
}\n`,
    );
    ({ emulator, page } = patched);
  });
  afterAll(() => patched?.close());

  it('answers a prompt from the queue a test fills, and offers the created file for download', async () => {
    await queueDialogAnswers(emulator.url, [{ button: 'OK', text: 'Lettres 6e' }]);
    const frame = await openSidebar(page!);
    expect(await callFromSidebar(frame, 'askFromBundle')).toMatchObject({
      ok: true,
      value: 'OK Lettres 6e',
    });
    await page!.getByRole('tab', { name: /Boîtes de dialogue/ }).click();
    await expectText(page!.locator('#dialog-list .dialog strong'), 'Dossier');
    await page!.getByRole('tab', { name: /Fichiers créés/ }).click();
    const link = page!.locator('#panel-files a', { hasText: 'réponse.txt' });
    await link.waitFor();
    const download = await (
      await fetch(new URL(String(await link.getAttribute('href')), emulator.url))
    ).text();
    expect(download).toBe('Lettres 6e');
  });

  it('shows the tab a script creates, with its frozen header, bold, backgrounds and notes', async () => {
    const frame = await openSidebar(page!);
    expect(await callFromSidebar(frame, 'previewFromBundle')).toMatchObject({ ok: true });
    await expectText(page!.locator('.tab.selected'), 'Aperçu');
    const header = page!.locator('table.cells[data-sheet="Aperçu"] thead tr.frozen td');
    await expectText(header.first(), 'Nom');
    expect(await header.first().evaluate((td) => getComputedStyle(td).fontWeight)).toBe('700');
    const missing = page!.locator('tbody tr[data-row="2"] td').nth(1);
    expect(await missing.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(
      'rgb(252, 232, 230)',
    );
    expect(await missing.getAttribute('title')).toBe('Sans courriel');
    await page!.locator('.tab', { hasText: 'college-victor-hugo' }).click();
    await expectText(page!.locator('.tab.selected'), 'college-victor-hugo');
  });

  it("answers with the page's prepared answer too", async () => {
    await page!.getByRole('tab', { name: /Boîtes de dialogue/ }).click();
    await page!.selectOption('#answer-button', 'CANCEL');
    await page!.click('#answer-form button[type=submit]');
    await expectText(page!.locator('#answer-pending'), 'Réponses préparées : CANCEL');
    const frame = await openSidebar(page!);
    expect(await callFromSidebar(frame, 'askFromBundle')).toMatchObject({
      ok: true,
      value: 'CANCEL ',
    });
  });
});
