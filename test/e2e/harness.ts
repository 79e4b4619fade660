// End-to-end harness: the emulator's server as `npm start` runs it (node dist/server.cjs, as a
// child on a free port), Debian's Chromium driven by playwright-core, and a screenshot in
// test-results/ for every failing test. The sidebar, letters and mail tests reuse it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type Frame,
  type Locator,
  type Page,
} from 'playwright-core';
import { beforeEach, expect } from 'vitest';
import { DIST, ROOT, ensureDist } from '../helpers/dist';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results');

/** Headless Chromium in a container: no sandbox, no GPU, nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface RunningEmulator {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node dist/server.cjs --port 0` and waits for the URL it prints. */
export async function startEmulator(
  options: { input?: string; distDir?: string } = {},
): Promise<RunningEmulator> {
  ensureDist();
  const args = [join(DIST, 'server.cjs'), '--port', '0'];
  if (options.distDir) args.push('--dist', options.distDir);
  if (options.input) args.push('--input', options.input);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Le serveur n'a pas démarré :\n${output}`)),
      20_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[\d.]+:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Le serveur s'est arrêté (code ${code}) :\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface EmulatorBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (--user-data-dir in a new temporary folder), removed on close. */
export async function launchBrowser(): Promise<EmulatorBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'publipostage-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    // The referent's browser: French, in Paris (the sidebar follows navigator.language).
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What most browser tests start with: a browser, an emulator on a CSV, its page, maybe the sidebar. */
export interface EmulatorSession {
  browser: EmulatorBrowser;
  emulator: RunningEmulator;
  page: Page;
  /** The sidebar's frame, when it was asked for. */
  frame: Frame;
}

/** staff-preview.csv: the small staff export most browser tests start from. */
export const STAFF_CSV = join(ROOT, 'test/fixtures/staff-preview.csv');

/**
 * Starts a session: Chromium, the emulator on `input` (the sample school by default), its page,
 * and the sidebar unless `sidebar` is false (then `frame` must not be used). A failure half-way
 * closes what was opened.
 */
export async function startSession(
  options: { input?: string; sidebar?: boolean } = {},
): Promise<EmulatorSession> {
  const opened: Partial<EmulatorSession> = {};
  try {
    opened.browser = await launchBrowser();
    opened.emulator = await startEmulator(options.input ? { input: options.input } : {});
    opened.page = await openEmulator(opened.browser, opened.emulator.url);
    if (options.sidebar !== false) opened.frame = await openSidebar(opened.page);
    return opened as EmulatorSession;
  } catch (error) {
    await stopSession(opened);
    throw error;
  }
}

/** Closes what startSession opened, whichever parts were reached before a failure. */
export async function stopSession(session: Partial<EmulatorSession>): Promise<void> {
  await session.page?.close();
  await session.emulator?.stop();
  await session.browser?.close();
}

/** Opens the emulator's page and waits until it has drawn the spreadsheet. */
export async function openEmulator(browser: EmulatorBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('table.cells');
  return page;
}

export interface PatchedEmulator {
  emulator: RunningEmulator;
  page: Page;
  /** The served copy of dist/ and the patched Code.js's text. */
  dir: string;
  code: string;
  /** Closes the page, stops the server, removes the copy. */
  close(): Promise<void>;
}

/**
 * dist/ copied to a temporary folder with its Code.js passed through `patch` (functions a test
 * adds to the bundle), served and opened: the emulator runs whatever bundle it is given.
 */
export async function startPatchedEmulator(
  browser: EmulatorBrowser,
  patch: (code: string) => string,
  options: { input?: string } = {},
): Promise<PatchedEmulator> {
  ensureDist();
  const dir = mkdtempSync(join(tmpdir(), 'publipostage-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const code = patch(readFileSync(join(DIST, 'Code.js'), 'utf8'));
  writeFileSync(join(dir, 'Code.js'), code);
  const emulator = await startEmulator({ distDir: dir, input: options.input });
  const page = await openEmulator(browser, emulator.url);
  return {
    emulator,
    page,
    dir,
    code,
    close: async () => {
      await page.close();
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Extensions › <add-on> › <item>, as a user would click it. */
export async function clickAddonMenu(page: Page, item: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.getByRole('menuitem', { name: item }).click();
}

/** Opens the sidebar from the add-on menu; returns its frame once its script has run. */
export async function openSidebar(page: Page, item = 'Ouvrir le publipostage'): Promise<Frame> {
  const before = await page.locator('#sidebar-frame').getAttribute('src');
  await clickAddonMenu(page, item);
  // Each showSidebar opens a new sidebar: wait for the frame to load the new one.
  const handle = await page.waitForSelector(
    before ? `#sidebar-frame[src]:not([src="${before}"])` : '#sidebar-frame[src]',
  );
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('La barre latérale n’a pas de cadre.');
  await frame.waitForSelector('#app[data-ready="true"]');
  return frame;
}

export async function emulatorState(url: string): Promise<Record<string, unknown>> {
  return (await fetch(new URL('emulator/state', url))).json() as Promise<Record<string, unknown>>;
}

/** Queues answers for the next alert/prompt calls of the script. */
export async function queueDialogAnswers(
  url: string,
  answers: Array<{ button: string; text?: string }>,
): Promise<void> {
  const response = await fetch(new URL('emulator/dialog-answers', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  if (!response.ok) throw new Error(await response.text());
}

/** Registers a screenshot of `page()` into test-results/ for every failing test of the file. */
export function screenshotOnFailure(page: () => Page | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const current = page();
      if (!current) return;
      mkdirSync(RESULTS, { recursive: true });
      const name = task.name.replace(/[^\w-]+/g, '-').slice(0, 80);
      await current.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
    });
  });
}

/** Waits (5 s at most) for a locator's text to be `expected`, then asserts it. */
export async function expectText(
  locator: Locator,
  expected: string,
  timeout = 5000,
): Promise<void> {
  const end = Date.now() + timeout;
  let actual: string | null = null;
  while (Date.now() < end) {
    actual = (await locator.textContent({ timeout })) ?? '';
    if (actual.trim() === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(actual?.trim()).toBe(expected);
}

/** google.script.run as the sidebar's page sees it. */
export interface ClientRunner {
  withSuccessHandler(handler: (value: unknown, userObject: unknown) => void): ClientRunner;
  withFailureHandler(handler: (error: Error, userObject: unknown) => void): ClientRunner;
  withUserObject(userObject: unknown): ClientRunner;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- server functions take anything
  [serverFunction: string]: ((...args: any[]) => any) | undefined;
}
export type SidebarWindow = Window & { google: { script: { run: ClientRunner } } };

/** Calls google.script.run.<name>(...args) in the sidebar; resolves with what the handlers got. */
export function callFromSidebar(
  frame: Frame,
  name: string,
  args: unknown[] = [],
): Promise<{ ok: boolean; value: unknown; user: unknown }> {
  return frame.evaluate(
    ({ name, args }) =>
      new Promise<{ ok: boolean; value: unknown; user: unknown }>((resolve) => {
        const run = (window as unknown as SidebarWindow).google.script.run
          .withSuccessHandler((value, user) => resolve({ ok: true, value, user }))
          .withFailureHandler((error, user) => resolve({ ok: false, value: error.message, user }))
          .withUserObject({ call: name });
        const fn = run[name];
        if (!fn) throw new Error(`google.script.run.${name} n'existe pas.`);
        fn(...args);
      }),
    { name, args },
  );
}

/** A school's real settings, saved from the sidebar: mail and letters refuse the examples. */
export async function saveRealSettings(frame: Frame): Promise<void> {
  const saved = await callFromSidebar(frame, 'saveSettings', [
    {
      entName: 'Mon ENT',
      entUrl: 'https://ent.college-hugo.fr',
      schoolName: 'Collège Victor Hugo',
      contact: 'Vie scolaire',
    },
  ]);
  if (!saved.ok) throw new Error(`Réglages refusés : ${String(saved.value)}`);
}

/**
 * The sidebar's frame at the size of Google Sheets' sidebar on a small laptop: 300 px wide,
 * `height` px high (the page made tall enough to hold it); the frame's window is that size.
 */
export async function sizeSidebar(page: Page, frame: Frame, height = 700): Promise<void> {
  await page.setViewportSize({ width: 1400, height: height + 400 });
  await page.evaluate((height) => {
    const aside = document.getElementById('sidebar')!;
    aside.style.height = 'auto';
    aside.style.alignSelf = 'flex-start';
    const iframe = document.getElementById('sidebar-frame') as HTMLIFrameElement;
    iframe.style.flex = 'none';
    iframe.style.width = '300px';
    iframe.style.height = `${height}px`;
  }, height);
  await frame.waitForFunction(
    (height) => window.innerHeight === height && window.innerWidth === 300,
    height,
  );
}

/**
 * Leaves the settings page the sidebar opens first while the settings are the examples, then
 * shows the step `step` (source, preview, letters, mail) from the step indicator.
 */
export async function goToStep(frame: Frame, step: string): Promise<void> {
  await frame.click(`#tab-${step}`);
  await frame.locator(`#step-${step}`).waitFor();
}
