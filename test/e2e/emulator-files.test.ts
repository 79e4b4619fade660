// The emulator's page shows the whole flow without a terminal: a Drive link of the add-on opens
// the emulated file, and the « Déclencheurs » panel sets the day's mail quota and moves to the
// next day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  callFromSidebar,
  emulatorState,
  expectText,
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
let frame: Frame;
screenshotOnFailure(() => page);

beforeAll(async () => {
  ({ browser, emulator, page, frame } = await startSession({ input: STAFF_CSV }));
});
afterAll(() => stopSession({ page, emulator, browser }));

interface MailState {
  mail: { remainingQuota: number; sentToday: number; faults: { dailyQuota: number } };
}

describe('the links of the add-on in the emulator', () => {
  it('a Drive link in the sidebar opens the emulated file in a new tab, not Google', async () => {
    const reply = await callFromSidebar(frame, 'exportSelection', [
      { sheetName: 'staff-preview', filters: {}, sort: 'alpha', showCodes: false },
    ]);
    expect(reply.ok).toBe(true);
    const exported = (reply.value as { ok: true; value: { url: string; fileName: string } }).value;
    expect(exported.url).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/emu-file-\d+\//);
    // The link as the sidebar writes it: Apps Script's address, opened in a new tab.
    await frame.evaluate((url) => {
      const link = document.createElement('a');
      Object.assign(link, { href: url, target: '_blank', rel: 'noopener', id: 'drive-link' });
      link.textContent = 'Ouvrir';
      document.body.append(link);
    }, exported.url);
    const [opened] = await Promise.all([
      page!.context().waitForEvent('page'),
      frame.locator('#drive-link').click(),
    ]);
    await opened.waitForLoadState();
    const id = /emu-file-\d+/.exec(exported.url)![0];
    expect(new URL(opened.url()).pathname).toBe(`/emulator/view/${id}`);
    const text = await opened.locator('body').textContent();
    // The CSV itself, as text: its header row.
    expect(text).toContain('Nom');
    expect(text).toContain('Login');
    await opened.close();
  });

  it('the Files panel opens a file in the browser as well as downloading it', async () => {
    const row = page!.locator('#panel-files .file').first();
    await row.waitFor();
    expect(await row.locator('a[download]').getAttribute('href')).toMatch(
      /^\/emulator\/files\/emu-file-\d+$/,
    );
    const [opened] = await Promise.all([
      page!.context().waitForEvent('page'),
      row.locator('a.open-file').click(),
    ]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toMatch(/^\/emulator\/view\/emu-file-\d+$/);
    expect(await opened.locator('body').textContent()).toContain('Login');
    await opened.close();
  });
});

describe('the « Déclencheurs » panel', () => {
  it('sets the day’s mail quota and moves to the next day', async () => {
    await page!.locator('.drawer-tabs [data-panel="triggers"]').click();
    const quota = page!.locator('#mail-quota');
    await quota.waitFor();
    await quota.fill('3');
    await page!.locator('#mail-quota-form button[type="submit"]').click();
    await expectText(page!.locator('#mail-quota-status'), '0 envoyé aujourd’hui, 3 restants');
    let state = (await emulatorState(emulator.url)) as unknown as MailState;
    expect(state.mail.faults.dailyQuota).toBe(3);

    // « M’envoyer un test » sends two examples: one left for today.
    await saveRealSettings(frame);
    const sent = await callFromSidebar(frame, 'sendTestMail');
    expect(sent.value).toMatchObject({ ok: true, value: { count: 2, remainingQuota: 1 } });
    await expectText(page!.locator('#mail-quota-status'), '2 envoyés aujourd’hui, 1 restant');
    // With one message left, a second test is refused: the quota is the one the panel set.
    const refused = await callFromSidebar(frame, 'sendTestMail');
    expect(refused.value).toMatchObject({ ok: false });

    await page!.locator('#mail-next-day').click();
    await expectText(page!.locator('#mail-quota-status'), '0 envoyé aujourd’hui, 3 restants');
    state = (await emulatorState(emulator.url)) as unknown as MailState;
    expect(state.mail.sentToday).toBe(0);
    expect(state.mail.remainingQuota).toBe(3);
  });
});
