// « Partager l'aperçu » (dist/Code.js in the emulator, under the project's manifest: drive.file,
// never drive): a spreadsheet of its own in the add-on's folder, holding the preview and no
// activation code whatever the checkbox says, shared with the typed addresses.
import { describe, expect, it } from 'vitest';
import { MASKED_CODE } from '../../src/core/csv-export';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { PROJECT_MANIFEST } from '../../src/local/emulator/manifest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import type { EmuSpreadsheet } from '../../src/local/emulator/spreadsheet';
import { readDist } from '../helpers/dist';
import { EXPORT_HEADER, schoolRows } from '../helpers/school';

const AUTH = 'https://www.googleapis.com/auth/';
const SHEETS = 'application/vnd.google-apps.spreadsheet';
const FOLDER_KEY = 'publipostage.driveFolderId';
const CODE_COLUMN = EXPORT_HEADER.indexOf("Code d'activation");

/** The synthetic school with codes no other cell can hold by chance (`K7-<row>-Q`). */
function rows(): string[][] {
  return schoolRows(40).map((row, i) =>
    i === 0 || row[CODE_COLUMN] === ''
      ? row
      : row.map((cell, c) => (c === CODE_COLUMN ? `K7-${i}-Q` : cell)),
  );
}
const SOURCE = rows();
const CODES = SOURCE.slice(1)
  .map((row) => row[CODE_COLUMN]!)
  .filter(Boolean);

type Share = {
  fileName: string;
  url: string;
  count: number;
  created: boolean;
  replacedLost: boolean;
  shared: string[];
  alreadyShared: string[];
  failed: { address: string; reason: string }[];
  access: { address: string; role: string }[];
};
type Reply = { ok: boolean; value?: Share; error?: { message: string } };

function school(scopes = PROJECT_MANIFEST.oauthScopes) {
  return new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(SOURCE, 'Export'),
    manifest: { ...PROJECT_MANIFEST, oauthScopes: scopes },
  });
}

/** « Masquer les codes » unchecked: the request asks for the codes. */
function share(runtime: AppsScriptRuntime, addresses: string, role = 'reader', filters = {}) {
  return runtime.runFromClient('sharePreview', [
    { sheetName: 'Export', filters, sort: 'alpha', showCodes: true, addresses, role },
  ]) as Reply;
}

function shared(runtime: AppsScriptRuntime, reply: Reply) {
  expect(reply.ok).toBe(true);
  const file = runtime.stores.drive.files.find((f) => reply.value!.url.includes(f.id))!;
  const spreadsheet = runtime.stores.spreadsheets.byId.get(file.id)!;
  return { file, spreadsheet };
}

/** Every cell of every tab, as text. */
function cells(spreadsheet: EmuSpreadsheet): string[] {
  return spreadsheet.sheets.flatMap((sheet) =>
    sheet
      .getDataRange()
      .getValues()
      .flat()
      .map((value) => String(value)),
  );
}

const codesIn = (texts: string[]) =>
  texts.flatMap((text) => CODES.filter((code) => text.includes(code)));

describe('« Partager l’aperçu »', () => {
  it('holds no activation code, cell by cell, though « Masquer les codes » is unchecked', () => {
    const runtime = school();
    const reply = share(runtime, 'direction@college.fr');
    const { spreadsheet } = shared(runtime, reply);
    // Only the preview's tab, with every account of the selection and the mask instead of codes.
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Aperçu publipostage']);
    const values = spreadsheet.sheets[0]!.getDataRange().getValues() as string[][];
    const header = values.findIndex((row) => row[0] === 'Nom');
    expect(values.length - header - 1).toBe(SOURCE.length - 1);
    expect(reply.value!.count).toBe(SOURCE.length - 1);
    expect(CODES.length).toBeGreaterThan(50);
    expect(values.slice(header + 1).filter((row) => row[5] === MASKED_CODE)).toHaveLength(
      CODES.length,
    );
    expect(codesIn(cells(spreadsheet))).toEqual([]);
    // The same check finds the codes where they are: the workbook's own preview with codes shown.
    runtime.runFromClient('runPreview', [
      { sheetName: 'Export', filters: {}, sort: 'alpha', showCodes: true },
    ]);
    expect(codesIn(cells(runtime.stores.spreadsheet))).toHaveLength(CODES.length * 2);
  });

  it('is a Google Sheets file in the add-on’s folder, its link the one Drive gives', () => {
    const runtime = school();
    const reply = share(runtime, 'direction@college.fr');
    const { file } = shared(runtime, reply);
    const folderId = runtime.stores.properties.user.getProperty(FOLDER_KEY);
    expect(file.parent.id).toBe(folderId);
    expect(file.parent.name).toBe('Publipostage ENT');
    expect(file).toMatchObject({ mimeType: SHEETS, createdByApp: true });
    expect(reply.value!.url).toBe(
      `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`,
    );
    expect(reply.value!.fileName).toBe(file.name);
    expect(file.name).toContain('Aperçu publipostage partagé');
  });

  it('shares with the typed addresses, with the chosen role, and tells them in French', () => {
    const runtime = school();
    const reply = share(
      runtime,
      'direction@college.fr\nAdjoint Principal <adjoint@college.fr>; cpe@college.fr, DIRECTION@college.fr',
      'commenter',
    );
    const { file } = shared(runtime, reply);
    const grants = runtime.stores.drive.permissions.get(file.id)!;
    expect(grants.map((g) => [g.emailAddress, g.role, g.type, g.notified])).toEqual([
      ['direction@college.fr', 'commenter', 'user', true],
      ['adjoint@college.fr', 'commenter', 'user', true],
      ['cpe@college.fr', 'commenter', 'user', true],
    ]);
    expect(grants[0]!.emailMessage).toMatch(
      /^Aperçu du publipostage des comptes ENT \(\d+ comptes\)/,
    );
    expect(grants[0]!.emailMessage).toContain('Les codes d’activation n’y figurent pas.');
    expect(reply.value!.shared).toEqual([
      'direction@college.fr',
      'adjoint@college.fr',
      'cpe@college.fr',
    ]);
    expect(reply.value!.access).toEqual(
      grants.map((g) => ({ address: g.emailAddress, role: 'commenter' })),
    );
  });

  it('works under drive.file alone (the manifest asks no broader Drive scope), not without it', () => {
    const scopes = PROJECT_MANIFEST.oauthScopes!;
    expect(scopes).toContain(`${AUTH}drive.file`);
    expect(scopes.filter((s) => s.startsWith(`${AUTH}drive`))).toEqual([`${AUTH}drive.file`]);
    expect(share(school(scopes), 'direction@college.fr').ok).toBe(true);
    const without = school(scopes.filter((s) => s !== `${AUTH}drive.file`));
    expect(() => share(without, 'direction@college.fr')).toThrow(
      /API call to drive\.files\.\w+ failed with error: Request had insufficient authentication scopes\./,
    );
  });

  it('updates the same file after a new preview: same id, same link, new content, no new e-mail', () => {
    const runtime = school();
    const first = share(runtime, 'direction@college.fr');
    const { file } = shared(runtime, first);
    const second = share(runtime, 'direction@college.fr\ncpe@college.fr', 'reader', {
      profiles: ['Teacher'],
    });
    const again = shared(runtime, second);
    expect(again.file.id).toBe(file.id);
    expect(second.value).toMatchObject({
      url: first.value!.url,
      created: false,
      replacedLost: false,
      shared: ['cpe@college.fr'],
      alreadyShared: ['direction@college.fr'],
    });
    expect(second.value!.count).toBeLessThan(first.value!.count);
    const values = again.spreadsheet.sheets[0]!.getDataRange().getValues() as string[][];
    const header = values.findIndex((row) => row[0] === 'Nom');
    expect(values.slice(header + 1).map((row) => row[2])).toEqual(
      Array(second.value!.count).fill('Enseignant'),
    );
    expect(runtime.stores.drive.files.filter((f) => f.mimeType === SHEETS)).toHaveLength(1);
    // A new role for the same address changes its grant, not a second one.
    const third = share(runtime, 'direction@college.fr', 'commenter');
    expect(third.value!.shared).toEqual(['direction@college.fr']);
    expect(runtime.stores.drive.permissions.get(file.id)!.map((g) => g.role)).toEqual([
      'commenter',
      'reader',
    ]);
  });

  it('makes a new file when the shared one was trashed or deleted, and says so', () => {
    const runtime = school();
    const first = shared(runtime, share(runtime, 'direction@college.fr')).file;
    first.trashed = true;
    const reply = share(runtime, 'direction@college.fr');
    const second = shared(runtime, reply).file;
    expect(second.id).not.toBe(first.id);
    expect(reply.value).toMatchObject({ created: true, replacedLost: true });
    runtime.stores.drive.deleteForever(second.id);
    const third = share(runtime, 'direction@college.fr');
    expect(shared(runtime, third).file.id).not.toBe(second.id);
    expect(third.value).toMatchObject({ created: true, replacedLost: true });
  });

  it('names each bad address in French and shares nothing', () => {
    const runtime = school();
    const one = share(runtime, 'direction@college.fr\ndirection.college.fr');
    expect(one).toEqual({
      ok: false,
      error: {
        message:
          'Adresse invalide\u00a0: «\u00a0direction.college.fr\u00a0». Corrigez-la\u00a0; rien n’a été partagé.',
      },
    });
    const two = share(runtime, 'a@b, x@@y.fr; cpe@college');
    expect(two.error!.message).toBe(
      'Adresses invalides\u00a0: «\u00a0a@b\u00a0», «\u00a0x@@y.fr\u00a0», «\u00a0cpe@college\u00a0». Corrigez-les\u00a0; rien n’a été partagé.',
    );
    expect(share(runtime, '  \n ').error!.message).toBe(
      'Saisissez au moins une adresse courriel avant de partager.',
    );
    expect(share(runtime, 'direction@college.fr', 'writer').error!.message).toMatch(
      /^Droit inconnu/,
    );
    expect(runtime.stores.drive.files).toEqual([]);
  });

  it('reports an address Drive refuses and shares with the others all the same', () => {
    const runtime = school();
    runtime.stores.drive.unshareable.add('externe@autre.fr');
    const reply = share(runtime, 'direction@college.fr\nexterne@autre.fr\ncpe@college.fr');
    const { file } = shared(runtime, reply);
    expect(reply.value!.shared).toEqual(['direction@college.fr', 'cpe@college.fr']);
    expect(reply.value!.failed).toEqual([
      { address: 'externe@autre.fr', reason: expect.stringContaining('externe@autre.fr') },
    ]);
    expect(runtime.stores.drive.permissions.get(file.id)!.map((g) => g.emailAddress)).toEqual([
      'direction@college.fr',
      'cpe@college.fr',
    ]);
  });
});
