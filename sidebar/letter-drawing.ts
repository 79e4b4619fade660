// Where the PDF renderer (src/local/pdf/render.ts) puts each piece of text of a letter or card,
// computed from the core's fitted lines alone: the sidebar's preview draws these, so it breaks
// lines where the PDF does and never lets the browser re-wrap. No DOM here, so a Node test can
// hold it against the words of a real PDF.
import type { FontName, LetterDocument, LetterSlot, Rect, Segment } from '../src/core/letters';
import { estimateWidth } from '../src/core/letters/metrics';

/** DejaVu's ascender (1901/2048 em, the same in the three faces): baseline below a line's top. */
export const ASCENT = 1901 / 2048;

export interface DrawnText {
  text: string;
  font: FontName;
  size: number;
  /** Left end of the text and its baseline, points from the page's top left corner. */
  x: number;
  baseline: number;
  /** The core's width of the text: the preview stretches the browser's glyphs to it. */
  width: number;
  /** Notes are dark grey in the PDF. */
  note: boolean;
}

/** The texts of one slot, block by block as drawSlot stacks them (a block that overflows is left out). */
export function slotDrawing(letters: LetterDocument, slot: LetterSlot): DrawnText[] {
  const { content } = slot;
  const drawn: DrawnText[] = [];
  const bottom = content.y + content.height;
  let y = content.y;
  slot.blocks.forEach((block, index) => {
    const style = letters.styles[block.kind];
    if (index > 0) y += style.spaceBefore;
    const lines = block.lines.slice(0, block.maxLines);
    if (y + lines.length * style.lineHeight > bottom + 0.01) return;
    const note = block.kind === 'note';
    const at = (text: string, font: FontName, x: number, width: number) =>
      drawn.push({
        text,
        font,
        size: style.size,
        x,
        baseline: y + ASCENT * style.size,
        width,
        note,
      });
    if (block.number !== undefined) {
      const number = `${block.number}.`;
      at(number, 'sans-bold', content.x, estimateWidth(number, 'sans-bold', style.size));
    }
    for (const line of lines) {
      let x = content.x + style.indent;
      for (const piece of line.pieces) {
        at(piece.text, piece.font, x, piece.width);
        x += piece.width;
      }
      y += style.lineHeight;
    }
  });
  return drawn;
}

/** The part of the page a preview shows: the whole page of a letter, one A5 half, one card. */
export function shownArea(letters: LetterDocument, slot: LetterSlot): Rect {
  const { geometry } = letters;
  if (geometry.layout === 1) return { x: 0, y: 0, width: geometry.width, height: geometry.height };
  // A card's dashed lines run along its edges: a little room round it shows them.
  const room = geometry.layout === 8 ? 6 : 0;
  return {
    x: slot.box.x - room,
    y: slot.box.y - room,
    width: slot.box.width + 2 * room,
    height: slot.box.height + 2 * room,
  };
}

/** The page's cut lines that run along or across the slot, cut to it. */
export function slotCutLines(letters: LetterDocument, slot: LetterSlot): Segment[] {
  const { box } = slot;
  const within = (value: number, from: number, length: number) =>
    value >= from - 0.01 && value <= from + length + 0.01;
  const clamp = (value: number, from: number, length: number) =>
    Math.min(Math.max(value, from), from + length);
  const lines: Segment[] = [];
  for (const line of letters.geometry.cutLines) {
    if (line.x1 === line.x2 && within(line.x1, box.x, box.width)) {
      lines.push({
        x1: line.x1,
        x2: line.x2,
        y1: clamp(line.y1, box.y, box.height),
        y2: clamp(line.y2, box.y, box.height),
      });
    } else if (line.y1 === line.y2 && within(line.y1, box.y, box.height)) {
      lines.push({
        y1: line.y1,
        y2: line.y2,
        x1: clamp(line.x1, box.x, box.width),
        x2: clamp(line.x2, box.x, box.width),
      });
    }
  }
  return lines.filter((line) => line.x1 !== line.x2 || line.y1 !== line.y2);
}
