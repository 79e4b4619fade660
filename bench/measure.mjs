// Runs a Node program as a child process and measures it: wall time, CPU time, peak memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = fileURLToPath(new URL('./usage.mjs', import.meta.url));

/** One run of `node <args>`, stdout drained (as a pipe would), stderr kept for errors. */
export async function measureNode(args, { cwd } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const usageFile = join(dir, 'usage.json');
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', pathToFileURL(USAGE).href, ...args], {
    cwd,
    env: { ...process.env, PUBLIPOSTAGE_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdoutBytes += chunk.length));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const status = await new Promise((resolve) => child.on('close', resolve));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (status !== 0) throw new Error(`node ${args.join(' ')} exited with ${status}: ${stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024, stdoutBytes };
}

/** The median of several runs of each program, taken in turn so that load affects both alike. */
export async function compare(programs, runs = 5) {
  const results = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, args] of programs.entries()) results[j].push(await measureNode(args));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return results.map((list) => ({
    wallMs: median(list.map((r) => r.wallMs)),
    cpuMs: median(list.map((r) => r.cpuMs)),
    maxRssMb: Math.max(...list.map((r) => r.maxRssMb)),
    stdoutBytes: list[0].stdoutBytes,
  }));
}
