// Letters through the whole `publipostage pdf` process (start, CSV reading, selection, model,
// PDF): 30,000 cards 8 per page, then 10,000 full-page letters. Prints time, pages per second
// and file size. Issue 6's target: the 30,000-card PDF (3,750 pages) in at most 15 s.
// Usage: npm run build && node bench/letters.bench.mjs [--cards 30000] [--letters 10000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const cards = option('--cards', 30000);
const letters = option('--letters', 10000);
const dir = mkdtempSync(join(tmpdir(), 'bench-letters-'));

/** A generated college export cut to exactly `count` accounts (the header kept). */
function exportOf(count) {
  // The generator makes about two accounts per pupil (parents, staff): ask for enough.
  const students = String(Math.ceil(count / 1.9));
  const csv = execFileSync(
    'python3',
    [
      join(root, 'bench/generate.py'),
      '--school',
      'college',
      '--students',
      students,
      '--format',
      'enriched',
      '--seed',
      '7',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const lines = csv.split('\n');
  if (lines.length - 1 < count)
    throw new Error(`generate.py gave ${lines.length - 1} accounts, not ${count}`);
  const path = join(dir, `comptes-${count}.csv`);
  writeFileSync(path, lines.slice(0, count + 1).join('\n') + '\n');
  return path;
}

const settings = join(dir, 'reglages.json');
writeFileSync(
  settings,
  JSON.stringify({
    entName: 'Mon ENT',
    entUrl: 'https://ent.college-hugo.fr',
    schoolName: 'Collège Victor Hugo',
    contact: 'M. Martin, référent ENT',
  }),
);

function run(count, layout) {
  const csv = exportOf(count);
  const out = join(dir, `lettres-${layout}.pdf`);
  const start = process.hrtime.bigint();
  const stdout = execFileSync(
    process.execPath,
    [
      join(root, 'dist/cli.cjs'),
      'pdf',
      csv,
      '--layout',
      String(layout),
      '--out',
      out,
      '--settings',
      settings,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const pages = Number(/sur (\d+) pages?/.exec(stdout)?.[1]);
  const size = statSync(out).size;
  const pdf = readFileSync(out);
  const valid =
    pdf.subarray(0, 5).toString() === '%PDF-' && pdf.subarray(-6).toString().includes('%%EOF');
  console.log(
    `publipostage pdf --layout ${layout}: ${count} accounts, ${pages} pages in ${seconds.toFixed(2)} s ` +
      `(${Math.round(pages / seconds)} pages/s, process start and CSV reading included), ` +
      `${(size / 1024 / 1024).toFixed(1)} MiB${valid ? '' : ' — NOT A COMPLETE PDF'}`,
  );
  return { seconds, pages };
}

const card = run(cards, 8);
run(letters, 1);
if (cards === 30000) {
  console.log(
    `30,000 cards (3,750 pages): ${card.seconds.toFixed(2)} s, target ≤ 15 s: ${card.seconds <= 15 ? 'met' : 'MISSED'}`,
  );
  if (card.seconds > 15) process.exitCode = 1;
}
rmSync(dir, { recursive: true, force: true });
