import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

let built = false;

/** Builds dist/ once per test process unless it is newer than every source it comes from. */
export function ensureDist(): void {
  if (built) return;
  const code = join(DIST, 'Code.js');
  if (!existsSync(code) || process.env.PUBLIPOSTAGE_REBUILD === '1') {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--quiet'], {
      stdio: 'inherit',
    });
  }
  built = statSync(code).isFile();
}

export function readDist(name: string): string {
  ensureDist();
  return readFileSync(join(DIST, name), 'utf8');
}
