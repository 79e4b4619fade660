// The referent's whole day in `npm start`, under the strict emulator (scopes checked per call,
// property limits, an add-on trigger with no document): preview → CSV export → letters →
// a campaign stopped by the quota → the next day's trigger finishes it (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  goToStep,
  saveRealSettings,
  emulatorState,
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

type State = {
  messages: { to: string; subject: string }[];
  spreadsheet: { sheets: { name: string; values: string[][] }[] };
  files: { name: string; folder: string; mimeType: string }[];
  triggers: { id: string; handler: string }[];
  logs: { message: string }[];
};

async function post(path: string, body: Record<string, unknown>) {
  const response = await fetch(new URL(path, emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
  expect(answer.error?.message ?? null).toBeNull();
  return answer;
}

const state = async () => (await emulatorState(emulator.url)) as unknown as State;

beforeAll(async () => {
  ({ browser, emulator, page, frame } = await startSession({ input: STAFF_CSV }));
});
afterAll(() => stopSession({ page, emulator, browser }));

describe('a referent’s day under the strict emulator', () => {
  it('preview, CSV export, letters, then a campaign the quota stops and the trigger ends', async () => {
    // The preview tab and the CSV export, into the add-on's own Drive folder (drive.file).
    await goToStep(frame, 'preview');
    await frame.click('#run-preview');
    await frame.locator('#preview-status .big').waitFor({ timeout: 15_000 });
    await frame.click('#export-csv');
    await frame.locator('#preview-status a').waitFor({ timeout: 15_000 });

    await saveRealSettings(frame);

    // Letters: a Doc written through the Docs API, and its PDF, both in the folder.
    await goToStep(frame, 'letters');
    await frame.getByLabel('Modèle').selectOption('8');
    await frame.locator('#generate-pdf').click();
    await frame.locator('.letters-result').waitFor({ timeout: 90_000 });
    const afterLetters = await state();
    expect(
      afterLetters.files
        .filter((f) => f.folder === 'Publipostage ENT')
        .map((f) => f.mimeType)
        .sort(),
    ).toEqual(['application/pdf', 'application/vnd.google-apps.document', 'text/csv']);

    // The campaign: a quota of 20 a day stops it, and the add-on leaves an hourly trigger.
    await post('emulator/mail', { faults: { dailyQuota: 20 } });
    await goToStep(frame, 'mail');
    await frame.click('#mail-send');
    await frame.waitForSelector('#mail-counts');
    await frame.click('#mail-confirm');
    await frame.waitForSelector('#mail-result[data-state="waiting-quota"]', { timeout: 30_000 });
    const stopped = await state();
    const sentFirstDay = stopped.messages.length;
    expect(sentFirstDay).toBe(20);
    const triggers = stopped.triggers.filter((t) => t.handler === 'resumeMailFromTrigger');
    expect(triggers).toHaveLength(1);

    // The next days: the trigger runs with no open document and sends the rest, 20 a day.
    for (let day = 0; day < 5; day++) {
      const current = await state();
      if (!current.triggers.some((t) => t.id === triggers[0]!.id)) break;
      await post('emulator/mail', { nextDay: true });
      await post('emulator/triggers/run', { id: triggers[0]!.id });
    }
    const done = await state();
    expect(done.triggers.filter((t) => t.handler === 'resumeMailFromTrigger')).toEqual([]);
    const addresses = done.messages.map((m) => m.to.toLowerCase());
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.length).toBeGreaterThan(sentFirstDay);
    const journal = done.spreadsheet.sheets.find((s) => s.name === 'Journal publipostage')!;
    const statuses = journal.values.slice(1).map((row) => row[5]!);
    expect(statuses.filter((s) => s === 'envoyé')).toHaveLength(addresses.length);
    expect(statuses.every((s) => s === 'envoyé' || s.startsWith('ignoré'))).toBe(true);
  }, 240_000);
});
