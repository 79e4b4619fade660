// `npm run bench`: runs every bench/*.bench.mjs in turn and prints its figures. A bench module
// exports `name`, `target` (the highest acceptable ratio) and `run()` → { lines, ratio }; one
// without `run` measures and prints as it is imported (and sets process.exitCode on a miss).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const bench = await import(pathToFileURL(join(here, file)).href);
  if (typeof bench.run !== 'function') continue;
  console.log(`   ${bench.name}`);
  const result = await bench.run();
  for (const line of result.lines) console.log(`  ${line}`);
  const ok = result.ratio <= bench.target;
  if (!ok) failed = true;
  console.log(
    `  ratio ${result.ratio.toFixed(2)} (cible ≤ ${bench.target}) : ${ok ? 'OK' : 'DÉPASSÉ'}`,
  );
}
if (failed) process.exitCode = 1;
