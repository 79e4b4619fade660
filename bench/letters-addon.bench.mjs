// « Générer en PDF » in the add-on, counted by the emulator (dist/Code.js, realistic latency
// table): executions (the sidebar's calls: start, then each step) and service calls for a whole
// job, Doc and PDF, per layout; printed per 1,000 cards. Issue 13's bound: 3,000 cards, layout 8,
// in at most 20 executions and 1,500 calls.
// Usage: npm run build && node bench/letters-addon.bench.mjs [--accounts 1000]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { AppsScriptRuntime, spreadsheetFromRows } = require(join(root, 'dist/emulator.cjs'));
const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
const accounts = process.argv.includes('--accounts')
  ? Number(process.argv[process.argv.indexOf('--accounts') + 1])
  : 1000;

const HEADER = ['Nom', 'Prénom', 'Identifiant', 'Type', "Code d'activation", 'Classes', 'Courriel'];
const rows = Array.from({ length: accounts }, (_, i) => [
  `NOM${i}`,
  `Prénom${i}`,
  `eleve.${i}`,
  'Élève',
  i % 3 === 0 ? '' : `c${i}x7k`,
  `6EME ${(i % 8) + 1}`,
  i % 2 ? `eleve.${i}@exemple.fr` : '',
]);

function job(layout) {
  const runtime = new AppsScriptRuntime({
    code,
    spreadsheet: spreadsheetFromRows([HEADER, ...rows], 'Comptes'),
  });
  runtime.run('saveSettings', [
    {
      entName: 'Mon ENT',
      entUrl: 'https://ent.college-hugo.fr',
      schoolName: 'Collège Victor Hugo',
      contact: 'M. Martin',
    },
  ]);
  runtime.counters.reset();
  const request = {
    sheetName: 'Comptes',
    filters: {},
    sort: 'alpha',
    showCodes: false,
    layout,
    split: 'none',
    confirmed: false,
  };
  const started = Date.now();
  let reply = runtime.runFromClient('startLetters', [request]);
  let executions = 1;
  let emulated = runtime.stores.execution.elapsed;
  while (reply.ok && !reply.value.done) {
    reply = runtime.runFromClient('continueLetters', [reply.value.jobId]);
    executions++;
    emulated += runtime.stores.execution.elapsed;
  }
  if (!reply.ok) throw new Error(reply.error.message);
  const calls = Object.values(runtime.counters.snapshot()).reduce((a, b) => a + b, 0);
  const pages = reply.value.result.files.reduce((sum, file) => sum + file.pages, 0);
  return { executions, calls, pages, emulated, wall: Date.now() - started };
}

for (const layout of [8, 2, 1]) {
  const r = job(layout);
  const per = (n) => ((n * 1000) / accounts).toFixed(1);
  console.log(
    `add-on, layout ${layout}: ${accounts} cards, ${r.pages} pages: ${r.executions} executions, ` +
      `${r.calls} service calls (per 1,000 cards: ${per(r.executions)} executions, ` +
      `${per(r.calls)} calls); Google's time ≈ ${Math.round(r.emulated / 1000)} s (realistic ` +
      `table), emulator ${(r.wall / 1000).toFixed(1)} s`,
  );
}
