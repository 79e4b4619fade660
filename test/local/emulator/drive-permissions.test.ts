// Drive.Permissions (advanced Drive service, v3) as the emulator gives it: create, list, update,
// remove; drive.file shares only the add-on's files; a Google Sheets file made through
// Drive.Files.create opens with SpreadsheetApp.openById, as on Google.
import { describe, expect, it } from 'vitest';
import { PROJECT_MANIFEST } from '../../../src/local/emulator/manifest';
import { DRIVE_SCOPE, grantingAlso, runScript } from './helpers';

const SHEETS = 'application/vnd.google-apps.spreadsheet';
const FILE = 'https://www.googleapis.com/auth/drive.file';

const MAKE = `
  function make() {
    return Drive.Files.create({ name: 'Aperçu', mimeType: '${SHEETS}' }).id;
  }`;

describe('Drive.Permissions (advanced service, v3)', () => {
  it('a Sheets file made through Drive opens with SpreadsheetApp.openById, one sheet, writable', () => {
    const runtime = runScript(`${MAKE}
      function write(id) {
        var ss = SpreadsheetApp.openById(id);
        ss.getSheets()[0].getRange('A1').setValue('Bonjour');
        return [ss.getName(), ss.getId(), ss.getNumSheets(),
          SpreadsheetApp.openById(id).getSheets()[0].getRange('A1').getValue(),
          Drive.Files.get(id, { fields: 'mimeType,webViewLink' })];
      }`);
    const id = runtime.run('make') as string;
    expect(runtime.run('write', [id])).toEqual([
      'Aperçu',
      id,
      1,
      'Bonjour',
      {
        mimeType: SHEETS,
        webViewLink: `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`,
      },
    ]);
  });

  it('creates user grants (notification e-mail by default), lists them after the owner', () => {
    const runtime = runScript(`${MAKE}
      function share(id) {
        var a = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.fr' }, id);
        var b = Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: 'b@x.fr' }, id,
          { sendNotificationEmail: false, fields: 'id,emailAddress,role' });
        return [a, b, Drive.Permissions.list(id), Drive.Permissions.list(id, { fields: 'permissions(role,emailAddress)' })];
      }`);
    const id = runtime.run('make') as string;
    const [a, b, list, some] = runtime.run('share', [id]) as Record<string, unknown>[];
    expect(a).toEqual({
      kind: 'drive#permission',
      id: expect.any(String),
      type: 'user',
      role: 'reader',
    });
    expect(b).toEqual({ id: expect.any(String), emailAddress: 'b@x.fr', role: 'commenter' });
    expect(list).toEqual({
      kind: 'drive#permissionList',
      permissions: [
        { kind: 'drive#permission', id: expect.any(String), type: 'user', role: 'owner' },
        { kind: 'drive#permission', id: a!.id, type: 'user', role: 'reader' },
        { kind: 'drive#permission', id: b!.id, type: 'user', role: 'commenter' },
      ],
    });
    expect(some).toEqual({
      permissions: [
        { role: 'owner', emailAddress: 'referent.ent@example.org' },
        { role: 'reader', emailAddress: 'a@x.fr' },
        { role: 'commenter', emailAddress: 'b@x.fr' },
      ],
    });
    expect(
      runtime.stores.drive.permissions.get(id)!.map((p) => [p.emailAddress, p.notified]),
    ).toEqual([
      ['a@x.fr', true],
      ['b@x.fr', false],
    ]);
  });

  it('updates and removes a grant; a second create for an address changes its role', () => {
    const runtime = runScript(`${MAKE}
      function run(id) {
        var p = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.fr' }, id);
        Drive.Permissions.update({ role: 'commenter' }, id, p.id);
        var again = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'A@x.fr' }, id);
        var roles = Drive.Permissions.list(id).permissions.map(function (q) { return q.role; });
        Drive.Permissions.remove(id, p.id);
        var after = Drive.Permissions.list(id).permissions.length;
        var errors = [];
        try { Drive.Permissions.remove(id, p.id); } catch (e) { errors.push(e.message); }
        return [again.id === p.id, roles, after, errors, p.id];
      }`);
    const id = runtime.run('make') as string;
    const [same, roles, after, errors, permissionId] = runtime.run('run', [id]) as unknown[];
    expect([same, roles, after]).toEqual([true, ['owner', 'reader'], 1]);
    expect(errors).toEqual([
      `API call to drive.permissions.delete failed with error: Permission not found: ${String(permissionId)}.`,
    ]);
  });

  it('refuses a grant without type, role or address, and an unknown role', () => {
    const runtime = runScript(`${MAKE}
      function bad(id, resource) {
        try { Drive.Permissions.create(resource, id); return 'ok'; } catch (e) { return e.message; }
      }`);
    const id = runtime.run('make') as string;
    const bad = (resource: object) => runtime.run('bad', [id, resource]);
    const prefix = 'API call to drive.permissions.create failed with error: ';
    expect(bad({ role: 'reader', emailAddress: 'a@x.fr' })).toBe(
      `${prefix}The permission type field is required.`,
    );
    expect(bad({ type: 'user', emailAddress: 'a@x.fr' })).toBe(
      `${prefix}The permission role field is required.`,
    );
    expect(bad({ type: 'user', role: 'reader' })).toBe(
      `${prefix}The permission emailAddress field is required.`,
    );
    expect(bad({ type: 'user', role: 'boss', emailAddress: 'a@x.fr' })).toBe(
      `${prefix}Invalid Value`,
    );
    runtime.stores.drive.unshareable.add('no@x.fr');
    expect(bad({ type: 'user', role: 'reader', emailAddress: 'no@x.fr' })).toMatch(/no@x\.fr/);
    expect(runtime.stores.drive.permissions.get(id)).toBeUndefined();
  });

  it('under drive.file shares only the add-on’s files: the user’s own file is not found', () => {
    const code = `
      function share(id) {
        try {
          Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.fr' }, id);
          return 'shared';
        } catch (e) { return e.message; }
      }`;
    const runtime = runScript(code);
    const mine = runtime.stores.drive.userFile('notes.txt', 'secret', 'text/plain');
    expect(runtime.run('share', [mine.id])).toBe(
      `API call to drive.permissions.create failed with error: File not found: ${mine.id}.`,
    );
    const broad = runScript(code, undefined, grantingAlso(DRIVE_SCOPE));
    const theirs = broad.stores.drive.userFile('notes.txt', 'secret', 'text/plain');
    expect(broad.run('share', [theirs.id])).toBe('shared');
  });

  it('needs drive or drive.file: without them the API answers its 403', () => {
    const runtime = runScript(
      `${MAKE}
      function share(id) {
        Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.fr' }, id);
      }`,
      undefined,
      {
        manifest: {
          ...PROJECT_MANIFEST,
          oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((s) => s !== FILE),
        },
      },
    );
    const file = runtime.stores.drive.addFile(
      'x',
      new Uint8Array(0),
      'text/plain',
      runtime.stores.drive.root,
    );
    expect(() => runtime.run('share', [file.id])).toThrow(
      'API call to drive.permissions.create failed with error: Request had insufficient authentication scopes.',
    );
  });
});
