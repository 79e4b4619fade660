// The sidebar as steps at the size of Google Sheets' sidebar, 300 × 700 px (issue 16): a
// referent's walk from the settings through the import, the filters, the preview and its
// sharing, the letters and the e-mails; at each step the action and what it produced are on
// screen without scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../helpers/dist';
import {
  emulatorState,
  screenshotOnFailure,
  sizeSidebar,
  type EmulatorBrowser,
  type RunningEmulator,
  startSession,
  stopSession,
} from './harness';

/** `UPDATE_SCREENSHOTS=1 npx vitest run test/e2e/steps.test.ts` refreshes the README's pictures. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/images') : null;

let browser: EmulatorBrowser;
let emulator: RunningEmulator;
let page: Page | undefined;
let frame: Frame;
screenshotOnFailure(() => page);

beforeAll(async () => {
  ({ browser, emulator, page, frame } = await startSession());
  await sizeSidebar(page, frame, 700);
});
afterAll(() => stopSession({ page, emulator, browser }));

interface Placement {
  width: number;
  height: number;
  inViewport: boolean;
  clippedBy: string | null;
  covered: boolean;
  scrolled: boolean;
}

/**
 * Where `selector` is drawn: inside the frame's window (300 × 700), not cut by a scrolling
 * ancestor, not under another element, and nothing scrolled to get there.
 */
async function placement(selector: string): Promise<Placement> {
  return frame.locator(selector).evaluate((element) => {
    const r = element.getBoundingClientRect();
    let clippedBy: string | null = null;
    let scrolled = window.scrollY !== 0 || window.scrollX !== 0;
    for (let a = element.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (a.scrollTop !== 0) scrolled = true;
      const box = a.getBoundingClientRect();
      const out =
        r.top < box.top - 0.5 ||
        r.bottom > box.bottom + 0.5 ||
        r.left < box.left - 0.5 ||
        r.right > box.right + 0.5;
      if (out && !clippedBy) clippedBy = a.id || a.className || a.tagName;
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      width: r.width,
      height: r.height,
      inViewport:
        r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
      clippedBy,
      covered: !(hit && (hit === element || element.contains(hit))),
      scrolled,
    };
  });
}

/**
 * `selector` fully on screen. `followed`: a block of a step's body whose result the body
 * scrolled to by itself (the referent did not); the button is then checked on screen too.
 */
async function expectOnScreen(selector: string, followed = false): Promise<void> {
  await frame.locator(selector).waitFor();
  const seen = await placement(selector);
  if (followed) seen.scrolled = false;
  expect(seen.width, selector).toBeGreaterThan(0);
  expect(seen.height, selector).toBeGreaterThan(0);
  expect({ selector, ...seen }).toMatchObject({
    selector,
    inViewport: true,
    clippedBy: null,
    covered: false,
    scrolled: false,
  });
}

async function shot(name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page!.locator('#sidebar-frame').screenshot({ path: join(SCREENSHOTS, name) });
}

/** The texts a status area showed while an action ran (a progress label changes in place). */
async function recordTexts(selector: string): Promise<void> {
  await frame.evaluate((selector) => {
    const target = document.querySelector(selector)!;
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(target.textContent ?? '')).observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, selector);
}
const recorded = () => frame.evaluate(() => (window as unknown as { seen: string[] }).seen);

describe('the sidebar’s steps at 300 × 700', () => {
  it('opens on the settings while they are the examples; « Enregistrer » and its result in view', async () => {
    await expectOnScreen('#settings-examples');
    expect(await frame.locator('#open-settings').getAttribute('aria-pressed')).toBe('true');
    await expectOnScreen('#save-settings');
    await shot('steps-settings.png');
    await frame.getByLabel('Nom de l’ENT').fill('ENT Collège Hugo');
    await frame.getByLabel('Adresse de l’ENT').fill('https://ent.college-hugo.fr');
    await frame.getByLabel('Établissement').fill('Collège Victor Hugo');
    await frame.getByLabel('Ligne de contact').fill('Vie scolaire, 01 23 45 67 89');
    await frame.click('#save-settings');
    await frame.locator('.settings-saved').waitFor();
    await expectOnScreen('.settings-saved');
    expect(await frame.locator('#settings-examples').count()).toBe(0);
    await frame.click('#close-settings');
    // Back on the first step, its title focused for a screen reader.
    await frame.locator('#step-source').waitFor();
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('step-source-title');
  });

  it('step 1: « Importer un export ENT » and its result in view; the new tab becomes the source', async () => {
    await expectOnScreen('#import-export');
    await frame.setInputFiles(
      '#import input[type="file"]',
      join(ROOT, 'samples/college-victor-hugo.csv'),
    );
    await frame.click('#import-export');
    const done = frame.locator('#import .status', { hasText: 'lignes importées' });
    await done.waitFor({ timeout: 30_000 });
    // The sidebar reloads on the new tab, the import's result still next to its button.
    await frame.locator('#source-title').waitFor();
    await expectOnScreen('#import .status');
    await expectOnScreen('#import-export');
    const tab = /«\u00a0(.+)\u00a0»/.exec((await done.textContent())!)![1]!;
    expect(tab).toMatch(/^Export ENT /);
    expect(await frame.locator('#source-title').locator('..').locator('select').inputValue()).toBe(
      tab,
    );
    expect(await frame.locator('#account-count').textContent()).toBe('1318 comptes lus');
  });

  it('step 1: a date typed wrong is refused in French next to « Compter », then the count', async () => {
    await expectOnScreen('#count-selection');
    // The check sees what is out of view: the options sit below the fold of the body, which
    // scrolls under the bar.
    expect(await placement('#options-title')).toMatchObject({
      inViewport: false,
      clippedBy: 'step-body',
    });
    await frame.getByLabel('Créés à partir du').fill('31/02/2024');
    await frame.click('#count-selection');
    const error = frame.locator('#count-error');
    await expectOnScreen('#count-error');
    expect(await error.textContent()).toBe(
      '«\u00a0Créés à partir du\u00a0»\u00a0: «\u00a031/02/2024\u00a0» n’est pas une date au format jj/mm/aaaa (par exemple 02/09/2024). Corrigez les dates de création avant de continuer.',
    );
    expect(await frame.getByLabel('Créés à partir du').getAttribute('aria-invalid')).toBe('true');
    await frame.getByLabel('Créés à partir du').fill('01/09/2000');
    await frame.click('#count-selection');
    await frame.locator('#count-result').waitFor();
    await expectOnScreen('#count-result');
    expect(await frame.locator('#count-result').textContent()).toBe('1318 comptes choisis');
    expect(await error.textContent()).toBe('');
    await shot('steps-source.png');
  });

  it('step 1: an empty selection names the filters set and the one to relax', async () => {
    await frame.locator('label', { hasText: /^Personnel/ }).click();
    await frame.getByLabel('Courriel', { exact: true }).selectOption('without');
    await frame.getByLabel('Activation', { exact: true }).selectOption('not-activated');
    await frame.click('#count-selection');
    await frame.locator('#bar-source .widen').waitFor();
    await expectOnScreen('#bar-source .widen');
    const advice = (await frame.locator('#bar-source .widen').innerText()).replace(/\u00a0/g, ' ');
    expect(advice).toContain('Aucun compte ne correspond à ces filtres.');
    expect(advice).toContain('Filtres actifs : Profils, Activation, Courriel, Date de création.');
    expect(advice).toMatch(
      /Relâchez d’abord « (Profils|Activation|Courriel) » : sans ce filtre, \d+ comptes? seraient? choisis?\./,
    );
    // The letters say the same next to their own button, rather than only « nothing to print ».
    await frame.click('#tab-letters');
    await frame.click('#generate-pdf');
    await frame.locator('#bar-letters .widen').waitFor({ timeout: 15_000 });
    await expectOnScreen('#bar-letters .widen');
    await expectOnScreen('#letters-error');
    expect(await frame.locator('#letters-error').textContent()).toContain(
      'Aucun compte sélectionné',
    );
    await frame.click('#bar-letters .edit-filters');
    await frame.locator('#step-source').waitFor();
    // Back to a selection that is not empty: the staff, whatever their address.
    await frame.getByLabel('Courriel', { exact: true }).selectOption('all');
    await frame.getByLabel('Activation', { exact: true }).selectOption('all');
  });

  it('step 2: the preview of 1,318 accounts shows the rows written, then its counts, in view', async () => {
    // Every account first: two chunks of rows, each shown as it is written.
    await frame.locator('label', { hasText: /^Personnel/ }).click();
    await frame.click('#next-source');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('step-preview-title');
    await expectOnScreen('#run-preview');
    await recordTexts('#preview-status');
    await frame.click('#run-preview');
    await frame.locator('#preview-status .big').waitFor({ timeout: 30_000 });
    const seen = await recorded();
    expect(seen.some((text) => text.includes('Étape 1\u00a0: lecture de la sélection'))).toBe(true);
    expect(seen.some((text) => /Étape 2\s:\s1\s000 \/ 1\s318 lignes écrites/.test(text))).toBe(
      true,
    );
    expect(seen.some((text) => /Étape 2\s:\s0 \/ 1\s318 lignes écrites/.test(text))).toBe(true);
    await expectOnScreen('#preview-status .big');
    await expectOnScreen('#run-preview');
    expect(await frame.locator('#preview-status .big').textContent()).toBe(
      '1318 comptes sélectionnés au total',
    );
    await shot('steps-preview.png');

    // Then the staff only, for the letters and the e-mails.
    await frame.click('#tab-source');
    await frame.locator('label', { hasText: /^Personnel/ }).click();
    await frame.click('#tab-preview');
    await frame.click('#run-preview');
    await expect
      .poll(() => frame.locator('#preview-status .big').textContent(), { timeout: 15_000 })
      .toBe('16 comptes sélectionnés au total');
    const state = (await emulatorState(emulator.url)) as {
      spreadsheet: { sheets: { name: string; values: string[][] }[] };
    };
    const tab = state.spreadsheet.sheets.find((s) => s.name === 'Aperçu publipostage')!;
    expect(tab.values[1]![0]).toBe('16 comptes sélectionnés au total');
  });

  it('step 2: « Partager l’aperçu » and its link in view, next to the warning', async () => {
    await expectOnScreen('#share-preview');
    await expectOnScreen('#share-warning');
    await frame.fill('#share-section textarea', 'direction@college-hugo.fr');
    await frame.click('#share-preview');
    await frame.locator('#share-status .big').waitFor({ timeout: 15_000 });
    expect(await frame.locator('#share-error').textContent()).toBe('');
    // The result is taller than what is left of the body: the body follows it, the button stays.
    await frame.waitForFunction(() => {
      const body = document.getElementById('step-body')!.getBoundingClientRect();
      return document.getElementById('share-link')!.getBoundingClientRect().bottom <= body.bottom;
    });
    await expectOnScreen('#share-status .big', true);
    await expectOnScreen('#share-link', true);
    await expectOnScreen('#share-preview', true);
    await shot('steps-share.png');
  });

  it('step 3: « Générer en PDF » and its links in view', async () => {
    await frame.click('#next-preview');
    await expectOnScreen('#generate-pdf');
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.click('#generate-pdf');
    await frame.locator('.letters-result').waitFor({ timeout: 90_000 });
    await expectOnScreen('.letters-result');
    await expectOnScreen('#generate-pdf');
    expect(await frame.locator('.letters-result').textContent()).toContain(
      '16 courriers dans 1 fichier.',
    );
    await shot('steps-letters.png');
  }, 120_000);

  it('step 4: the test e-mail, then the confirmation and the campaign’s result, in view', async () => {
    await frame.click('#next-letters');
    await expectOnScreen('#mail-send');
    await frame.click('#mail-test');
    await frame.locator('#mail-test-result').waitFor({ timeout: 15_000 });
    await expectOnScreen('#mail-test-result');
    await frame.click('#mail-send');
    await frame.locator('#mail-counts').waitFor({ timeout: 15_000 });
    await expectOnScreen('#mail-counts');
    await expectOnScreen('#mail-confirm');
    await shot('steps-mail.png');
    await frame.click('#mail-confirm');
    await frame.locator('#mail-result[data-state="complete"]').waitFor({ timeout: 30_000 });
    await expectOnScreen('#mail-result h3');
    await expectOnScreen('#mail-result li:first-child');
  }, 60_000);

  it('keeps every step as it was: the filters ticked, the preview’s counts, the letters’ links', async () => {
    await frame.click('#tab-source');
    await expect(
      frame
        .locator('label', { hasText: /^Personnel/ })
        .locator('..')
        .locator('input')
        .isChecked(),
    ).resolves.toBe(true);
    await expect(frame.getByLabel('Créés à partir du').inputValue()).resolves.toBe('01/09/2000');
    await frame.click('#tab-preview');
    await expectOnScreen('#preview-status .big');
    await frame.click('#tab-letters');
    await expectOnScreen('.letters-result');
    // « Réglages » from any step, and back.
    await frame.click('#open-settings');
    await expectOnScreen('#save-settings');
    await frame.click('#open-settings');
    await expectOnScreen('#generate-pdf');
  });
});
