// The advanced Drive service (v3) as the emulator gives it: create, get, update, list, remove,
// what drive.file lets the add-on see, and the errors in Apps Script's shape.
import { describe, expect, it } from 'vitest';
import { PROJECT_MANIFEST, type Manifest } from '../../../src/local/emulator/manifest';
import { runScript } from './helpers';

const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';

function withScopes(scopes: string[]): Manifest {
  return { ...PROJECT_MANIFEST, oauthScopes: scopes };
}

describe('Drive (advanced service, v3)', () => {
  it('is a global only when the manifest enables it, under its userSymbol', () => {
    const code =
      'function has() { return typeof Drive; } function other() { return typeof DriveV3; }';
    expect(runScript(code).run('has')).toBe('object');
    const none = runScript(code, undefined, {
      manifest: { ...PROJECT_MANIFEST, dependencies: { enabledAdvancedServices: [] } },
    });
    expect(none.run('has')).toBe('undefined');
    const renamed = runScript(code, undefined, {
      manifest: {
        ...PROJECT_MANIFEST,
        dependencies: {
          enabledAdvancedServices: [{ userSymbol: 'DriveV3', serviceId: 'drive', version: 'v3' }],
        },
      },
    });
    expect([renamed.run('has'), renamed.run('other')]).toEqual(['undefined', 'object']);
  });

  it('creates a folder, a file with media in it, and an empty Google Doc DocumentApp opens', () => {
    const runtime = runScript(`
      function make() {
        var folder = Drive.Files.create({ name: 'Publipostage ENT', mimeType: '${FOLDER}' });
        var csv = Drive.Files.create({ name: 'a.csv', mimeType: 'text/csv', parents: [folder.id] },
          Utilities.newBlob('Nom;Prénom', 'text/csv', 'ignored.csv'), { fields: 'id,name,parents,size,webViewLink' });
        var doc = Drive.Files.create({ name: 'Courriers', mimeType: '${DOC}', parents: [folder.id] });
        var opened = DocumentApp.openById(doc.id);
        opened.getBody().appendParagraph('Bonjour');
        opened.saveAndClose();
        return [folder, csv, doc, DocumentApp.openById(doc.id).getBody().getText()];
      }`);
    const [folder, csv, doc, text] = runtime.run('make') as Record<string, unknown>[];
    expect(folder).toEqual({
      kind: 'drive#file',
      id: expect.stringMatching(/^emu-folder-/),
      name: 'Publipostage ENT',
      mimeType: FOLDER,
    });
    expect(csv).toEqual({
      id: expect.any(String),
      name: 'a.csv',
      parents: [folder!.id],
      size: String(Buffer.byteLength('Nom;Prénom')),
      webViewLink: `https://drive.google.com/file/d/${csv!.id}/view?usp=drivesdk`,
    });
    expect(doc).toMatchObject({ name: 'Courriers', mimeType: DOC });
    expect(text).toBe('\nBonjour');
    const drive = runtime.stores.drive;
    expect(drive.fileById(String(doc!.id))!.parent.id).toBe(folder!.id);
    expect(Buffer.from(drive.fileById(String(csv!.id))!.bytes).toString()).toBe('Nom;Prénom');
    expect(runtime.counters.get('Drive.Files.create')).toBe(3);
  });

  it('gets a file with the fields asked; a trashed one is still found, and says so', () => {
    const runtime = runScript(`
      function run() {
        var f = Drive.Files.create({ name: 'x.txt', mimeType: 'text/plain' }, Utilities.newBlob('x'));
        var before = Drive.Files.get(f.id, { fields: 'trashed,name' });
        Drive.Files.update({ trashed: true }, f.id);
        return [before, Drive.Files.get(f.id, { fields: 'id,trashed,explicitlyTrashed' }), f.id];
      }`);
    const [before, after, id] = runtime.run('run') as [object, object, string];
    expect(before).toEqual({ trashed: false, name: 'x.txt' });
    expect(after).toEqual({ id, trashed: true, explicitlyTrashed: true });
  });

  it('trashes what a trashed folder holds; list excludes them only when asked to', () => {
    const runtime = runScript(`
      function run() {
        var folder = Drive.Files.create({ name: 'F', mimeType: '${FOLDER}' });
        var inside = Drive.Files.create({ name: 'in.txt', mimeType: 'text/plain', parents: [folder.id] });
        Drive.Files.update({ trashed: true }, folder.id);
        var all = Drive.Files.list({ fields: 'files(name,trashed)' }).files;
        var kept = Drive.Files.list({ q: 'trashed = false' }).files;
        return [all, kept, Drive.Files.get(inside.id, { fields: 'trashed,explicitlyTrashed' })];
      }`);
    expect(runtime.run('run')).toEqual([
      [
        { name: 'F', trashed: true },
        { name: 'in.txt', trashed: true },
      ],
      [],
      { trashed: true, explicitlyTrashed: false },
    ]);
  });

  it('lists by name, MIME type, parent, with and/or/not, and pages', () => {
    const runtime = runScript(`
      function run() {
        var a = Drive.Files.create({ name: "L'école", mimeType: '${FOLDER}' });
        Drive.Files.create({ name: 'b.csv', mimeType: 'text/csv', parents: [a.id] });
        Drive.Files.create({ name: 'c.pdf', mimeType: 'application/pdf', parents: [a.id] });
        Drive.Files.create({ name: 'c.pdf', mimeType: 'application/pdf' });
        var names = function (q) {
          return Drive.Files.list({ q: q }).files.map(function (f) { return f.name; });
        };
        var first = Drive.Files.list({ pageSize: 3 });
        var second = Drive.Files.list({ pageSize: 3, pageToken: first.nextPageToken });
        return [
          names("name = 'L\\\\'école' and mimeType = '${FOLDER}'"),
          names("'" + a.id + "' in parents and not name contains 'PDF'"),
          names("name contains 'cole'"),
          names("name contains 'éCO'"),
          names("mimeType = 'text/csv' or (name = 'c.pdf' and not '" + a.id + "' in parents)"),
          [first.files.length, second.files.length, second.nextPageToken === undefined],
          Object.keys(first).sort(),
        ];
      }`);
    expect(runtime.run('run')).toEqual([
      ["L'école"],
      ['b.csv'],
      [],
      ["L'école"],
      ['b.csv', 'c.pdf'],
      [3, 1, true],
      ['files', 'incompleteSearch', 'kind', 'nextPageToken'],
    ]);
  });

  it('moves a file with addParents/removeParents, refuses a second parent and a cycle', () => {
    const runtime = runScript(`
      function run() {
        var a = Drive.Files.create({ name: 'A', mimeType: '${FOLDER}' });
        var b = Drive.Files.create({ name: 'B', mimeType: '${FOLDER}' });
        var f = Drive.Files.create({ name: 'f.txt', mimeType: 'text/plain', parents: [a.id] });
        var moved = Drive.Files.update({ name: 'g.txt' }, f.id, null, {
          addParents: b.id, removeParents: a.id, fields: 'name,parents' });
        var errors = [];
        try { Drive.Files.update({}, f.id, null, { addParents: a.id }); } catch (e) { errors.push(e.message); }
        try { Drive.Files.update({ parents: [a.id] }, f.id); } catch (e) { errors.push(e.message); }
        var inner = Drive.Files.create({ name: 'C', mimeType: '${FOLDER}', parents: [b.id] });
        try { Drive.Files.update({}, b.id, null, { addParents: inner.id, removeParents: 'root' }); }
        catch (e) { errors.push(e.message); }
        return [moved, b.id, errors];
      }`);
    const [moved, b, errors] = runtime.run('run') as [object, string, string[]];
    expect(moved).toEqual({ name: 'g.txt', parents: [b] });
    expect(errors).toEqual([
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed.',
      'API call to drive.files.update failed with error: The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      'API call to drive.files.update failed with error: The parent would create a cycle.',
    ]);
  });

  it('under drive.file sees only what the add-on made: the user’s same-named folder is not found', () => {
    const runtime = runScript(`
      function list() {
        return Drive.Files.list({ q: "name = 'Publipostage ENT'", fields: 'files(id)' }).files.length;
      }
      function get(id) {
        try { Drive.Files.get(id); return 'found'; } catch (e) { return e.name + ': ' + e.message; }
      }
      function trash(id) {
        try { Drive.Files.update({ trashed: true }, id); return 'trashed'; } catch (e) { return e.message; }
      }
      function into(id) {
        try { Drive.Files.create({ name: 'x', mimeType: 'text/plain', parents: [id] }); return 'made'; }
        catch (e) { return e.message; }
      }`);
    const mine = runtime.stores.drive.userFolder('Publipostage ENT');
    runtime.stores.drive.userFile('notes.txt', 'secret', 'text/plain', mine);
    expect(runtime.run('list')).toBe(0);
    expect(runtime.run('get', [mine.id])).toBe(
      `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${mine.id}.`,
    );
    expect(runtime.run('trash', [mine.id])).toBe(
      `API call to drive.files.update failed with error: File not found: ${mine.id}.`,
    );
    expect(runtime.run('into', [mine.id])).toBe(
      `API call to drive.files.create failed with error: File not found: ${mine.id}.`,
    );
    expect(mine.trashed).toBe(false);
    expect(runtime.stores.drive.files).toHaveLength(1);

    // With the whole Drive granted, the same folder is there.
    const wide = runScript(
      'function list() { return Drive.Files.list().files.length; }',
      undefined,
      {
        manifest: withScopes(['https://www.googleapis.com/auth/drive']),
      },
    );
    wide.stores.drive.userFolder('Publipostage ENT');
    expect(wide.run('list')).toBe(1);

    // No oauthScopes pinned: every scope is granted (automatic detection), the whole Drive too.
    const { oauthScopes: _pinned, ...unpinned } = PROJECT_MANIFEST;
    const detected = runScript(
      'function list() { return Drive.Files.list().files.length; }',
      undefined,
      { manifest: unpinned },
    );
    detected.stores.drive.userFolder('Publipostage ENT');
    expect(detected.run('list')).toBe(1);
  });

  it('a file deleted for good is not found; without a Drive scope every call is refused', () => {
    const runtime = runScript(`
      function make() { return Drive.Files.create({ name: 'x', mimeType: '${FOLDER}' }).id; }
      function get(id) { try { return Drive.Files.get(id).id; } catch (e) { return e.message; } }`);
    const id = runtime.run('make') as string;
    runtime.stores.drive.deleteForever(id);
    expect(runtime.run('get', [id])).toBe(
      `API call to drive.files.get failed with error: File not found: ${id}.`,
    );
    const bare = runScript(
      `function make() { try { Drive.Files.create({ name: 'x' }); } catch (e) { return e.message; } }`,
      undefined,
      {
        manifest: withScopes(['https://www.googleapis.com/auth/documents']),
      },
    );
    expect(bare.run('make')).toBe(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('refuses bad input as the API does: a query it cannot read, an unknown field, a page size', () => {
    const runtime = runScript(`
      function tryIt(f) { try { f(); return 'ok'; } catch (e) { return e.message; } }
      function run() {
        return [
          tryIt(function () { Drive.Files.list({ q: "name = 'unterminated" }); }),
          tryIt(function () { Drive.Files.list({ q: 'colour = 1' }); }),
          tryIt(function () { Drive.Files.list({ pageSize: 0 }); }),
          tryIt(function () { Drive.Files.get('root', { fields: 'nom' }); }),
          tryIt(function () { Drive.Files.create({ name: 'x', parents: ['a', 'b'] }); }),
          tryIt(function () { Drive.Files.get('root', { fields: 'owners' }); }),
          tryIt(function () { Drive.Files.list({ q: "modifiedTime > '2026-01-01'" }); }),
        ];
      }`);
    expect(runtime.run('run')).toEqual([
      'API call to drive.files.list failed with error: Invalid Value',
      'API call to drive.files.list failed with error: Invalid Value',
      'API call to drive.files.list failed with error: Invalid Value',
      'API call to drive.files.get failed with error: Invalid field selection nom',
      'API call to drive.files.create failed with error: Increasing the number of parents is not allowed.',
      "Drive.Files : le champ owners n'est pas émulé (voir docs/EMULATOR.md).",
      "Drive.Files.list : le terme modifiedTime n'est pas émulé (voir docs/EMULATOR.md).",
    ]);
  });
});
