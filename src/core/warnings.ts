// Warnings about an export, a few of each kind: a 66,000-row file must not give 66,000 lines.

const PER_KIND = 10;

export class WarningList {
  private readonly kinds = new Map<string, { lines: string[]; count: number }>();

  /** The message is built only when it is kept: a large file can raise tens of thousands. */
  add(kind: string, message: () => string): void {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { lines: [], count: 0 }));
    entry.count++;
    if (entry.count <= PER_KIND) entry.lines.push(message());
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
