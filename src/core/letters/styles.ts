// Type sizes of each layout: a full page, an A5 half page, a card. A block's `maxLines` is its
// budget before « … »; the fit (fit.ts) lowers budgets further when a slot is short of room.
import type { Layout } from '../types';
import type { FontName, StyleName, TextStyle } from './model';

type StyleRow = [
  font: FontName,
  size: number,
  lineHeight: number,
  before: number,
  maxLines: number,
];

function table(rows: Record<StyleName, StyleRow>): Record<StyleName, TextStyle> {
  const styles = {} as Record<StyleName, TextStyle>;
  for (const [name, [font, size, lineHeight, spaceBefore, maxLines]] of Object.entries(rows)) {
    // A step's number hangs in an indent of about two digits and a dot.
    const indent = name === 'step' ? Math.round(size * 1.8) : 0;
    styles[name as StyleName] = { font, size, lineHeight, spaceBefore, indent, maxLines };
  }
  return styles;
}

const PAGE = table({
  heading: ['sans-bold', 16, 20, 0, 2],
  subheading: ['sans-bold', 13, 17, 6, 2],
  name: ['sans-bold', 15, 19, 22, 2],
  role: ['sans', 11, 14, 3, 3],
  paragraph: ['sans', 10.5, 14, 10, 6],
  label: ['sans', 10, 13, 12, 1],
  login: ['mono-bold', 16, 20, 2, 2],
  code: ['mono-bold', 28, 34, 2, 1],
  section: ['sans-bold', 12, 15, 18, 2],
  step: ['sans', 10.5, 14, 6, 3],
  note: ['sans', 9, 12, 14, 3],
});

const HALF = table({
  heading: ['sans-bold', 13, 16, 0, 2],
  subheading: ['sans-bold', 11, 14, 4, 2],
  name: ['sans-bold', 13, 16, 14, 2],
  role: ['sans', 9.5, 12, 2, 3],
  paragraph: ['sans', 9, 11.5, 7, 6],
  label: ['sans', 8.5, 11, 8, 1],
  login: ['mono-bold', 13, 16, 1, 2],
  code: ['mono-bold', 22, 27, 1, 1],
  section: ['sans-bold', 10, 13, 10, 2],
  step: ['sans', 9, 11.5, 4, 3],
  note: ['sans', 8, 10, 9, 3],
});

const CARD = table({
  heading: ['sans-bold', 9, 11, 0, 1],
  subheading: ['sans-bold', 8, 10, 2, 1],
  name: ['sans-bold', 11, 13.5, 0, 2],
  role: ['sans', 8, 10, 1, 2],
  paragraph: ['sans', 7.5, 9.5, 5, 4],
  label: ['sans', 7, 9, 5, 1],
  login: ['mono-bold', 10, 12.5, 0, 2],
  code: ['mono-bold', 16, 19, 0, 1],
  section: ['sans-bold', 7.5, 9.5, 4, 1],
  step: ['sans', 7.5, 9.5, 2, 2],
  note: ['sans', 7, 9, 3, 1],
});

export function stylesFor(layout: Layout): Record<StyleName, TextStyle> {
  if (layout === 1) return PAGE;
  if (layout === 2) return HALF;
  return CARD;
}
