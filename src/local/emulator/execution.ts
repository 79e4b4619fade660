// One execution's fate, shared by every service that can stop it (Apps Script's time limit,
// staged by tests through gmail.ts's and document.ts's faults).

/**
 * The runtime resets it at each run; a service that stops the run calls `stop()`, after which
 * every service call of that run throws and has no effect, and the run ends with that error
 * whatever the script caught (runtime.ts), in the user's language (errors.ts, `timeLimit`).
 */
export class ExecutionState {
  /** Apps Script's English text for a run stopped by the time limit, as developers report it. */
  static readonly TIME_LIMIT = 'Exceeded maximum execution time';
  number = 0;
  stopped: string | null = null;
  begin(): void {
    this.number++;
    this.stopped = null;
  }
  /** The time limit strikes now. */
  stop(): void {
    this.stopped = ExecutionState.TIME_LIMIT;
  }
}
