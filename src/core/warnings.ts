// Warnings about an export, a few of each kind: a 66,000-row file must not give 66,000 lines.

const PER_KIND = 10;

export class WarningList {
  private readonly lines: string[] = [];
  private readonly counts = new Map<string, number>();

  add(kind: string, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= PER_KIND) this.lines.push(message);
  }

  /** The warnings, with one line per kind that had more than were kept. */
  list(overflow: (kind: string, more: number) => string): string[] {
    const extra: string[] = [];
    for (const [kind, count] of this.counts) {
      if (count > PER_KIND) extra.push(overflow(kind, count - PER_KIND));
    }
    return [...this.lines, ...extra];
  }
}
