// The text editor in a real browser (issue 17): the card's text edited with the live preview,
// saved, and found on every card of the PDF; an e-mail's subject and text found in every message
// sent; an unknown field and a text too long for its card refused, in French, before saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../helpers/dist';
import { pdfFile, pdfPageCount, pdfPageText } from '../helpers/pdf';
import {
  callFromSidebar,
  emulatorState,
  goToStep,
  openSidebar,
  saveRealSettings,
  screenshotOnFailure,
  type EmulatorBrowser,
  type RunningEmulator,
  startSession,
  stopSession,
  STAFF_CSV,
} from './harness';

let browser: EmulatorBrowser;
let emulator: RunningEmulator;
let page: Page | undefined;
screenshotOnFailure(() => page);

/** staff-preview.csv: 24 accounts to activate (three pages of 8 cards), 20 of them with an address. */
const TO_ACTIVATE = 24;

/**
 * The editor's panels, as sidebar/main.ts wires them: one in the Courriers step (letters and
 * cards), one in the Courriels step (e-mails).
 */
const PANEL = '#letter-texts';
const MAIL_PANEL = '#mail-texts';
const panelOf = (variant: string) => (variant.startsWith('mail') ? MAIL_PANEL : PANEL);
/** The panel openEditor opened. */
let panel = PANEL;

/** `UPDATE_SCREENSHOTS=1` refreshes the README's picture of the editor. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/images') : null;

type State = {
  messages: { to: string; subject: string; body: string; html?: string }[];
  files: { id: string; mimeType: string }[];
};

beforeAll(async () => {
  let frame: Frame;
  ({ browser, emulator, page, frame } = await startSession({ input: STAFF_CSV }));
  // Real settings: the letters do not stop at the placeholder address, the e-mails may leave.
  await saveRealSettings(frame);
});
afterAll(() => stopSession({ page, emulator, browser }));

/** A new sidebar on the accounts to activate, the texts panel open on `variant`. */
async function openEditor(variant: string, filters: { email?: string } = {}): Promise<Frame> {
  const frame = await openSidebar(page!);
  await frame.getByLabel('Activation', { exact: true }).selectOption('not-activated');
  if (filters.email)
    await frame.locator('select:has(option[value="without"])').selectOption(filters.email);
  panel = panelOf(variant);
  await goToStep(frame, variant.startsWith('mail') ? 'mail' : 'letters');
  await frame.locator(`${panel} summary`).click();
  await frame.locator(`${panel} select[name="text-variant"]`).selectOption(variant);
  await frame.locator(`${panelOf(variant)} .text-preview[data-variant="${variant}"]`).waitFor();
  return frame;
}

const body = (frame: Frame) => frame.locator(`${panel} textarea[name="text-body"]`);
const problems = (frame: Frame) => frame.locator(`${panel} .text-problems`);

/** Types at the end of the text, as the referent would. */
async function typeAtEnd(frame: Frame, text: string): Promise<void> {
  await body(frame).click();
  await body(frame).press('Control+End');
  await body(frame).pressSequentially(text);
}

/** The example the preview draws: the first of the list (the widest account of the selection). */
async function exampleName(frame: Frame): Promise<string> {
  const label = (await frame
    .locator(`${panel} select[name="text-example"] option`)
    .first()
    .textContent())!;
  return label.replace(/ \(le plus long\)$/, '');
}

describe('the card text, from the editor to the PDF', () => {
  it('edits the card of accounts to activate, sees the preview change, and finds the words on every card', async () => {
    const frame = await openEditor('card-not-activated');
    await frame.getByLabel('Modèle').selectOption('8');
    const preview = frame.locator(`${PANEL} .text-preview svg`);
    expect(await preview.textContent()).not.toContain('Charte signée au CDI.');
    const first = (await exampleName(frame)).split(' ')[0]!;

    // A line typed, a field inserted at the cursor from the list, then more typing.
    await typeAtEnd(frame, '\nBonne rentrée ');
    await frame.locator(`${PANEL} .field-chip`, { hasText: '{{prénom}}' }).click();
    await body(frame).pressSequentially('.\nCharte signée au CDI.');
    expect(await body(frame).inputValue()).toMatch(
      /\nBonne rentrée \{\{prénom\}\}\.\nCharte signée au CDI\.$/,
    );
    await expect
      .poll(() => preview.textContent(), { timeout: 5000 })
      .toContain('Charte signée au CDI.');
    expect(await preview.textContent()).toContain(`Bonne rentrée ${first}.`);
    // « Masquer les codes d'activation » is ticked: the code is drawn as as many bullets.
    expect(await preview.textContent()).toMatch(/•{6,}/);
    expect(await problems(frame).textContent()).toBe('');
    if (SCREENSHOTS) {
      await body(frame).evaluate((element) => element.scrollIntoView());
      await page!.locator('#sidebar-frame').screenshot({ path: join(SCREENSHOTS, 'texts.png') });
    }

    await frame.locator(`${PANEL} .text-save`).click();
    await expect
      .poll(() => frame.locator(`${PANEL} .text-state`).textContent())
      .toBe('Texte enregistré pour ce classeur.');

    await frame.locator('#generate-pdf').click();
    await frame.locator('.letters-result').waitFor({ timeout: 90_000 });
    expect(await frame.locator('.letters-result').textContent()).toContain(
      `${TO_ACTIVATE} courriers dans 1 fichier.`,
    );
    const href = (await frame.locator('.pdf-link').getAttribute('href'))!;
    const id = /emu-file-\d+/.exec(href)![0];
    const bytes = await (await fetch(new URL(`emulator/files/${id}`, emulator.url))).arrayBuffer();
    const path = pdfFile(new Uint8Array(bytes));
    expect(pdfPageCount(path)).toBe(TO_ACTIVATE / 8);
    for (let number = 1; number <= TO_ACTIVATE / 8; number++) {
      const text = pdfPageText(path, number);
      // Eight cards a page, each with the new words: the fixed line and the line with a field.
      expect(text.match(/Charte signée au CDI\./g)).toHaveLength(8);
      expect(text.match(/Bonne rentrée [^\s.]+\./g)).toHaveLength(8);
    }
  }, 180_000);
});

describe('« Rétablir le texte par défaut »', () => {
  it('brings the default card text back, for this sidebar and the next', async () => {
    let frame = await openEditor('card-not-activated');
    const text = frame.locator(`${PANEL} .text-state`);
    if (!(await body(frame).inputValue()).includes('Charte signée au CDI.')) {
      await typeAtEnd(frame, '\nCharte signée au CDI.');
      await frame.locator(`${PANEL} .text-save`).click();
      await expect.poll(() => text.textContent()).toBe('Texte enregistré pour ce classeur.');
    }
    await frame.locator(`${PANEL} .text-reset`).click();
    await expect.poll(() => text.textContent()).toBe('Texte par défaut rétabli.');
    expect(await body(frame).inputValue()).not.toContain('Charte signée au CDI.');
    await expect
      .poll(() => frame.locator(`${PANEL} .text-preview svg`).textContent())
      .not.toContain('Charte signée au CDI.');
    frame = await openEditor('card-not-activated');
    expect(await frame.locator(`${PANEL} .text-state`).textContent()).toBe('Texte par défaut');
    expect(await body(frame).inputValue()).not.toContain('Charte signée au CDI.');
  }, 60_000);
});

describe('an e-mail text, from the editor to the message sent', () => {
  it('edits the subject and the text, sees them in the preview, and finds them in every message', async () => {
    const frame = await openEditor('mail-not-activated', { email: 'with' });
    const first = (await exampleName(frame)).split(' ')[0]!;
    const subject = frame.locator(`${MAIL_PANEL} input[name="text-subject"]`);
    await subject.fill('');
    await subject.pressSequentially('{{nom_ent}} – vos codes, ');
    await frame.locator(`${MAIL_PANEL} .field-chip`, { hasText: '{{prénom}}' }).click();
    await typeAtEnd(frame, '\n\nPensez à signer la charte au CDI.');
    await expect
      .poll(() => frame.locator(`${MAIL_PANEL} .mail-subject`).textContent(), { timeout: 5000 })
      .toBe(`Mon ENT – vos codes, ${first}`);
    const shown = frame.frameLocator(`${MAIL_PANEL} iframe.mail-body`).locator('body');
    await expect.poll(() => shown.textContent()).toContain('Pensez à signer la charte au CDI.');
    await frame.locator(`${MAIL_PANEL} .text-save`).click();
    await expect
      .poll(() => frame.locator(`${MAIL_PANEL} .text-state`).textContent())
      .toBe('Texte enregistré pour ce classeur.');

    await frame.click('#mail-send');
    await frame.waitForSelector('#mail-counts');
    await frame.click('#mail-confirm');
    await frame.waitForSelector('#mail-result[data-state="complete"]', { timeout: 60_000 });
    const state = (await emulatorState(emulator.url)) as unknown as State;
    const sent = state.messages.filter((m) => !m.subject.startsWith('[TEST]'));
    expect(sent.length).toBeGreaterThan(10);
    for (const message of sent) {
      expect(message.subject).toMatch(/^Mon ENT – vos codes, \S/);
      expect(message.body).toContain('Pensez à signer la charte au CDI.');
    }
  }, 180_000);
});

describe('« Gras »', () => {
  it('wraps the selected words in ** and the preview sets them in bold', async () => {
    const frame = await openEditor('card-not-activated');
    await typeAtEnd(frame, '\nApportez ce papier au CDI.');
    const value = await body(frame).inputValue();
    const start = value.lastIndexOf('ce papier');
    await body(frame).evaluate(
      (element, [from, to]) => (element as HTMLTextAreaElement).setSelectionRange(from!, to!),
      [start, start + 'ce papier'.length],
    );
    await frame.locator(`${PANEL} .text-bold`).click();
    expect(await body(frame).inputValue()).toMatch(/\nApportez \*\*ce papier\*\* au CDI\.$/);
    const bold = frame.locator(`${PANEL} .text-preview svg text[font-weight="bold"]`, {
      hasText: 'ce papier',
    });
    await bold.waitFor({ timeout: 5000 });
  }, 60_000);
});

describe('a text is data', () => {
  it('shows markup typed in an e-mail as text in the preview, never as an element', async () => {
    const frame = await openEditor('mail-activated');
    await typeAtEnd(frame, '\n\n<img src=x onerror="parent.pwned=1"> <b>gras</b>');
    const shown = frame.frameLocator(`${MAIL_PANEL} iframe.mail-body`).locator('body');
    await expect.poll(() => shown.textContent()).toContain('<img src=x onerror="parent.pwned=1">');
    expect(await shown.locator('img, b').count()).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(
      undefined,
    );
  }, 60_000);
});

describe('texts refused before saving', () => {
  it('names an unknown field with the closest known one, and disables « Enregistrer »', async () => {
    const frame = await openEditor('card-not-activated');
    await typeAtEnd(frame, '\nBonjour {{prenom}}');
    await expect
      .poll(() => problems(frame).textContent(), { timeout: 5000 })
      .toMatch(/«\s\{\{prenom\}\}\s» n’existe pas.*vouliez-vous dire «\s\{\{prénom\}\}\s»/);
    expect(await frame.locator(`${PANEL} .text-save`).isDisabled()).toBe(true);
    expect(await body(frame).getAttribute('aria-invalid')).toBe('true');
    // Fixed, the text may be saved again.
    await body(frame).press('Control+End');
    for (let i = 0; i < '{{prenom}}'.length; i++) await body(frame).press('Backspace');
    await frame.locator(`${PANEL} .field-chip`, { hasText: '{{prénom}}' }).click();
    await expect.poll(() => problems(frame).textContent()).toBe('');
    expect(await frame.locator(`${PANEL} .text-save`).isDisabled()).toBe(false);
  }, 60_000);

  it('switches the example account with the text: an activated card shows an activated account', async () => {
    const frame = await openSidebar(page!);
    await goToStep(frame, 'letters');
    await frame.locator(`${PANEL} summary`).click();
    await frame.locator(`${PANEL} select[name="text-variant"]`).selectOption('card-not-activated');
    const preview = frame.locator(`${PANEL} .text-preview`);
    await frame.locator(`${PANEL} .text-preview[data-variant="card-not-activated"]`).waitFor();
    const toActivate = await preview.getAttribute('data-login');
    expect(await preview.locator('svg').textContent()).toContain("Code d'activation");
    await frame.locator(`${PANEL} select[name="text-variant"]`).selectOption('card-activated');
    await frame.locator(`${PANEL} .text-preview[data-variant="card-activated"]`).waitFor();
    expect(await preview.getAttribute('data-login')).not.toBe(toActivate);
    expect(await preview.locator('svg').textContent()).not.toContain("Code d'activation");
    expect(await preview.locator('svg').textContent()).toContain('Compte déjà activé');
    // Another account picked from the short list: the preview draws it.
    const before = await preview.getAttribute('data-login');
    const example = frame.locator(`${PANEL} select[name="text-example"]`);
    expect(await example.locator('option').count()).toBeGreaterThan(1);
    await example.selectOption('1');
    await expect.poll(() => preview.getAttribute('data-login')).not.toBe(before);
  }, 60_000);

  it('refuses a card text without {{code}}', async () => {
    const frame = await openEditor('card-not-activated');
    await body(frame).fill((await body(frame).inputValue()).replace('{{code}}', ''));
    await expect.poll(() => problems(frame).textContent(), { timeout: 5000 }).toContain('{{code}}');
    expect(await frame.locator(`${PANEL} .text-save`).isDisabled()).toBe(true);
  }, 60_000);

  it('refuses a text too long for the card, naming the example account', async () => {
    const frame = await openEditor('card-not-activated');
    const name = await exampleName(frame);
    const long = Array.from(
      { length: 8 },
      (_, i) =>
        `Paragraphe ${i + 1} : le règlement de l’ENT rappelle que chaque compte est personnel et que le mot de passe ne se prête pas.`,
    ).join('\n');
    await body(frame).fill(`${await body(frame).inputValue()}\n${long}`);
    await expect.poll(() => problems(frame).textContent(), { timeout: 5000 }).toContain(name);
    expect(await frame.locator(`${PANEL} .text-save`).isDisabled()).toBe(true);
    // The preview still draws the card: the referent sees what the fit would cut.
    expect(await frame.locator(`${PANEL} .text-preview svg`).count()).toBe(1);

    // The server refuses it too, the same account named: the check does not rest on the sidebar.
    const source = await callFromSidebar(frame, 'getSource', [null]);
    const sheetName = (source.value as { value: { sheetName: string } }).value.sheetName;
    const saved = await callFromSidebar(frame, 'saveText', [
      {
        language: 'fr',
        id: 'card-not-activated',
        source: await body(frame).inputValue(),
        selection: {
          sheetName,
          filters: { activation: 'not-activated' },
          sort: 'alpha',
          showCodes: false,
        },
      },
    ]);
    expect(saved.value).toMatchObject({ ok: false });
    expect((saved.value as { error: { message: string } }).error.message).toContain(name);
  }, 60_000);
});
