import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
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

// Issue 15: with a real export loaded, the state holds every activation code; a DNS-rebinding
// page (Host: attacker.example) or a cross-site form (text/plain POST) must get nothing.
describe('the emulator server answers only its own address and page', () => {
  const raw = (path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(path, emulator.url);
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: body ? 'POST' : 'GET',
          headers,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const own = () => new URL(emulator.url).host;

  it('refuses a Host it did not print (DNS rebinding), with a French message', async () => {
    for (const host of [
      'attacker.example',
      `attacker.example:${new URL(emulator.url).port}`,
      '127.0.0.1.nip.io',
    ]) {
      const answer = await raw('emulator/state', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.text).toMatch(
        /^Requête refusée : l'émulateur ne répond qu'à l'adresse http:\/\/127\.0\.0\.1:\d+\//,
      );
      expect(answer.text).not.toContain('k8ancxa');
    }
    const ok = await raw('emulator/state', { host: own() });
    expect(ok.status).toBe(200);
    const localhost = await raw('emulator/state', {
      host: `localhost:${new URL(emulator.url).port}`,
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses a cross-site text/plain POST to /emulator/run, and any foreign Origin', async () => {
    const body = JSON.stringify({ name: 'getSource', args: [null] });
    const forged = await raw(
      'emulator/run',
      { host: own(), origin: 'https://attacker.example', 'content-type': 'text/plain' },
      body,
    );
    expect(forged.status).toBe(403);
    expect(forged.text).toMatch(
      /^Requête refusée : elle vient d'une autre page \(https:\/\/attacker\.example\)/,
    );
    for (const origin of ['null', `https://${own()}`, 'http://127.0.0.1:1']) {
      expect((await raw('emulator/run', { host: own(), origin }, body)).status, origin).toBe(403);
    }
    const crossSite = await raw('emulator/state', { host: own(), 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await raw('emulator/run', { host: own(), origin: `http://${own()}` }, body);
    expect(same.status).toBe(200);
    expect(JSON.parse(same.text).ok).toBe(true);
  });
});
