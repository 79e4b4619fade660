import { describe, expect, it } from 'vitest';
import { fitBlocks } from './fit';
import { estimateWidth } from './metrics';
import { stylesFor } from './styles';
import type { DraftBlock } from './content';
import type { BlockKind } from './model';

// The template's budgets always fit the three layouts' slots, so buildLetters never reaches
// the fit's last resorts: fewer lines, then minor blocks dropped. A short slot does.
const styles = stylesFor(1);
const draft = (kind: BlockKind, text: string): DraftBlock => ({
  kind,
  runs: [{ text }],
  maxLines: 0,
  lines: [],
});
const words = (count: number) => Array.from({ length: count }, (_, i) => `mot${i}`).join(' ');
const drafts = [
  draft('heading', 'Vos identifiants ENT'),
  draft('paragraph', words(120)),
  draft('login', 'jean.dupont'),
  draft('code', 'abcd1234'),
];
const heightOf = (kinds: BlockKind[], lines: number[]) =>
  kinds.reduce(
    (sum, kind, i) =>
      sum + (i > 0 ? styles[kind].spaceBefore : 0) + lines[i]! * styles[kind].lineHeight,
    0,
  );

describe('fitting blocks into a short slot', () => {
  it('takes lines from the wording first, then drops it, never the login or the code', () => {
    const content = { x: 0, y: 0, width: 300, height: 90 };
    const blocks = fitBlocks(drafts, styles, content, estimateWidth);
    const kinds = blocks.map((block) => block.kind);
    expect(kinds).toContain('login');
    expect(kinds).toContain('code');
    expect(kinds).not.toContain('paragraph');
    const lines = blocks.map((block) => block.lines.length);
    expect(heightOf(kinds, lines)).toBeLessThanOrEqual(content.height);
  });

  it('shortens the paragraph to what room is left when it can stay', () => {
    const content = { x: 0, y: 0, width: 300, height: 160 };
    const blocks = fitBlocks(drafts, styles, content, estimateWidth);
    const paragraph = blocks.find((block) => block.kind === 'paragraph')!;
    expect(paragraph.lines.length).toBeLessThan(styles.paragraph.maxLines);
    const text = paragraph.runs.map((run) => run.text).join('');
    expect(text.endsWith('…')).toBe(true);
    const kinds = blocks.map((block) => block.kind);
    expect(
      heightOf(
        kinds,
        blocks.map((block) => block.lines.length),
      ),
    ).toBeLessThanOrEqual(160);
  });

  it('says so when even the login and the code cannot fit', () => {
    const content = { x: 0, y: 0, width: 300, height: 20 };
    expect(() => fitBlocks(drafts, styles, content, estimateWidth)).toThrow(/cannot fit/);
  });
});
