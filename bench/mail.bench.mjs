// Messages per second of `publipostage mail` (the CLI's outbox): a generated lycée export, a
// first run that writes every message, then a rerun that must write none.
// Usage: npm run build && node bench/mail.bench.mjs [--students 3000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const students = process.argv.includes('--students')
  ? process.argv[process.argv.indexOf('--students') + 1]
  : '3000';
const dir = mkdtempSync(join(tmpdir(), 'bench-mail-'));
const csv = join(dir, 'comptes.csv');
writeFileSync(
  csv,
  execFileSync(
    'python3',
    [
      join(root, 'bench/generate.py'),
      '--school',
      'lycee',
      '--students',
      students,
      '--format',
      'enriched',
      '--seed',
      '11',
    ],
    { maxBuffer: 1 << 28 },
  ),
);
const outbox = join(dir, 'envoi');
const run = () => {
  const start = process.hrtime.bigint();
  const stdout = execFileSync(
    process.execPath,
    [join(root, 'dist/cli.cjs'), 'mail', csv, '--outbox', outbox],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 },
  );
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout };
};
const first = run();
const messages = readdirSync(outbox).filter((name) => name.endsWith('.eml')).length;
const again = run();
const rewritten = /\((\d+) lors de cette exécution\)/.exec(again.stdout)?.[1];
console.log(
  `publipostage mail: ${messages} messages in ${first.seconds.toFixed(2)} s ` +
    `(${Math.round(messages / first.seconds)} messages/s, process start and CSV reading included); ` +
    `rerun: ${rewritten} written in ${again.seconds.toFixed(2)} s`,
);
rmSync(dir, { recursive: true, force: true });
