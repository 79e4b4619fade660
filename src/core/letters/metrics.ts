// Width estimates from the embedded fonts' advance table, for the pure core's line breaking.
// The PDF renderer measures again with the real font and shortens further if it must.
import { METRIC_RANGES, SANSBOLD_WIDTHS, SANS_WIDTHS } from './font-metrics';
import type { FontName } from './model';

/** Width of a text in points, in a face at a size. */
export type Measure = (text: string, font: FontName, size: number) => number;

/** DejaVu Sans Mono's advance, 1233/2048 em, rounded up. */
const MONO_ADVANCE = 603;
/** For a character outside the table: wider than any letter of the Latin faces. */
const UNKNOWN_ADVANCE = 1000;

/** One flat array per face, indexed by UTF-16 code unit: a lookup per character. */
function flatten(table: readonly (readonly number[])[]): Uint16Array {
  const last = METRIC_RANGES[METRIC_RANGES.length - 1]![1];
  const flat = new Uint16Array(last + 1).fill(UNKNOWN_ADVANCE);
  METRIC_RANGES.forEach(([from], i) =>
    table[i]!.forEach((width, offset) => {
      if (width >= 0) flat[from + offset] = width;
    }),
  );
  return flat;
}

const SANS = flatten(SANS_WIDTHS);
const SANS_BOLD = flatten(SANSBOLD_WIDTHS);

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Sum of advances without kerning; the renderer checks each line with the real font. */
export const estimateWidth: Measure = (text, font, size) => {
  let total = 0;
  const table = font === 'sans-bold' ? SANS_BOLD : SANS;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A character outside the BMP is two code units: count it once.
    if (isLowSurrogate(unit)) continue;
    if (font === 'mono-bold') total += MONO_ADVANCE;
    else total += unit < table.length ? table[unit]! : UNKNOWN_ADVANCE;
  }
  return (total * size) / 1000;
};
