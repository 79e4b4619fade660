// `publipostage preview` on a lycée of ~66,000 rows, against the floor of reading and splitting
// the same file in Node. Target (issue 3): the whole process within 3 times the floor.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from './measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const STUDENTS = 32200; // with parents, teachers and staff: ~66,000 rows
const SEED = 66;

export const name = 'preview (lycée, ~66 000 lignes)';
export const target = 3;

function generate() {
  const out = join(here, 'out');
  mkdirSync(out, { recursive: true });
  const file = join(out, `lycee-${STUDENTS}-${SEED}.csv`);
  if (!existsSync(file)) {
    const csv = execFileSync(
      'python3',
      [
        join(here, 'generate.py'),
        '--school',
        'lycee',
        '--students',
        String(STUDENTS),
        '--format',
        'enriched',
        '--seed',
        String(SEED),
      ],
      { maxBuffer: 1 << 30 },
    );
    writeFileSync(file, csv);
  }
  return file;
}

export async function run({ runs = 5 } = {}) {
  const file = generate();
  const rows = execFileSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(String(require('fs').readFileSync(${JSON.stringify(file)},'utf8').split('\\n').filter(Boolean).length - 1))`,
    ],
    { encoding: 'utf8' },
  );
  const cli = join(root, 'dist/cli.cjs');
  const [floor, lowerBound, json, text] = await compare(
    [
      [join(here, 'split-floor.mjs'), file],
      // Not the target's measure: how far reading, objects, sort and JSON alone already go.
      [join(here, 'lower-bound.mjs'), file],
      [cli, 'preview', file, '--json'],
      [cli, 'preview', file],
    ],
    runs,
  );
  const ratio = (x) => x.wallMs / floor.wallMs;
  return {
    lines: [
      `fichier : ${file} (${rows} comptes, ${(statSync(file).size / 1e6).toFixed(1)} Mo)`,
      ...[
        ['plancher (lire + découper)', floor],
        ['borne basse (sans les règles)', lowerBound],
        ['preview --json', json],
        ['preview (texte)', text],
      ].map(
        ([label, r]) =>
          `${label.padEnd(30)} ${r.wallMs.toFixed(0).padStart(6)} ms  CPU ${r.cpuMs.toFixed(0).padStart(6)} ms  ` +
          `mémoire max ${r.maxRssMb.toFixed(0).padStart(4)} Mo  ratio ${ratio(r).toFixed(2)}`,
      ),
    ],
    ratio: Math.max(ratio(json), ratio(text)),
  };
}
