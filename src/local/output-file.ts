// Writing the CLI's outputs (a PDF, a CSV, a folder of PDFs) so that a bad path gets a French
// message and nothing half-written is left behind.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileErrorReason } from './fs-errors';
import { outputMessages } from './read-messages';

/** An output that cannot be written, with a French message for the referent. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Temporary files being written: removed if the process is stopped (Ctrl+C) meanwhile. */
const pending = new Set<string>();

/** Removes the temporary files of writes still under way; for a signal handler. */
export function removePendingTemporaries(): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Best effort: the process is stopping.
    }
  }
  pending.clear();
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Writes through `path.<pid>.tmp` beside the target, then renames it over the target: a
 * failure never leaves half a file, and the temporary file is removed whatever happens. A target
 * that is not a regular file (/dev/full, a folder) is refused: renaming would replace it.
 */
export async function writeThroughTemporary(
  path: string,
  write: (temporary: string) => Promise<void> | void,
): Promise<void> {
  const existing = statOrNull(path);
  if (existing && !existing.isFile()) throw new OutputError(outputMessages.notAFile(path));
  const temporary = `${path}.${process.pid}.tmp`;
  pending.add(temporary);
  try {
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was created (the folder is missing or is a file): nothing to remove.
    }
    throw new OutputError(outputMessages.cannotWrite(path, fileErrorReason(error, 'write')));
  } finally {
    pending.delete(temporary);
  }
}

/**
 * Creates `dir` and its missing parents, one level at a time. Node's `recursive: true` loops
 * forever where a parent exists but refuses children with ENOENT (/proc/self/x).
 */
export function makeOutputDirectory(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const stat = statOrNull(at);
    if (stat) {
      if (!stat.isDirectory()) throw new OutputError(outputMessages.notADirectory(dir, at));
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      throw new OutputError(outputMessages.cannotCreate(dir, fileErrorReason(error, 'write')));
    }
  }
}
