// dist/Code.js under the manifest it is pushed with: each scope of dist/appsscript.json is
// needed by a feature, and removing it breaks exactly the call Google's reference ties to it,
// with Apps Script's permission error (the emulator enforces scopes per method, scopes.ts).
import { describe, expect, it } from 'vitest';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { parseManifest } from '../../src/local/emulator/manifest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { readDist } from '../helpers/dist';

const AUTH = 'https://www.googleapis.com/auth/';
const HEADER = ['Nom', 'Prénom', 'Identifiant', 'Type', "Code d'activation", 'Classes', 'Courriel'];
const ROWS = [
  ['ABEL', 'Ada', 'ada.abel', 'Élève', 'c1x', '6EME 1', 'ada@exemple.fr'],
  ['BRUN', 'Léo', 'leo.brun', 'Élève', '', '6EME 2', ''],
];
const SETTINGS = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.exemple.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'Bureau 12',
};
const selection = { sheetName: 'Comptes', filters: {}, sort: 'alpha', showCodes: false };

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

/** The features, each as the sidebar or the menu runs it. */
const FEATURES: Record<string, (rt: AppsScriptRuntime) => unknown> = {
  source: (rt) => rt.runFromClient('getSource', [null]),
  sidebar: (rt) => rt.run('showSidebar'),
  mailConfirmation: (rt) => rt.runFromClient('planMail', [selection]),
  testMail: (rt) => rt.runFromClient('sendTestMail', []),
  campaign: (rt) => rt.runFromClient('startMail', [selection, 'sidebar-1']),
  csvExport: (rt) => rt.runFromClient('exportSelection', [selection]),
  share: (rt) =>
    rt.runFromClient('sharePreview', [
      { ...selection, addresses: 'direction@exemple.fr', role: 'reader' },
    ]),
  letters: (rt) => {
    let reply = rt.runFromClient('startLetters', [
      { ...selection, layout: 1, split: 'none', confirmed: true },
    ]) as Reply;
    for (let i = 0; i < 20 && reply.ok && !reply.value!.done; i++) {
      reply = rt.runFromClient('continueLetters', [reply.value!.jobId]) as Reply;
    }
    return reply;
  },
};

/** dist/Code.js with dist/appsscript.json, less the scopes named. */
function addon(...removed: string[]) {
  const pushed = parseManifest(readDist('appsscript.json'));
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows([HEADER, ...ROWS], 'Comptes'),
    htmlFiles: (name) => readDist(`${name}.html`),
    manifest: { ...pushed, oauthScopes: pushed.oauthScopes!.filter((s) => !removed.includes(s)) },
  });
  runtime.run('saveSettings', [SETTINGS]);
  return runtime;
}

const PERMISSION = /Vous n'êtes pas autorisé à appeler (\S+)\. Autorisations requises : (.+)$/;
/** The advanced Drive service answers its API's 403 instead, naming no scope. */
const DRIVE_API =
  /API call to drive\.files\.(\w+) failed with error: Request had insufficient authentication scopes\./;

/**
 * The call the permission error names and the scopes it requires; null when none was raised.
 * The error ends the run, or reaches the sidebar in a failed reply when the add-on catches it.
 */
function refusal(run: () => unknown): { call: string; required: string } | null {
  let message: string;
  try {
    const reply = run() as Reply | undefined;
    message = reply?.ok === false ? reply.error!.message : '';
  } catch (error) {
    message = (error as Error).message;
    if (!PERMISSION.test(message) && !DRIVE_API.test(message)) throw error;
  }
  const refused = PERMISSION.exec(message);
  const api = DRIVE_API.exec(message);
  if (api) return { call: `Drive.Files.${api[1]}`, required: `${AUTH}drive.file` };
  return refused ? { call: refused[1]!, required: refused[2]! } : null;
}

describe('the manifest’s scopes (dist/appsscript.json), one by one', () => {
  it.each([
    [`${AUTH}spreadsheets`, 'source', 'SpreadsheetApp.getActiveSpreadsheet'],
    [`${AUTH}script.container.ui`, 'sidebar', 'Ui.showSidebar'],
    [`${AUTH}script.send_mail`, 'mailConfirmation', 'MailApp.getRemainingDailyQuota'],
    [`${AUTH}userinfo.email`, 'testMail', 'Session.getActiveUser'],
    ['https://mail.google.com/', 'testMail', 'GmailApp.sendEmail'],
    [`${AUTH}script.scriptapp`, 'campaign', /^ScriptApp\./],
    [`${AUTH}documents`, 'letters', /^(DocumentApp|Document|Body|Docs\.Documents)\./],
    [`${AUTH}drive.file`, 'csvExport', /^Drive\.Files\./],
    [`${AUTH}drive.file`, 'share', /^Drive\.Files\./],
  ])('without %s, %s fails on the call that needs it', (scope, feature, call) => {
    const refused = refusal(() => FEATURES[feature]!(addon(scope)));
    expect(refused?.call).toMatch(call);
    // The reference ties that call to the scope removed.
    expect(refused?.required.split(/[ ()|]+/)).toContain(scope);
  });

  it('needs every scope the manifest asks for: each one is the removed scope of a case above', () => {
    const cases = [
      'spreadsheets', 'script.container.ui', 'script.send_mail', 'userinfo.email',
      'script.scriptapp', 'documents', 'drive.file',
    ].map((scope) => `${AUTH}${scope}`); // prettier-ignore
    const pushed = parseManifest(readDist('appsscript.json')).oauthScopes!;
    expect([...pushed].sort()).toEqual([...cases, 'https://mail.google.com/'].sort());
  });

  it.each(Object.keys(FEATURES))('with every scope, %s meets no permission error', (feature) => {
    expect(refusal(() => FEATURES[feature]!(addon()))).toBeNull();
  });
});
