// The add-on's Drive under the drive.file scope (dist/Code.js in the emulator): its folder, kept,
// found again, made again; the CSV export and the letters' files in it; never DriveApp.
import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import type { EmuFolder } from '../../src/local/emulator/drive';
import { PROJECT_MANIFEST } from '../../src/local/emulator/manifest';
import { readDist } from '../helpers/dist';
import { schoolRows } from '../helpers/school';

const FOLDER_KEY = 'publipostage.driveFolderId';
/** DriveApp and its objects need the whole Drive (the `drive` scope), which is never granted. */
const DRIVE_APP = /^(DriveApp|Folder|File|FileIterator|FolderIterator)\./;

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

function school(scopes = PROJECT_MANIFEST.oauthScopes) {
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(schoolRows(30), 'Export'),
    manifest: { ...PROJECT_MANIFEST, oauthScopes: scopes },
  });
  runtime.run('saveSettings', [
    { entName: 'Mon ENT', entUrl: 'https://ent.exemple.fr', schoolName: 'Collège', contact: '' },
  ]);
  return runtime;
}

function exportCsv(runtime: AppsScriptRuntime) {
  const reply = runtime.runFromClient('exportSelection', [
    { sheetName: 'Export', filters: {}, sort: 'alpha', showCodes: false },
  ]) as Reply;
  expect(reply.ok).toBe(true);
  return reply.value as { fileName: string; url: string; count: number };
}

function letters(runtime: AppsScriptRuntime) {
  const request = {
    sheetName: 'Export',
    filters: { profiles: ['Teacher'] },
    sort: 'alpha',
    showCodes: false,
    layout: 8,
    split: 'none',
    confirmed: true,
  };
  let reply = runtime.runFromClient('startLetters', [request]) as Reply;
  for (let i = 0; i < 50 && reply.ok && !reply.value!.done; i++)
    reply = runtime.runFromClient('continueLetters', [reply.value!.jobId]) as Reply;
  expect(reply).toMatchObject({ ok: true, value: { done: true } });
  return reply.value!;
}

const folderOf = (runtime: AppsScriptRuntime) =>
  runtime.stores.drive.folderById(runtime.stores.properties.user.getProperty(FOLDER_KEY)!)!;

const driveAppCalls = (runtime: AppsScriptRuntime) =>
  Object.keys(runtime.counters.snapshot()).filter((key) => DRIVE_APP.test(key));

describe('the add-on’s Drive folder', () => {
  it('exports the CSV into « Publipostage ENT », made by the add-on, through Drive v3 only', () => {
    const runtime = school();
    const result = exportCsv(runtime);
    const folder = folderOf(runtime);
    expect(folder).toMatchObject({ name: 'Publipostage ENT', createdByApp: true });
    expect(folder.parent).toBe(runtime.stores.drive.root);
    const [file] = runtime.stores.drive.files;
    expect(file!.parent).toBe(folder);
    expect(file!.mimeType).toBe('text/csv');
    expect(result.fileName).toBe(file!.name);
    expect(result.url).toBe(`https://drive.google.com/file/d/${file!.id}/view?usp=drivesdk`);
    expect(Buffer.from(file!.bytes).toString('utf8')).toMatch(/^\ufeff"Nom";"Prénom";/);
    expect(driveAppCalls(runtime)).toEqual([]);
  });

  it('keeps one folder across exports: its id is kept in the user’s properties', () => {
    const runtime = school();
    exportCsv(runtime);
    runtime.counters.reset();
    exportCsv(runtime);
    // Once the folder exists, an export costs one check of it and the file.
    expect(
      Object.entries(runtime.counters.snapshot()).filter(([key]) => key.startsWith('Drive.')),
    ).toEqual([
      ['Drive.Files.create', 1],
      ['Drive.Files.get', 1],
    ]);
    expect(runtime.stores.drive.folders).toHaveLength(1);
    expect(runtime.stores.drive.files.map((f) => f.parent)).toEqual([
      folderOf(runtime),
      folderOf(runtime),
    ]);
  });

  it.each([
    ['trashed', (folder: EmuFolder) => (folder.trashed = true)],
    [
      'deleted',
      (folder: EmuFolder, rt: AppsScriptRuntime) => rt.stores.drive.deleteForever(folder.id),
    ],
  ])('makes its folder again when the user has %s it', (_how, remove) => {
    const runtime = school();
    exportCsv(runtime);
    const first = folderOf(runtime);
    remove(first, runtime);
    exportCsv(runtime);
    const second = folderOf(runtime);
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ name: 'Publipostage ENT', trashed: false });
    expect(runtime.stores.drive.files.filter((f) => !runtime.stores.drive.inBin(f))).toEqual([
      expect.objectContaining({ parent: second }),
    ]);
  });

  it('finds its own folder again when the properties are lost, never the user’s namesake', () => {
    const runtime = school();
    const users = runtime.stores.drive.userFolder('Publipostage ENT');
    exportCsv(runtime);
    const own = folderOf(runtime);
    expect(own).not.toBe(users);
    runtime.stores.properties.user.deleteAllProperties();
    exportCsv(runtime);
    expect(folderOf(runtime)).toBe(own);
    expect(runtime.stores.drive.folders).toEqual([users, own]);
    expect(runtime.stores.drive.files.every((f) => f.parent === own)).toBe(true);
  });
  it('makes the folder under the user lock, takes no lock once it exists, and never waits forever', () => {
    const runtime = school();
    runtime.counters.reset();
    exportCsv(runtime);
    expect(runtime.counters.get('LockService.getUserLock')).toBe(1);
    runtime.counters.reset();
    exportCsv(runtime);
    expect(runtime.counters.get('LockService.getUserLock')).toBe(0);

    // Another execution holds the lock past the wait: the export still gets its folder.
    const busy = school();
    busy.stores.locks.user.heldElsewhere = true;
    exportCsv(busy);
    expect(busy.stores.drive.files[0]!.parent).toBe(folderOf(busy));
  });
});

describe('the drive.file scope', () => {
  const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

  it('is what the export needs: without it, Drive answers the API’s 403', () => {
    const without = school(PROJECT_MANIFEST.oauthScopes!.filter((s) => s !== DRIVE_FILE));
    expect(() => exportCsv(without)).toThrow(
      /^API call to drive\.files\.\w+ failed with error: Request had insufficient authentication scopes\.$/,
    );
    expect(without.stores.drive.files).toEqual([]);
  });
});

describe('letters under drive.file', () => {
  it('makes every Doc and PDF in the folder, none in My Drive, with no DriveApp call', () => {
    const runtime = school();
    const value = letters(runtime);
    const folder = folderOf(runtime);
    const files = runtime.stores.drive.files;
    expect(files.map((f) => f.mimeType).sort()).toEqual([
      'application/pdf',
      'application/vnd.google-apps.document',
    ]);
    expect(files.every((f) => f.parent === folder)).toBe(true);
    const pdf = files.find((f) => f.mimeType === 'application/pdf')!;
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(value.result).toMatchObject({
      files: [{ pdf: { url: `https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk` } }],
    });
    expect(runtime.counters.get('DocumentApp.create')).toBe(0);
    expect(driveAppCalls(runtime)).toEqual([]);
  });

  it('cancel bins the unfinished Doc through Drive; a Doc the user deleted already is no error', () => {
    for (const userDeletes of [false, true]) {
      const runtime = school();
      const request = {
        sheetName: 'Export',
        filters: {},
        sort: 'alpha',
        showCodes: false,
        layout: 1,
        split: 'none',
        confirmed: true,
      };
      const start = runtime.runFromClient('startLetters', [request]) as Reply;
      const jobId = start.value!.jobId as string;
      // A batchUpdate that takes a whole step's time: the step stops with its Doc unfinished.
      runtime.stores.execution.latency = {
        name: 'one batch a step',
        default: 0,
        methods: { 'Docs.Documents.batchUpdate': 4 * 60 * 1000 },
        docsRequest: 0,
      };
      runtime.runFromClient('continueLetters', [jobId]);
      const [doc] = runtime.stores.drive.files;
      expect(doc!.mimeType).toBe('application/vnd.google-apps.document');
      if (userDeletes) runtime.stores.drive.deleteForever(doc!.id);
      const cancelled = runtime.runFromClient('cancelLetters', [jobId]) as Reply;
      expect(cancelled.ok).toBe(true);
      if (!userDeletes) expect(doc!.trashed).toBe(true);
      expect(runtime.counters.get('Drive.Files.update')).toBe(1);
      expect(driveAppCalls(runtime)).toEqual([]);
    }
  });
});
