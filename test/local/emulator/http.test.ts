import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  startEmulatorServer,
  withShim,
  type EmulatorServer,
} from '../../../src/local/emulator/http';
import { DIST, ROOT, ensureDist } from '../../helpers/dist';

let emulator: EmulatorServer;
const post = (path: string, body: unknown) =>
  fetch(new URL(path, emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ensureDist();
  emulator = await startEmulatorServer({
    distDir: DIST,
    csvPath: join(ROOT, 'test/fixtures/staff-preview.csv'),
    port: 0,
  });
});
afterAll(() => emulator?.close());

describe('the emulator server', () => {
  it('imports the CSV and runs onOpen before serving', async () => {
    const state = await (await fetch(new URL('emulator/state', emulator.url))).json();
    expect(state.spreadsheet.name).toBe('staff-preview');
    expect(state.menus[0].entries).toEqual([
      { caption: 'Ouvrir le publipostage', functionName: 'showSidebar' },
    ]);
    expect(state.openError).toBeNull();
  });

  it('runs only functions the add-on menu offers', async () => {
    const refused = await post('emulator/menu', { functionName: 'runPreview' });
    expect(refused.status).toBe(400);
    const ran = await (await post('emulator/menu', { functionName: 'showSidebar' })).json();
    expect(ran).toEqual({ ok: true, value: null });
    const sidebar = await (await fetch(new URL('emulator/sidebar', emulator.url))).text();
    const injected = /window\.__EMULATOR__=(\{.*?\});<\/script>/.exec(sidebar)?.[1];
    const { functions } = JSON.parse(injected ?? '{}') as { functions: string[] };
    expect(functions).toEqual([...functions].sort());
    expect(functions).toEqual(expect.arrayContaining(['getSource', 'onOpen', 'showSidebar']));
  });

  it('answers google.script.run calls with the value or the script error', async () => {
    const ok = await (await post('emulator/run', { name: 'getSource', args: [null] })).json();
    expect(ok.value.value.sheetName).toBe('staff-preview');
    const missing = await (await post('emulator/run', { name: 'require', args: [] })).json();
    expect(missing).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Script function not found: require' },
    });
  });

  it('refuses a dialog answer with an unknown button, and bad JSON', async () => {
    expect(
      (await post('emulator/dialog-answers', { answers: [{ button: 'PEUT-ÊTRE' }] })).status,
    ).toBe(400);
    const bad = await fetch(new URL('emulator/run', emulator.url), { method: 'POST', body: '{' });
    expect(await bad.json()).toEqual({
      ok: false,
      error: { name: 'Error', message: 'JSON illisible.' },
    });
  });

  it('serves a file the script created for download, by its id only', async () => {
    const drive = emulator.runtime.stores.drive;
    drive.root.createFile('Lettres 6e.txt', 'Bonjour', 'text/plain');
    const file = drive.files[0]!;
    const response = await fetch(new URL(`emulator/files/${file.id}`, emulator.url));
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''Lettres%206e.txt",
    );
    expect(await response.text()).toBe('Bonjour');
    expect((await fetch(new URL('emulator/files/..%2Fpackage.json', emulator.url))).status).toBe(
      404,
    );
  });
});

describe('withShim', () => {
  it('injects the shim first in <head>, so it runs before the sidebar’s own scripts', () => {
    const html = withShim(
      '<html><head><title>x</title><script>main()</script></head></html>',
      'shim()',
      ['a'],
    );
    expect(html.indexOf('shim()')).toBeLessThan(html.indexOf('main()'));
    expect(html).toContain('<head><script>window.__EMULATOR__={"functions":["a"]};</script>');
  });

  it('keeps a "</script>" in the shim from ending its element', () => {
    expect(withShim('<head></head>', 'x = "</script>"', [])).toContain('x = "<\\/script>"');
  });
});
