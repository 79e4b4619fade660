// The e-mail panel in a real browser: a test e-mail, then a small campaign from the sidebar, with
// a step stopped by the time limit (injected through POST /emulator/mail) and « Reprendre ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfFile, pdfPageCount, pdfPageText } from '../helpers/pdf';
import {
  saveRealSettings,
  emulatorState,
  expectText,
  goToStep,
  openSidebar,
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

type State = {
  messages: { to: string; subject: string; id: string }[];
  spreadsheet: { sheets: { name: string; values: string[][] }[] };
  mail: { remainingQuota: number; faultsInjected: number };
};

beforeAll(async () => {
  ({ browser, emulator, page } = await startSession({ input: STAFF_CSV, sidebar: false }));
});
afterAll(() => stopSession({ page, emulator, browser }));

async function injectFaults(faults: Record<string, unknown>) {
  const response = await fetch(new URL('emulator/mail', emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  expect(response.ok).toBe(true);
}

describe('e-mails from the sidebar', () => {
  it('refuses the test e-mail while the settings hold the examples (issue 14 #2)', async () => {
    const frame = await openSidebar(page!);
    await goToStep(frame, 'mail');
    await frame.click('#mail-test');
    await frame.waitForFunction(() => document.querySelector('#mail-error')?.textContent !== '');
    expect(await frame.locator('#mail-error').textContent()).toMatch(
      /^L'adresse de l'ENT «\u00a0https:\/\/ent\.example\u00a0» est un exemple.*Renseignez les réglages/,
    );
    const state = (await emulatorState(emulator.url)) as unknown as State;
    expect(state.messages).toEqual([]);
    await saveRealSettings(frame);
  });

  it('sends the test e-mail to the referent and shows it in the messages panel', async () => {
    const frame = await openSidebar(page!);
    await goToStep(frame, 'mail');
    await frame.click('#mail-test');
    await expectText(
      frame.locator('#mail-test-result'),
      '2 messages de test envoyés à referent.ent@example.org.',
    );
    await expectText(page!.locator('#count-messages'), '2');
    const state = (await emulatorState(emulator.url)) as unknown as State;
    expect(state.messages.map((m) => m.subject.startsWith('[TEST]'))).toEqual([true, true]);
    const eml = await fetch(
      new URL(`emulator/messages/${state.messages[0]!.id}.eml`, emulator.url),
    );
    expect(await eml.text()).toMatch(/^From: .*\r\nTo: <referent\.ent@example\.org>\r\n/);
  });

  it('confirms, sends a small campaign, survives a stopped step with « Reprendre », fills the journal tab', async () => {
    await injectFaults({ stopAfterSends: 5, stops: 1 });
    const frame = await openSidebar(page!);
    await goToStep(frame, 'mail');
    await frame.click('#mail-send');
    await frame.waitForSelector('#mail-counts');
    expect(await frame.locator('#mail-selection').textContent()).toMatch(
      /^Sélection\u00a0: aucun filtre\u00a0: tous les comptes — \d+ comptes\.$/,
    );
    const counts = await frame.locator('#mail-counts').textContent();
    expect(counts).toContain('ignorés : sans courriel');
    await expectText(frame.locator('#mail-quota'), 'Quota restant aujourd’hui : 98 messages');
    await frame.click('#mail-confirm');
    // The first step is stopped after 5 sends: the sidebar says so in French next to
    // « Reprendre » (issue 14 #5), and « Reprendre » goes on at once.
    await frame.locator('#mail-stopped').waitFor({ timeout: 10_000 });
    expect(await frame.locator('#mail-stopped').textContent()).toContain(
      'Cliquez sur « Reprendre »',
    );
    expect(await frame.locator('#mail-error').textContent()).toBe('');
    await frame.click('#mail-resume');
    await frame.waitForSelector('#mail-result[data-state="complete"]', { timeout: 30_000 });
    const state = (await emulatorState(emulator.url)) as unknown as State;
    const campaign = state.messages.filter((m) => !m.subject.startsWith('[TEST]'));
    const addresses = new Set(campaign.map((m) => m.to.toLowerCase()));
    expect(addresses.size).toBe(campaign.length);
    // This run's messages (the stopped step's, which it never reported, included), then the
    // campaign's total (issue 14 #6).
    expect(await frame.locator('#mail-result li').first().textContent()).toBe(
      `${campaign.length} envoyés par cet envoi (${campaign.length} depuis le début de la campagne)`,
    );
    await expectText(page!.locator('#count-messages'), String(campaign.length + 2));
    const journal = state.spreadsheet.sheets.find((s) => s.name === 'Journal publipostage')!;
    expect(journal.values[0]!.slice(0, 6)).toEqual([
      'Campagne',
      'Horodatage',
      'Identifiant',
      'Nom',
      'Courriel',
      'Statut',
    ]);
    const statuses = journal.values.slice(1).map((row) => row[5]);
    expect(statuses).toHaveLength(65);
    expect(statuses.filter((s) => s === 'envoyé')).toHaveLength(campaign.length);
    expect(statuses.every((s) => s === 'envoyé' || s!.startsWith('ignoré'))).toBe(true);
    await page!.locator('.tab', { hasText: 'Journal publipostage' }).click();
    await expectText(page!.locator('tr[data-row="1"] td').nth(5), 'Statut');
  });

  it('the strategy action lists the accounts without a usable address and prints their letters', async () => {
    const frame = await openSidebar(page!);
    await goToStep(frame, 'mail');
    await frame.click('#mail-strategy');
    await frame.waitForSelector('#mail-counts');
    // Everything was sent already today: nothing to send, the skipped are listed.
    await frame.waitForSelector('#mail-skipped');
    const summary = await frame.locator('#mail-skipped summary').textContent();
    expect(summary).toMatch(/^9 comptes sans adresse utilisable/);

    // … and their letters, from the same place: exactly the 9 skipped, one page each.
    const skipped = (await frame.locator('#mail-skipped li').allTextContents()).map(
      (line) => /\(([^()]+)\) — /.exec(line)![1]!,
    );
    expect(skipped).toHaveLength(9);
    // The settings were filled in (e-mails need them), so the letters do not ask first.
    await frame.click('#mail-letters');
    await frame.locator('#mail-skipped .letters-result').waitFor({ timeout: 60_000 });
    expect(await frame.locator('#mail-skipped .letters-result').textContent()).toContain(
      '9 courriers dans 1 fichier.',
    );
    const state = (await emulatorState(emulator.url)) as unknown as {
      files: { id: string; mimeType: string }[];
    };
    const pdf = state.files.filter((file) => file.mimeType === 'application/pdf').at(-1)!;
    const response = await fetch(new URL(`emulator/files/${pdf.id}`, emulator.url));
    const path = pdfFile(new Uint8Array(await response.arrayBuffer()));
    expect(pdfPageCount(path)).toBe(9);
    // One page a skipped account, in the order of the list.
    skipped.forEach((login, i) => expect(pdfPageText(path, i + 1)).toContain(login));
  }, 120_000);
});
