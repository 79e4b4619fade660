// The core as Apps Script runs it: bundled for ES2019, in a realm of its own (node:vm), fed
// getValues()-like rows whose Dates come from that realm.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { join } from 'node:path';

describe('the core in another realm', () => {
  it('loads typed values and selects, bundled for ES2019', async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, '../../src/core/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'Core',
      target: 'es2019',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const context = createContext({});
    runInContext(`${result.outputFiles[0]!.text};this.Core = Core;`, context);
    const out = runInContext(
      `(() => {
        const loaded = Core.loadAccounts([
          ['Nom', 'Prénom', 'Login', 'Type', "Code d'activation", 'Date de création', 'Admin local'],
          ['ÇELIK', 'Zoë', 'zoe.celik', 'Élève', 12345678, new Date(Date.UTC(2017, 10, 6, 23)), true],
          ['PEREZ', 'Léna', 'lena.perez', 'Élève', '', new Date(Date.UTC(2019, 3, 25, 22)), false],
        ], { timeZone: 'Europe/Paris' });
        const selection = Core.selectAccounts(loaded.accounts, { createdAfter: '2019-04-26' }, 'alpha');
        return JSON.stringify({ accounts: loaded.accounts.map((a) => [a.activationCode, a.createdAt, a.localAdmin]),
          selected: selection.accounts.map((a) => a.login) });
      })()`,
      context,
    ) as string;
    expect(JSON.parse(out)).toEqual({
      accounts: [
        ['12345678', '2017-11-07', true],
        [null, '2019-04-26', false],
      ],
      selected: ['lena.perez'],
    });
  });
});
