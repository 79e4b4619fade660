// The emulator's web server: the page, the sidebar with its google.script shim, and the JSON
// endpoints the page and the end-to-end tests call. Every script run is one Apps Script execution.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerpt } from '../../core/printable';
import { viewOf } from './file-view';
import { readCsvFile } from '../csv';
import { defaultFaults, type MailFaults } from './gmail';
import { nameOfImport, spreadsheetFromRows } from './import';
import { MIME_TYPES } from './mime-type';
import { parseManifest } from './manifest';
import { AppsScriptRuntime, ScriptError } from './runtime';
import { sheetViews, type EmulatorView } from './session-state';
import { BUTTONS, type DialogAnswer } from './ui';

export interface EmulatorServerOptions {
  /** The folder clasp pushes from: Code.js, sidebar.html… and the emulator's page. */
  distDir: string;
  /** The CSV the spreadsheet starts from. */
  csvPath: string;
  port: number;
  host?: string;
  addonName?: string;
}

export interface EmulatorServer {
  server: Server;
  url: string;
  runtime: AppsScriptRuntime;
  close(): Promise<void>;
}

/** The largest request the server reads: a limit of its own (guess 45, docs/EMULATOR.md). */
const MAX_BODY = 5 * 1024 * 1024;

const serverMessages = {
  foreignHost: (host: string, url: string) =>
    `Requête refusée : l'émulateur ne répond qu'à l'adresse ${url} (en-tête Host « ${host} »).`,
  foreignOrigin: (origin: string, url: string) =>
    `Requête refusée : elle vient d'une autre page (${origin}) que celle de l'émulateur, ${url}.`,
};

/** The name the server prints for the address it listens on: all interfaces read as localhost. */
const printedHost = (host: string) => (host === '0.0.0.0' ? 'localhost' : host);

/**
 * The addresses the server answers to: the one it printed and, on a loopback interface, the
 * loopback names for its port (no other site can make them resolve elsewhere). Any other Host is
 * a DNS-rebinding page reading the sheet, activation codes included.
 */
function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set([`${printedHost(host)}:${port}`]);
  if (['127.0.0.1', 'localhost', '::1', '0.0.0.0'].includes(host)) {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
  }
  return hosts;
}

/**
 * Why a request must be refused, or null: a Host the server did not print, or a page of another
 * origin (a cross-site `text/plain` POST needs no preflight, so CORS alone would not stop
 * it from running script functions).
 */
function foreignRequest(
  headers: IncomingMessage['headers'],
  hosts: ReadonlySet<string>,
  url: string,
): string | null {
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return serverMessages.foreignHost(excerpt(host, 100), url);
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice(7)))) {
    return serverMessages.foreignOrigin(excerpt(origin, 100), url);
  }
  if (headers['sec-fetch-site'] === 'cross-site') {
    return serverMessages.foreignOrigin(excerpt(headers.referer ?? 'cross-site', 100), url);
  }
  return null;
}

const GOOGLE_DOCS = MIME_TYPES.GOOGLE_DOCS;

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('Requête trop grande.'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('JSON illisible.'));
      }
    });
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof ScriptError) return { name: error.scriptErrorName, message: error.message };
  const e = error as Error;
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error) };
}

/** The sidebar's HTML with the google.script shim injected first in <head>. */
export function withShim(html: string, shim: string, functions: string[]): string {
  const boot = `<script>window.__EMULATOR__=${JSON.stringify({ functions }).replace(/</g, '\\u003c')};</script><script>${shim.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => head + boot)
    : boot + html;
}

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const codePath = join(options.distDir, 'Code.js');
  const code = readFileSync(codePath, 'utf8');
  const table = readCsvFile(options.csvPath);
  const runtime = new AppsScriptRuntime({
    code,
    filename: 'Code.js',
    manifest: parseManifest(readFileSync(join(options.distDir, 'appsscript.json'), 'utf8')),
    spreadsheet: spreadsheetFromRows(table.rows, nameOfImport(options.csvPath)),
    addonName: options.addonName ?? 'Publipostage ENT',
    htmlFiles: (name) => {
      if (!/^[\w-]+$/.test(name)) return null;
      try {
        return readFileSync(join(options.distDir, `${name}.html`), 'utf8');
      } catch {
        return null;
      }
    },
  });
  const page = readFileSync(join(options.distDir, 'emulator', 'index.html'), 'utf8');
  const shim = readFileSync(join(options.distDir, 'emulator', 'shim.js'), 'utf8');
  let version = 1;
  let openError: { name: string; message: string } | null = null;
  try {
    runtime.open();
  } catch (error) {
    openError = errorOf(error);
  }

  /** One execution; the page sees the change through `version`. */
  function execute<T>(
    action: () => T,
  ): { ok: true; value: T } | { ok: false; error: { name: string; message: string } } {
    try {
      return { ok: true, value: action() };
    } catch (error) {
      return { ok: false, error: errorOf(error) };
    } finally {
      version++;
    }
  }

  let cached: { version: number; view: string } | null = null;
  /** The page's view as JSON, computed once per version. */
  function viewJson(): string {
    if (cached?.version !== version) cached = { version, view: JSON.stringify(view()) };
    return cached.view;
  }

  function view(): EmulatorView & { openError: typeof openError } {
    const { stores } = runtime;
    return {
      version,
      openError,
      spreadsheet: { name: stores.spreadsheet.name, sheets: sheetViews(runtime) },
      menus: stores.ui.menus,
      sidebar: stores.ui.sidebar && {
        title: stores.ui.sidebar.title,
        version: stores.ui.sidebarVersion,
      },
      dialogs: stores.ui.dialogs,
      pendingAnswers: stores.ui.answers,
      toasts: stores.spreadsheet.toasts,
      files: stores.drive.files
        .filter((file) => !stores.drive.inBin(file))
        .map((file) => ({
          id: file.id,
          name: file.name,
          mimeType: file.mimeType,
          size: file.bytes.length,
          folder: file.parent.name,
          created: file.created.toISOString(),
          permissions: stores.drive.permissions.get(file.id) ?? [],
        })),
      messages: stores.outbox.map(({ eml: _eml, ...message }) => message),
      mail: {
        remainingQuota: stores.mail.remainingQuota(),
        sentToday: stores.mail.sentToday,
        faultsInjected: stores.mail.faultsInjected,
        faults: stores.mail.faults,
      },
      triggers: stores.triggers.triggers,
      logs: stores.logs,
      counters: runtime.counters.snapshot(),
      code: { sha256: runtime.codeSha256, path: codePath },
    };
  }

  let hosts = new Set<string>();
  let printedUrl = '';

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refused = foreignRequest(request.headers, hosts, printedUrl);
    if (refused) return send(response, 403, refused, 'text/plain; charset=utf-8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const post = request.method === 'POST';
    if (!post && (path === '/' || path === '/index.html'))
      return send(response, 200, page, 'text/html; charset=utf-8');
    if (!post && path === '/favicon.ico') return send(response, 204, '', 'image/x-icon');
    if (!post && path === '/emulator/version') return json(response, 200, { version });
    if (!post && path === '/emulator/state') {
      return send(response, 200, viewJson(), 'application/json; charset=utf-8');
    }
    if (!post && path === '/emulator/sidebar') {
      const sidebar = runtime.stores.ui.sidebar;
      if (!sidebar)
        return send(response, 404, 'Aucune barre latérale ouverte.', 'text/plain; charset=utf-8');
      return send(
        response,
        200,
        withShim(sidebar.content, shim, runtime.functionNames()),
        'text/html; charset=utf-8',
      );
    }
    const file = /^\/emulator\/files\/([\w-]+)$/.exec(path);
    if (!post && file) {
      const found = runtime.stores.drive.fileById(file[1]!);
      if (!found) return send(response, 404, 'Fichier introuvable.', 'text/plain; charset=utf-8');
      // A Google Doc has no bytes of its own: it downloads as its PDF export, as Drive offers.
      const download =
        found.mimeType === GOOGLE_DOCS
          ? runtime.stores.drive.exportFile(found, MIME_TYPES.PDF)
          : { bytes: found.bytes, contentType: found.mimeType, name: found.name };
      return send(response, 200, Buffer.from(download.bytes), download.contentType ?? '', {
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name ?? found.name)}`,
      });
    }
    // A link the add-on shows (Drive, Doc, PDF), opened in the browser: see file-view.ts.
    const view = /^\/emulator\/view\/([\w-]+)$/.exec(path);
    if (!post && view) {
      const { stores } = runtime;
      const shown = viewOf(stores.drive, stores.spreadsheets.byId, stores.spreadsheet.id, view[1]!);
      if ('redirect' in shown)
        return send(response, 302, '', 'text/plain', { location: shown.redirect });
      return send(response, shown.status, shown.body, shown.contentType, shown.headers);
    }
    // Another spreadsheet the script made (the shared preview): its sheets, as the page's.
    const other = /^\/emulator\/spreadsheets\/([\w-]+)$/.exec(path);
    if (!post && other) {
      const found = runtime.stores.spreadsheets.byId.get(other[1]!);
      if (!found) return send(response, 404, 'Classeur introuvable.', 'text/plain; charset=utf-8');
      return json(response, 200, {
        id: found.id,
        name: found.name,
        sheets: sheetViews(runtime, found),
      });
    }
    const eml = /^\/emulator\/messages\/([\w-]+)\.eml$/.exec(path);
    if (!post && eml) {
      const found = runtime.stores.outbox.find((m) => m.id === eml[1]);
      if (!found) return send(response, 404, 'Message introuvable.', 'text/plain; charset=utf-8');
      return send(response, 200, found.eml, 'message/rfc822', {
        'content-disposition': `attachment; filename="${found.id}.eml"`,
      });
    }
    if (!post) return send(response, 404, 'Introuvable.', 'text/plain; charset=utf-8');

    const body = (await readBody(request)) as Record<string, unknown>;
    switch (path) {
      case '/emulator/run': {
        const args = Array.isArray(body.args) ? body.args : [];
        return json(
          response,
          200,
          execute(() => runtime.runFromClient(String(body.name), args)),
        );
      }
      case '/emulator/menu': {
        const name = String(body.functionName);
        const known = runtime.stores.ui.menus.some((menu) =>
          menu.entries.some((entry) => 'functionName' in entry && entry.functionName === name),
        );
        if (!known)
          return json(response, 400, {
            ok: false,
            error: { name: 'Error', message: `Aucun élément de menu n'appelle ${name}.` },
          });
        return json(
          response,
          200,
          execute(() => (runtime.run(name), null)),
        );
      }
      case '/emulator/open':
        runtime.stores.ui.menus = [];
        return json(
          response,
          200,
          execute(() => (runtime.open(), null)),
        );
      case '/emulator/triggers/run':
        return json(
          response,
          200,
          execute(() => (runtime.runTrigger(String(body.id)), null)),
        );
      case '/emulator/host/close':
        runtime.stores.ui.sidebar = null;
        version++;
        return json(response, 200, { ok: true });
      case '/emulator/sheet/activate': {
        const sheet = runtime.stores.spreadsheet.sheetByName(String(body.name));
        if (sheet) runtime.stores.spreadsheet.activeSheet = sheet;
        version++;
        return json(response, 200, { ok: Boolean(sheet) });
      }
      case '/emulator/dialog-answers': {
        const answers = Array.isArray(body.answers) ? (body.answers as DialogAnswer[]) : [];
        const valid: string[] = Object.keys(BUTTONS);
        if (answers.some((a) => !valid.includes(a?.button))) {
          return json(response, 400, {
            ok: false,
            error: { name: 'Error', message: `Bouton inconnu ; attendus : ${valid.join(', ')}.` },
          });
        }
        if (body.replace) runtime.stores.ui.answers.length = 0;
        runtime.stores.ui.answers.push(
          ...answers.map((a) => ({
            button: a.button,
            ...(a.text === undefined ? {} : { text: String(a.text) }),
          })),
        );
        version++;
        return json(response, 200, { ok: true, pending: runtime.stores.ui.answers });
      }
      case '/emulator/mail': {
        // Faults and quota for GmailApp/MailApp; `nextDay` gives the day's quota back.
        const mail = runtime.stores.mail;
        const faults = parseMailFaults(body.faults);
        if (typeof faults === 'string') {
          return json(response, 400, { ok: false, error: { name: 'Error', message: faults } });
        }
        if (body.reset === true) mail.setFaults(defaultFaults());
        mail.setFaults(faults);
        if (body.nextDay === true) mail.nextDay();
        version++;
        return json(response, 200, {
          ok: true,
          faults: mail.faults,
          remainingQuota: mail.remainingQuota(),
        });
      }
      case '/emulator/counters/reset':
        runtime.counters.reset();
        version++;
        return json(response, 200, { ok: true });
      default:
        return send(response, 404, 'Introuvable.', 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error) =>
      json(response, 400, { ok: false, error: errorOf(error) }),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  hosts = allowedHosts(host, port);
  printedUrl = `http://${printedHost(host)}:${port}/`;
  return {
    server,
    runtime,
    url: printedUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The faults of POST /emulator/mail, checked field by field; a French message when malformed. */
export function parseMailFaults(value: unknown): Partial<MailFaults> | string {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return 'faults doit être un objet.';
  const input = value as Record<string, unknown>;
  const out: Partial<MailFaults> = {};
  const strings = (key: 'rejected' | 'timeoutAfterSent') => {
    const list = input[key];
    if (list === undefined) return true;
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) return false;
    out[key] = list as string[];
    return true;
  };
  const count = (key: 'dailyQuota' | 'quotaLie' | 'stops') => {
    const n = input[key];
    if (n === undefined) return true;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return false;
    out[key] = n;
    return true;
  };
  for (const key of ['rejected', 'timeoutAfterSent'] as const) {
    if (!strings(key)) return `faults.${key} doit être une liste d'adresses.`;
  }
  for (const key of ['dailyQuota', 'quotaLie', 'stops'] as const) {
    if (!count(key)) return `faults.${key} doit être un entier positif ou nul.`;
  }
  if (input.stopAfterSends !== undefined) {
    const n = input.stopAfterSends;
    if (n !== null && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
      return 'faults.stopAfterSends doit être un entier ≥ 1, ou null.';
    }
    out.stopAfterSends = n as number | null;
  }
  if (input.transient !== undefined) {
    const t = input.transient;
    if (
      typeof t !== 'object' ||
      t === null ||
      Array.isArray(t) ||
      !Object.values(t).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
    ) {
      return "faults.transient doit associer des adresses à des nombres d'échecs.";
    }
    out.transient = t as Record<string, number>;
  }
  return out;
}
