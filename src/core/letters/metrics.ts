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

function advance(table: readonly (readonly number[])[], codePoint: number): number {
  for (let i = 0; i < METRIC_RANGES.length; i++) {
    const [from, to] = METRIC_RANGES[i]!;
    if (codePoint >= from && codePoint <= to) {
      const width = table[i]![codePoint - from]!;
      return width < 0 ? UNKNOWN_ADVANCE : width;
    }
  }
  return UNKNOWN_ADVANCE;
}

/** Sum of advances without kerning; the renderer checks each line with the real font. */
export const estimateWidth: Measure = (text, font, size) => {
  let total = 0;
  if (font === 'mono-bold') {
    for (const _ of text) total += MONO_ADVANCE;
  } else {
    const table = font === 'sans-bold' ? SANSBOLD_WIDTHS : SANS_WIDTHS;
    for (const char of text) total += advance(table, char.codePointAt(0)!);
  }
  return (total * size) / 1000;
};
