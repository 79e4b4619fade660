import { join } from 'node:path';
import { runCli } from '../../../src/local/cli/run';

/** A file of test/fixtures, by its path there. */
export const fixture = (name: string) => join(import.meta.dirname, '../../fixtures', name);

export async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
