import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { readDist } from '../helpers/dist';

/**
 * Written out, not read from the code: the names the menu, google.script.run (ServerApi) and the
 * hourly trigger call. Renaming one breaks a caller the compiler does not see.
 */
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'getSource',
  'runPreview',
  'exportSelection',
  'planSelection',
  'writePreviewRows',
  'getSettings',
  'saveSettings',
  'planMail',
  'sendTestMail',
  'startMail',
  'continueMail',
  'resumeMail',
  'cancelMail',
  // The name stored in the trigger ScriptApp made: a rename would leave it calling nothing.
  'resumeMailFromTrigger',
  'startLetters',
  'continueLetters',
  'cancelLetters',
];

/** A bare V8 context: what Apps Script gives a script, minus the services we pass in. */
function loadBundle(services: Record<string, unknown> = {}) {
  const context = vm.createContext({ ...services });
  vm.runInContext(readDist('Code.js'), context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}

function fakeUi() {
  const items: Array<{ caption: string; functionName: string }> = [];
  const calls: string[] = [];
  const menu = {
    addItem(caption: string, functionName: string) {
      items.push({ caption, functionName });
      return menu;
    },
    addToUi() {
      calls.push('addToUi');
    },
  };
  const ui = {
    createAddonMenu() {
      calls.push('createAddonMenu');
      return menu;
    },
  };
  return { items, calls, SpreadsheetApp: { getUi: () => ui } };
}

describe('dist/Code.js', () => {
  it('has no module syntax and no Node built-in', () => {
    const code = readDist('Code.js');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\.(env|argv)/);
  });

  it('declares every entry point as a top-level function', () => {
    const code = readDist('Code.js');
    for (const name of ENTRY_POINTS) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('loads in a bare context without require, module or process, calling no service', () => {
    const touched: string[] = [];
    const spy = new Proxy({}, { get: (_t, key) => touched.push(String(key)) });
    const context = loadBundle({ SpreadsheetApp: spy, HtmlService: spy });
    expect(touched).toEqual([]);
    for (const name of ['require', 'module', 'process', 'exports']) {
      expect(name in context).toBe(false);
    }
    for (const name of ENTRY_POINTS) {
      expect(typeof context[name]).toBe('function');
    }
  });

  it('onOpen builds the add-on menu and nothing else', () => {
    const ui = fakeUi();
    const context = loadBundle({ SpreadsheetApp: ui.SpreadsheetApp });
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(ui.calls).toEqual(['createAddonMenu', 'addToUi']);
    expect(ui.items).toEqual([{ caption: 'Ouvrir le publipostage', functionName: 'showSidebar' }]);
  });

  it('showSidebar opens sidebar.html titled "Publipostage des comptes"', () => {
    const shown: unknown[] = [];
    const output = {
      title: '',
      setTitle(title: string) {
        output.title = title;
        return output;
      },
    };
    const files: string[] = [];
    const context = loadBundle({
      SpreadsheetApp: { getUi: () => ({ showSidebar: (html: unknown) => shown.push(html) }) },
      HtmlService: {
        createHtmlOutputFromFile(name: string) {
          files.push(name);
          return output;
        },
      },
    });
    (context.showSidebar as () => void)();
    expect(files).toEqual(['sidebar']);
    expect(shown).toEqual([output]);
    expect(output.title).toBe('Publipostage des comptes');
  });
});

describe('dist/appsscript.json', () => {
  it('is an editor add-on manifest: no addOns section, Drive v3 and Docs v1 enabled', () => {
    const manifest = JSON.parse(readDist('appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Paris');
    // The addOns section is a card-based Workspace add-on's; an editor add-on has none.
    expect(manifest.addOns).toBeUndefined();
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
  });

  it('pins files the add-on created only: drive.file, never the whole Drive', () => {
    const scopes: string[] = JSON.parse(readDist('appsscript.json')).oauthScopes;
    expect(scopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(scopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(scopes).not.toContain('https://www.googleapis.com/auth/drive.readonly');
  });
});

describe('dist/sidebar.html', () => {
  it('is one self-contained file: no external script or stylesheet', () => {
    const html = readDist('sidebar.html');
    expect(html).toContain('<style>');
    expect(html).toMatch(/<script>[^]+<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).not.toContain('inline:');
  });
});
