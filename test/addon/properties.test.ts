// What the add-on keeps in PropertiesService must not grow with the school: Apps Script caps a
// value at 9 kB and a store at 500 kB (https://developers.google.com/apps-script/guides/services/quotas),
// and the emulator refuses what passes them. The preview, the CSV export and the settings, run
// through dist/Code.js on a 10,000-account school, store exactly what they store on a small one.
import { describe, expect, it } from 'vitest';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import type { EmuProperties } from '../../src/local/emulator/properties';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { readDist } from '../helpers/dist';
import { schoolRows } from '../helpers/school';

const request = { sheetName: 'Export', filters: {}, sort: 'alpha', showCodes: false };
/** Every field at the longest the settings accept (200 characters). */
const LONGEST_SETTINGS = {
  entName: 'É'.repeat(200),
  entUrl: `https://ent.exemple.fr/${'a'.repeat(177)}`,
  schoolName: 'Collège '.repeat(25),
  contact: 'Bureau 12, '.repeat(18).slice(0, 200),
  senderName: 'Référent ENT '.repeat(15).slice(0, 200),
  replyTo: `${'r'.repeat(180)}@exemple.fr`,
};

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

/** Bytes of a store's keys and values, and its largest value, as the quotas count them. */
function usage(store: EmuProperties) {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  let total = 0;
  let largest = 0;
  for (const [key, value] of store.values) {
    total += bytes(key) + bytes(value);
    largest = Math.max(largest, bytes(value));
  }
  return { keys: [...store.values.keys()].sort(), total, largest };
}

function run(students: number) {
  const rt = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(schoolRows(students), 'Export'),
  });
  const replies = {
    settings: rt.runFromClient('saveSettings', [LONGEST_SETTINGS]) as Reply,
    preview: rt.runFromClient('runPreview', [request]) as Reply,
    csv: rt.runFromClient('exportSelection', [request]) as Reply,
  };
  const { document, user, script } = rt.stores.properties;
  return {
    replies,
    stores: { document: usage(document), user: usage(user), script: usage(script) },
  };
}

describe('PropertiesService on a 10,000-account school (dist/Code.js)', () => {
  it('holds the same keys and bytes after the preview, the CSV export and the settings as for 21', () => {
    const small = run(10);
    // schoolRows(4,878): 4,878 pupils, as many parents, a teacher for 20 pupils.
    const large = run(4_878);
    expect(large.replies.csv.value?.count).toBe(10_000);
    for (const reply of Object.values(large.replies)) expect(reply.error?.message).toBeUndefined();
    expect(large.stores).toEqual(small.stores);
    // The settings at their longest: the one value stored, well under 9 kB.
    expect(large.stores.document.keys).toEqual(['publipostage.settings']);
    expect(large.stores.document.largest).toBeGreaterThan(1_300);
    expect(large.stores.document.largest).toBeLessThan(9 * 1024);
  });

  it('refuses a setting longer than 200 characters in French, storing nothing', () => {
    const rt = new AppsScriptRuntime({
      code: readDist('Code.js'),
      spreadsheet: spreadsheetFromRows(schoolRows(2), 'Export'),
    });
    const reply = rt.runFromClient('saveSettings', [
      { ...LONGEST_SETTINGS, contact: 'x'.repeat(10_000) },
    ]) as Reply;
    expect(reply.error?.message).toBe(
      'Le réglage « contact » (ligne de contact) est trop long : 10000 caractères, 200 au plus.',
    );
    expect(rt.stores.properties.document.values.size).toBe(0);
  });
});
