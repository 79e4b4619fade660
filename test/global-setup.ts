// Every test's temporary files (PDFs, outboxes, browser profiles) under one folder, removed at
// the end of the run: os.tmpdir() follows TMPDIR, which the test workers inherit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'publipostage-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
