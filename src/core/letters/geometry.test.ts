import { describe, expect, it } from 'vitest';
import { A4, pageCount, pageGeometry } from './geometry';
import type { Rect } from './model';

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-9;

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 1e-9 &&
  b.x < a.x + a.width - 1e-9 &&
  a.y < b.y + b.height - 1e-9 &&
  b.y < a.y + a.height - 1e-9;

describe('page geometry', () => {
  it('puts 1 letter on A4 portrait, 2 on A4 landscape, 8 cards on A4 portrait', () => {
    expect([1, 2, 8].map((layout) => pageGeometry(layout as 1 | 2 | 8).slots.length)).toEqual([
      1, 2, 8,
    ]);
    expect(pageGeometry(1)).toMatchObject({ width: A4.width, height: A4.height, landscape: false });
    expect(pageGeometry(2)).toMatchObject({ width: A4.height, height: A4.width, landscape: true });
    expect(pageGeometry(8)).toMatchObject({ width: A4.width, height: A4.height, landscape: false });
  });

  it('keeps every slot on the page, its content in its box, and slots apart', () => {
    for (const layout of [1, 2, 8] as const) {
      const geometry = pageGeometry(layout);
      const page = { x: 0, y: 0, width: geometry.width, height: geometry.height };
      geometry.slots.forEach((slot, i) => {
        expect(inside(slot.box, page)).toBe(true);
        expect(inside(slot.content, slot.box)).toBe(true);
        geometry.slots
          .slice(i + 1)
          .forEach((other) => expect(overlap(slot.box, other.box)).toBe(false));
      });
    }
  });

  it('makes A5 halves and a 2 × 4 grid with its dashed lines', () => {
    const halves = pageGeometry(2);
    expect(halves.slots[0]!.box.width).toBeCloseTo(A4.height / 2, 2);
    expect(halves.cutLines).toHaveLength(1);
    const cards = pageGeometry(8);
    const xs = new Set(cards.slots.map((slot) => slot.box.x));
    const ys = new Set(cards.slots.map((slot) => slot.box.y));
    expect([xs.size, ys.size]).toEqual([2, 4]);
    expect(cards.cutLines).toHaveLength(3 + 5);
    expect(pageGeometry(1).cutLines).toEqual([]);
  });

  it('counts n, ⌈n/2⌉ and ⌈n/8⌉ pages', () => {
    expect([1, 2, 8].map((layout) => pageCount(17, layout as 1 | 2 | 8))).toEqual([17, 9, 3]);
    expect(pageCount(0, 8)).toBe(0);
  });
});
