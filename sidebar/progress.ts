// A long job as the sidebar runs it: steps called in a loop, a progress bar, a cancel button.
import type { JobStatus, Reply } from '../src/core/contract';
import { h } from './dom';
import { ui } from './state';

export interface JobSteps<R> {
  start(): Promise<Reply<JobStatus<R>>>;
  next(jobId: string): Promise<Reply<JobStatus<R>>>;
  cancel(jobId: string): Promise<unknown>;
}

export type JobOutcome<R> =
  | { kind: 'done'; result: R | undefined; status: JobStatus<R> }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** Steps in a row that may make no progress before the loop gives up (a stuck job). */
const MAX_IDLE_STEPS = 3;

/**
 * Runs a job to its end inside `container`, showing its progress; resolves with how it ended.
 * The cancel button stops the loop after the step under way, which has saved its progress.
 */
export async function runJob<R>(
  container: HTMLElement,
  steps: JobSteps<R>,
): Promise<JobOutcome<R>> {
  const t = ui.t.progress;
  const bar = h('progress', { max: 1, value: 0 });
  const label = h('p', { className: 'progress-label', role: 'status', 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', className: 'action cancel' }, t.cancel);
  let cancelled = false;
  cancel.addEventListener('click', () => {
    cancelled = true;
    cancel.disabled = true;
    label.textContent = t.cancelling;
  });
  container.replaceChildren(h('div', { className: 'job' }, bar, label, cancel));
  const show = (status: JobStatus<R>) => {
    bar.max = Math.max(1, status.total);
    bar.value = status.processed;
    if (!cancelled) label.textContent = `${status.label} (${t.of(status.processed, status.total)})`;
  };
  try {
    let reply = await steps.start();
    let idle = 0;
    while (reply.ok) {
      const status = reply.value;
      show(status);
      if (status.done) return { kind: 'done', result: status.result, status };
      if (cancelled) {
        await steps.cancel(status.jobId);
        return { kind: 'cancelled' };
      }
      const before = status.processed;
      reply = await steps.next(status.jobId);
      idle = reply.ok && reply.value.processed === before && !reply.value.done ? idle + 1 : 0;
      if (idle >= MAX_IDLE_STEPS) return { kind: 'failed', message: t.stalled };
    }
    return { kind: 'failed', message: reply.error.message };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message || String(error) };
  } finally {
    cancel.remove();
  }
}
