// Where the letters go on an A4 sheet, for each layout (SPEC §4), in PostScript points.
import type { Layout } from '../types';
import type { PageGeometry, Rect, Segment } from './model';

export const A4 = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;

function inset(box: Rect, by: number): Rect {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

/** One letter on an A4 portrait page, 20 mm margins. */
function single(): PageGeometry {
  const margin = 20 * MM;
  const box = {
    x: margin,
    y: margin,
    width: A4.width - 2 * margin,
    height: A4.height - 2 * margin,
  };
  return {
    layout: 1,
    width: A4.width,
    height: A4.height,
    landscape: false,
    margins: { top: margin, right: margin, bottom: margin, left: margin },
    slots: [{ box, content: box }],
    cutLines: [],
  };
}

/** Two A5 letters side by side on an A4 landscape page, with a dashed line to cut between. */
function halves(): PageGeometry {
  const width = A4.height;
  const height = A4.width;
  const half = width / 2;
  const padding = 15 * MM;
  const boxes = [0, 1].map((i) => ({ x: i * half, y: 0, width: half, height }));
  const edge = 5 * MM;
  return {
    layout: 2,
    width,
    height,
    landscape: true,
    margins: { top: padding, right: padding, bottom: padding, left: padding },
    slots: boxes.map((box) => ({ box, content: inset(box, padding) })),
    cutLines: [{ x1: half, y1: edge, x2: half, y2: height - edge }],
  };
}

/** 2 columns × 4 rows of cards inside 10 mm page margins, dashed lines all round each card. */
function cards(): PageGeometry {
  const margin = 10 * MM;
  const padding = 10;
  const columns = 2;
  const rows = 4;
  const cardWidth = (A4.width - 2 * margin) / columns;
  const cardHeight = (A4.height - 2 * margin) / rows;
  const slots = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const box = {
        x: margin + column * cardWidth,
        y: margin + row * cardHeight,
        width: cardWidth,
        height: cardHeight,
      };
      slots.push({ box, content: inset(box, padding) });
    }
  }
  const cutLines: Segment[] = [];
  const right = A4.width - margin;
  const bottom = A4.height - margin;
  for (let column = 0; column <= columns; column++) {
    const x = margin + column * cardWidth;
    cutLines.push({ x1: x, y1: margin, x2: x, y2: bottom });
  }
  for (let row = 0; row <= rows; row++) {
    const y = margin + row * cardHeight;
    cutLines.push({ x1: margin, y1: y, x2: right, y2: y });
  }
  return {
    layout: 8,
    width: A4.width,
    height: A4.height,
    landscape: false,
    margins: { top: margin, right: margin, bottom: margin, left: margin },
    slots,
    cutLines,
  };
}

export function pageGeometry(layout: Layout): PageGeometry {
  if (layout === 1) return single();
  if (layout === 2) return halves();
  return cards();
}

/** Pages for n accounts: n, ⌈n/2⌉, ⌈n/8⌉. */
export function pageCount(accounts: number, layout: Layout): number {
  return Math.ceil(accounts / layout);
}
