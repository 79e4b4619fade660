// One execution's fate and clock, shared by every service that can stop it (Apps Script's time
// limit, reached by the emulated clock or staged by tests through gmail.ts's and document.ts's
// faults).
import { ServiceError } from './errors';
import { LATENCY_TABLES, costOf, type LatencyTable } from './latency';

/**
 * The runtime begins it at each run; a service that stops the run calls `stop()`, after which
 * every service call of that run throws and has no effect, and the run ends with that error
 * whatever the script caught (runtime.ts), in the user's language (errors.ts, `timeLimit`).
 */
export class ExecutionState {
  /** Apps Script's English text for a run stopped by the time limit, as developers report it. */
  static readonly TIME_LIMIT = 'Exceeded maximum execution time';
  /**
   * Script runtime: 6 min / execution, for every account type
   * (https://developers.google.com/apps-script/guides/services/quotas).
   */
  static readonly LIMIT_MS = 6 * 60 * 1000;
  number = 0;
  stopped: string | null = null;
  /** Real time when the execution began; the script's clock reads startedAt + elapsed. */
  startedAt: number;
  /** Emulated milliseconds spent by this execution's service calls. */
  elapsed = 0;
  /** Told whenever the emulated clock moves (the runtime's Date in the script's realm). */
  onTick: ((now: number) => void) | null = null;

  constructor(
    public latency: LatencyTable = LATENCY_TABLES.realistic,
    private readonly realNow: () => number = Date.now,
  ) {
    this.startedAt = realNow();
  }

  begin(): void {
    this.number++;
    this.stopped = null;
    this.startedAt = this.realNow();
    this.elapsed = 0;
    this.onTick?.(this.now());
  }

  /** The script's clock: the real start of the execution plus its emulated elapsed time. */
  now(): number {
    return this.startedAt + this.elapsed;
  }

  /** The time limit strikes now. */
  stop(): void {
    this.stopped = ExecutionState.TIME_LIMIT;
  }

  /** A service call (`Class.method`) costs its time from the latency table. */
  charge(key: string): void {
    this.advance(costOf(this.latency, key));
  }

  /**
   * Time passes; past the limit the execution stops there and the call that went over throws,
   * as Apps Script kills a run wherever it is at 6 minutes.
   */
  advance(milliseconds: number): void {
    if (this.stopped) throw new ServiceError('timeLimit');
    this.elapsed += Math.max(0, milliseconds);
    this.onTick?.(this.now());
    if (this.elapsed > ExecutionState.LIMIT_MS) {
      this.stop();
      throw new ServiceError('timeLimit');
    }
  }
}
