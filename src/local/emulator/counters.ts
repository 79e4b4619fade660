// Calls to the Google services, counted per `Service.method`: in Apps Script a call costs far
// more than the JavaScript around it, so the add-on's cost is measured in calls, not milliseconds.

export class CallCounters {
  private readonly counts = new Map<string, number>();

  increment(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of one `Service.method`, 0 if never called. */
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Every call, all methods together. */
  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** A copy, keys sorted, for tests and benchmarks to compare. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  reset(): void {
    this.counts.clear();
  }
}
