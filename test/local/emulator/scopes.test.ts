import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_MANIFEST } from '../../../src/local/emulator/manifest';
import { GAS_CLASS, GAS_SERVICE } from '../../../src/local/emulator/gas-object';
import type { Membrane } from '../../../src/local/emulator/membrane';
import { AppsScriptRuntime } from '../../../src/local/emulator/runtime';
import { acceptedScopes, registerScopes, scopeList } from '../../../src/local/emulator/scopes';
import { REFERENCE_SCOPES } from '../../../src/local/emulator/scopes.generated';
import { runScript } from './helpers';

const EMULATOR = join(import.meta.dirname, '../../../src/local/emulator');
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const SHEETS_CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

/** Each emulated class: its counter name, its service, and the official interface it picks from. */
function emulatedClasses() {
  const found: Array<{
    file: string;
    name: string;
    service: string;
    pick: string;
    methods: string[];
  }> = [];
  for (const file of readdirSync(EMULATOR).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(EMULATOR, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node)) continue;
      const literal = (symbol: string) =>
        node.members
          .filter(ts.isPropertyDeclaration)
          .find((m) => m.name.getText(source) === `[${symbol}]`)
          ?.initializer?.getText(source)
          .slice(1, -1);
      const name = literal('GAS_CLASS');
      if (!name) continue;
      const pick = node.heritageClauses
        ?.flatMap((c) => c.types)
        .find((t) => t.expression.getText(source) === 'Pick');
      const [iface] = pick?.typeArguments ?? [];
      // `Pick<GasRange, …>` with `type GasRange = GoogleAppsScript.Spreadsheet.Range`.
      const alias = source.statements
        .filter(ts.isTypeAliasDeclaration)
        .find((a) => a.name.text === iface?.getText(source));
      found.push({
        file,
        name,
        service: literal('GAS_SERVICE') ?? '',
        pick: (alias ? alias.type : iface)?.getText(source) ?? '',
        // What the membrane exposes: every public method (a Pick is a compile-time check only).
        methods: node.members
          .filter(
            (m): m is ts.MethodDeclaration =>
              ts.isMethodDeclaration(m) &&
              !m.modifiers?.some(
                (k) =>
                  k.kind === ts.SyntaxKind.PrivateKeyword ||
                  k.kind === ts.SyntaxKind.ProtectedKeyword ||
                  k.kind === ts.SyntaxKind.StaticKeyword,
              ),
          )
          .map((m) => m.name.getText(source)),
      });
    }
  }
  return found;
}

describe('the scope table (scopes.generated.ts, from gas-types-detailed)', () => {
  it('holds the reference’s Authorization sections, keyed as the call counters are', () => {
    expect(REFERENCE_SCOPES.Spreadsheet!['SpreadsheetApp.getActiveSpreadsheet']).toEqual([
      SHEETS_CURRENT,
      SHEETS,
    ]);
    expect(REFERENCE_SCOPES.Mail!['MailApp.getRemainingDailyQuota']).toEqual([
      'https://www.googleapis.com/auth/script.send_mail',
    ]);
    expect(REFERENCE_SCOPES.Base!['Ui.showSidebar']).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    // The variant wording "…scopes or appropriate scopes from the related REST API:".
    expect(REFERENCE_SCOPES.Gmail!['GmailApp.sendEmail']).toEqual(['https://mail.google.com/']);
    // A method whose page has no Authorization section needs no scope.
    expect(REFERENCE_SCOPES.Properties!['Properties.setProperty']).toEqual([]);
  });

  it('keys colliding class names by service: Range, Table, Text and File differ', () => {
    expect(acceptedScopes('Spreadsheet', 'Range.getValues')).toEqual([SHEETS_CURRENT, SHEETS]);
    expect(acceptedScopes('Document', 'Range.getRangeElements')).toContain(
      'https://www.googleapis.com/auth/documents',
    );
    expect(acceptedScopes('Document', 'Range.getValues')).toBeNull();
    expect(acceptedScopes('Slides', 'Table.getCell')).toContain(
      'https://www.googleapis.com/auth/presentations',
    );
    expect(acceptedScopes('Document', 'Table.getCell')).not.toContain(
      'https://www.googleapis.com/auth/presentations',
    );
  });

  it('knows every method every emulated class exposes, under the class’s own service', () => {
    const classes = emulatedClasses();
    expect(classes.length).toBeGreaterThan(40);
    const missing: string[] = [];
    const misnamed: string[] = [];
    for (const c of classes) {
      // The service named on the object is the namespace of the interface it implements.
      const namespace = /^GoogleAppsScript\.(\w+)\./.exec(c.pick)?.[1];
      if (namespace && namespace !== c.service) misnamed.push(`${c.file} ${c.name}: ${c.pick}`);
      for (const method of c.methods) {
        if (acceptedScopes(c.service, `${c.name}.${method}`) === null)
          missing.push(`${c.service} ${c.name}.${method}`);
      }
    }
    // Public helpers of the host objects, not Apps Script methods: a script calling one fails
    // closed (unknownScopes), which keeps the membrane's exposure of public methods harmless.
    // console.debug is not in the reference's console either.
    expect(missing.sort()).toEqual([
      'Base console.debug',
      'HTML HtmlOutput.shown',
      'Lock LockService.releaseAll',
      'Spreadsheet Sheet.cell',
      'Spreadsheet Sheet.range',
      'Spreadsheet Sheet.writable',
      'Spreadsheet Spreadsheet.addSheet',
      'Spreadsheet Spreadsheet.sheetByName',
    ]);
    expect(misnamed).toEqual([]);
  });

  it('lists one scope as is and several as Google does, (a || b)', () => {
    expect(scopeList([SHEETS])).toBe(SHEETS);
    expect(scopeList([SHEETS_CURRENT, SHEETS])).toBe(`(${SHEETS_CURRENT} || ${SHEETS})`);
  });

  it('lets an advanced service declare its methods once, not over the reference', () => {
    registerScopes('Test_v1', { 'Things.create': ['https://www.googleapis.com/auth/test'] });
    expect(acceptedScopes('Test_v1', 'Things.create')).toEqual([
      'https://www.googleapis.com/auth/test',
    ]);
    expect(() => registerScopes('Test_v1', { 'Things.create': [] })).toThrow('déjà déclarées');
    expect(() => registerScopes('Spreadsheet', { 'Range.x': [] })).toThrow('de la référence');
  });
});

describe('the runtime checks each call against the manifest’s oauthScopes', () => {
  const without = (scope: string) => ({
    manifest: {
      ...PROJECT_MANIFEST,
      oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((s) => s !== scope),
    },
  });
  const code = `function name() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    function store() { PropertiesService.getUserProperties().setProperty('k', 'v'); return 'ok'; }`;

  it('refuses a call none of whose scopes is granted, in French for a French user', () => {
    const rt = runScript(code, undefined, without(SHEETS));
    expect(() => rt.run('name')).toThrow(
      `Vous n'êtes pas autorisé à appeler SpreadsheetApp.getActiveSpreadsheet. Autorisations requises : (${SHEETS_CURRENT} || ${SHEETS})`,
    );
    // The refused call is not made, so not counted.
    expect(rt.counters.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('says it in English for an English-speaking user', () => {
    const rt = runScript(code, undefined, { ...without(SHEETS), locale: 'en' });
    expect(() => rt.run('name')).toThrow(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${SHEETS_CURRENT} || ${SHEETS})`,
    );
  });

  it('lets through a call any one of whose scopes is granted, and one that needs none', () => {
    const rt = runScript(code, undefined, {
      manifest: { ...PROJECT_MANIFEST, oauthScopes: [SHEETS_CURRENT] },
    });
    expect(rt.run('name')).toBe('Comptes');
    expect(rt.run('store')).toBe('ok');
  });

  it('grants what the code uses when the manifest pins no scope (automatic detection)', () => {
    const rt = runScript(code, undefined, { manifest: { timeZone: 'Europe/Paris' } });
    expect(rt.run('name')).toBe('Comptes');
  });

  it('fails closed on an object whose service and method no table knows', () => {
    const rt = new AppsScriptRuntime({ code: 'function f() { return Mystery.call(); }' });
    const mystery = { [GAS_CLASS]: 'Mystery', [GAS_SERVICE]: 'Nowhere', call: () => 1 };
    const membrane = Reflect.get(rt, 'membrane') as Membrane;
    Object.defineProperty(rt.context, 'Mystery', { value: membrane.wrap(mystery) });
    expect(() => rt.run('f')).toThrow(
      'Émulateur : autorisations inconnues pour Mystery.call (Nowhere)',
    );
  });
});
