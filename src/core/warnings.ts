// Warnings about an export, a few of each kind: a 66,000-row file must not give 66,000 lines.

const PER_KIND = 10;

interface Entry {
  lines: string[];
  count: number;
}

export class WarningList {
  private readonly kinds = new Map<string, Entry>();
  private lastKind: string | null = null;
  private lastEntry: Entry | undefined;

  /** The message is built only when it is kept: a large file can raise tens of thousands. */
  add(kind: string, message: () => string): void {
    // Warnings come in runs of one kind (a parent's homonyms, a column's dates): no lookup then.
    let entry = kind === this.lastKind ? this.lastEntry : this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { lines: [], count: 0 }));
    this.lastKind = kind;
    this.lastEntry = entry;
    entry.count++;
    if (entry.count <= PER_KIND) entry.lines.push(message());
  }

  /** How many warnings were raised, the ones left out of list() included. */
  get count(): number {
    let total = 0;
    for (const { count } of this.kinds.values()) total += count;
    return total;
  }

  /** The warnings by kind, in order of first appearance, each kind ending with what was left out. */
  list(overflow: (more: number) => string): string[] {
    const out: string[] = [];
    for (const { lines, count } of this.kinds.values()) {
      out.push(...lines);
      if (count > PER_KIND) out.push(overflow(count - PER_KIND));
    }
    return out;
  }
}
