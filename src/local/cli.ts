// The `publipostage` command: the core on CSV files, off Google.
import { constants } from 'node:os';
import { runCli } from './cli/run';
import { removePendingTemporaries } from './output-file';

// Stopped by Ctrl+C or a kill while a PDF or CSV is being written: no temporary file is left.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removePendingTemporaries();
    process.exit(128 + constants.signals[signal]);
  });
}

// `publipostage preview … | head` closes the pipe early: the reader has what it wanted, so the
// command stops quietly, as other commands do, rather than with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
