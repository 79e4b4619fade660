import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppsScriptRuntime } from '../../../src/local/emulator/runtime';
import { DIST, readDist } from '../../helpers/dist';
import { runScript } from './helpers';

const htmlFiles = (name: string) => {
  try {
    return readFileSync(join(DIST, `${name}.html`), 'utf8');
  } catch {
    return null;
  }
};

describe('running dist/Code.js', () => {
  it('runs the text of the bundle itself: a change to dist/Code.js shows', () => {
    const code = readDist('Code.js');
    expect(code).toContain('Publipostage des comptes');
    const marked = code.replace('Publipostage des comptes', 'MARQUEUR DU BUNDLE');
    const rt = new AppsScriptRuntime({ code: marked, htmlFiles, addonName: 'Publipostage ENT' });
    rt.run('showSidebar');
    expect(rt.stores.ui.sidebar?.title).toBe('MARQUEUR DU BUNDLE');
    expect(rt.codeSha256).toBe(createHash('sha256').update(marked).digest('hex'));
  });

  it('opens: onOpen in AuthMode.NONE builds the « Publipostage ENT » add-on menu', () => {
    const rt = new AppsScriptRuntime({
      code: readDist('Code.js'),
      htmlFiles,
      addonName: 'Publipostage ENT',
    });
    rt.open();
    expect(rt.stores.ui.menus).toEqual([
      {
        caption: 'Publipostage ENT',
        addon: true,
        entries: [{ caption: 'Ouvrir le publipostage', functionName: 'showSidebar' }],
      },
    ]);
    const names = rt.functionNames();
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining(['getSource', 'onInstall', 'onOpen', 'runPreview', 'showSidebar']),
    );
  });

  it('shows dist/sidebar.html as the sidebar, 300 px wide', () => {
    const rt = new AppsScriptRuntime({ code: readDist('Code.js'), htmlFiles });
    rt.run('showSidebar');
    expect(rt.stores.ui.sidebar).toMatchObject({ title: 'Publipostage des comptes', width: 300 });
    expect(rt.stores.ui.sidebar?.content).toBe(readDist('sidebar.html'));
  });
});

describe('executions', () => {
  it('refuse every service but the menu in AuthMode.NONE', () => {
    const rt = runScript(`function onOpen() { PropertiesService.getUserProperties(); }`);
    expect(() => rt.open()).toThrow(/PropertiesService.getUserProperties .*AuthMode.NONE/);
  });

  it('release the locks the script forgot', () => {
    const rt = runScript(`function take() { return LockService.getDocumentLock().tryLock(1000); }`);
    expect(rt.run('take')).toBe(true);
    expect(rt.stores.locks.document.hasLock()).toBe(false);
  });

  it('carry a script exception out with its message', () => {
    const rt = runScript(`function fail() { throw new Error('Colonne « Nom » absente'); }`);
    expect(() => rt.run('fail')).toThrow('Colonne « Nom » absente');
  });
});

describe('google.script.run', () => {
  const rt = runScript(`
    function echo(x) { return x; }
    function today() { return { when: new Date(0) }; }
    function secret_() { return 'caché'; }
  `);

  it('passes JSON-like arguments and returns JSON-like values', () => {
    expect(rt.runFromClient('echo', [{ a: [1, 'b', null, true] }])).toEqual({
      a: [1, 'b', null, true],
    });
  });

  it('rejects a Date argument', () => {
    expect(() => rt.runFromClient('echo', [new Date()])).toThrow(/Date/);
  });

  it('returns null for a value holding a Date', () => {
    expect(rt.runFromClient('today', [])).toBeNull();
  });

  it('cannot call a private function (trailing underscore) or an unknown one', () => {
    expect(() => rt.runFromClient('secret_', [])).toThrow('Script function not found: secret_');
    expect(() => rt.runFromClient('nope', [])).toThrow('Script function not found: nope');
  });
});
