// Line breaking and shortening of a block's runs, given a measure of text widths. The core
// uses the estimate to decide what fits; the PDF renderer uses the same code to draw.
import type { FontName, Line, Piece, Run, TextStyle } from './model';

export type { Line, Piece };
import type { Measure } from './metrics';

export const ELLIPSIS = '…';

export function runFont(style: TextStyle, run: Run): FontName {
  if (style.font === 'mono-bold') return 'mono-bold';
  return run.bold ? 'sans-bold' : style.font;
}

interface Atom {
  text: string;
  font: FontName;
}

/** Words as sequences of atoms (a word may change face mid-way: « **code**, »). */
function words(runs: readonly Run[], style: TextStyle): Atom[][] {
  const result: Atom[][] = [];
  let current: Atom[] = [];
  for (const run of runs) {
    const font = runFont(style, run);
    // A break at white space, but never at U+00A0 or U+202F: « : » stays with its word.
    for (const part of run.text.split(/([^\S\u00a0\u202f]+)/)) {
      if (part === '') continue;
      if (/^[^\S\u00a0\u202f]+$/.test(part)) {
        if (current.length > 0) result.push(current);
        current = [];
      } else {
        current.push({ text: part, font });
      }
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

class LineBuilder {
  lines: Line[] = [];
  private pieces: Piece[] = [];
  private width = 0;

  constructor(
    private readonly style: TextStyle,
    private readonly measure: Measure,
  ) {}

  get lineWidth(): number {
    return this.width;
  }

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  add(text: string, font: FontName, width: number): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.font === font) {
      last.text += text;
      last.width += width;
    } else {
      this.pieces.push({ text, font, width });
    }
    this.width += width;
  }

  /** A space between words takes the face of the text before it (a bold run stays tight). */
  addSpace(): number {
    const font = this.pieces[this.pieces.length - 1]!.font;
    const width = this.measure(' ', font, this.style.size);
    this.add(' ', font, width);
    return width;
  }

  spaceWidth(): number {
    const last = this.pieces[this.pieces.length - 1];
    return last ? this.measure(' ', last.font, this.style.size) : 0;
  }

  newLine(): void {
    if (this.pieces.length > 0) this.lines.push({ pieces: this.pieces, width: this.width });
    this.pieces = [];
    this.width = 0;
  }
}

/** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
export function wrapRuns(
  runs: readonly Run[],
  style: TextStyle,
  width: number,
  measure: Measure,
): Line[] {
  const builder = new LineBuilder(style, measure);
  for (const word of words(runs, style)) {
    const sized = word.map((atom) => ({
      ...atom,
      width: measure(atom.text, atom.font, style.size),
    }));
    const wordWidth = sized.reduce((sum, atom) => sum + atom.width, 0);
    const space = builder.spaceWidth();
    if (builder.lineWidth + space + wordWidth <= width) {
      if (!builder.empty) builder.addSpace();
      for (const atom of sized) builder.add(atom.text, atom.font, atom.width);
      continue;
    }
    if (wordWidth <= width) {
      builder.newLine();
      for (const atom of sized) builder.add(atom.text, atom.font, atom.width);
      continue;
    }
    // Too long for any line (a URL, a made-up name): fill the line, then go on character-wise.
    if (!builder.empty && builder.lineWidth + builder.spaceWidth() < width) builder.addSpace();
    for (const atom of sized) {
      for (const char of atom.text) {
        const charWidth = measure(char, atom.font, style.size);
        if (builder.lineWidth + charWidth > width && !builder.empty) builder.newLine();
        builder.add(char, atom.font, charWidth);
      }
    }
  }
  builder.newLine();
  return builder.lines;
}

/** The first `count` characters (code points) of the runs' text, keeping their faces. */
function headOfRuns(runs: readonly Run[], count: number): Run[] {
  const result: Run[] = [];
  let left = count;
  for (const run of runs) {
    if (left <= 0) break;
    const chars = Array.from(run.text);
    const text = chars.slice(0, left).join('');
    left -= chars.length;
    result.push({ ...run, text });
  }
  return result;
}

function withEllipsis(runs: Run[]): Run[] {
  const trimmed = runs.map((run) => ({ ...run }));
  // « Dupont, … » reads worse than « Dupont… »: drop trailing spaces and separators.
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const run = trimmed[i]!;
    run.text = run.text.replace(/[\s,;:.–—-]+$/u, '');
    if (run.text !== '') break;
  }
  const kept = trimmed.filter((run) => run.text !== '');
  const last = kept[kept.length - 1];
  if (last) kept[kept.length - 1] = { ...last, text: last.text + ELLIPSIS };
  else kept.push({ text: ELLIPSIS });
  return kept;
}

function textLength(runs: readonly Run[]): number {
  return runs.reduce((sum, run) => sum + Array.from(run.text).length, 0);
}

/**
 * The runs, shortened with « … » so that they take at most `maxLines` lines: the longest head
 * of the text that fits with its ellipsis. Unchanged when they already fit.
 */
export function shortenRuns(
  runs: readonly Run[],
  style: TextStyle,
  width: number,
  maxLines: number,
  measure: Measure,
): Run[] {
  const fits = (candidate: readonly Run[]) =>
    wrapRuns(candidate, style, width, measure).length <= maxLines;
  if (fits(runs)) return runs as Run[];
  // Line count grows with the head's length, so the longest head that fits is found by halving.
  let low = 0;
  let high = textLength(runs) - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(withEllipsis(headOfRuns(runs, middle)))) low = middle;
    else high = middle - 1;
  }
  return withEllipsis(headOfRuns(runs, low));
}

/**
 * A list after a prefix (« Responsable de : » and the children, a teacher's classes), shortened
 * item-wise: as many items as fit, then « … (+N) » for the others. Falls back to cutting the
 * text when not even the first item fits.
 */
export function shortenList(
  prefix: string,
  items: readonly string[],
  style: TextStyle,
  width: number,
  maxLines: number,
  measure: Measure,
): Run[] {
  const fits = (text: string) => wrapRuns([{ text }], style, width, measure).length <= maxLines;
  const full = prefix + items.join(', ');
  if (fits(full)) return [{ text: full }];
  for (let kept = items.length - 1; kept >= 1; kept--) {
    const text = `${prefix}${items.slice(0, kept).join(', ')}, ${ELLIPSIS} (+${items.length - kept})`;
    if (fits(text)) return [{ text }];
  }
  return shortenRuns([{ text: full }], style, width, maxLines, measure);
}
