// Makes a letter's blocks fit its slot: each block is shortened with « … » to its line budget,
// then budgets shrink (and, as a last resort, minor blocks go) until the heights add up.
import type { Block, BlockKind, Line, Rect, StyleName, TextStyle } from './model';
import type { Measure } from './metrics';
import { shortenList, shortenRuns, wrapRuns } from './wrap';
import type { DraftBlock } from './content';

/** Which blocks give up lines first: the general wording before the person's own details. */
const GIVE_UP_ORDER: BlockKind[] = [
  'paragraph',
  'note',
  'step',
  'section',
  'subheading',
  'heading',
  'role',
  'name',
  'login',
];
/** Blocks that may go whole when even one line each is too much; the login and code never do. */
const DROPPABLE: BlockKind[] = ['paragraph', 'note', 'step', 'section', 'subheading', 'heading'];

interface Fitted {
  draft: DraftBlock;
  runs: Block['runs'];
  broken: Line[];
  budget: number;
}

/** Blocks made of the account's own data: new text for every letter, nothing to share. */
export const ACCOUNT_KINDS: readonly BlockKind[] = ['name', 'role', 'login', 'code'];

/** Fits of the template's text blocks, shared by every letter of a batch (see draftMaker). */
const shared = new WeakMap<object, Map<string, { runs: Block['runs']; lines: Line[] }>>();

function shorten(fitted: Fitted, style: TextStyle, width: number, measure: Measure): void {
  const { draft } = fitted;
  const usable = width - style.indent;
  if (draft.list || ACCOUNT_KINDS.includes(draft.kind)) {
    fitted.runs = draft.list
      ? shortenList(draft.list.prefix, draft.list.items, style, usable, fitted.budget, measure)
      : shortenRuns(draft.runs, style, usable, fitted.budget, measure);
    fitted.broken = wrapRuns(fitted.runs, style, usable, measure);
    return;
  }
  let memo = shared.get(draft.runs);
  if (!memo) {
    memo = new Map();
    shared.set(draft.runs, memo);
  }
  const key = `${style.font}|${style.size}|${usable}|${fitted.budget}`;
  let result = memo.get(key);
  if (!result) {
    const runs = shortenRuns(draft.runs, style, usable, fitted.budget, measure);
    result = { runs, lines: wrapRuns(runs, style, usable, measure) };
    memo.set(key, result);
  }
  fitted.runs = result.runs;
  fitted.broken = result.lines;
}

/** Height of the blocks stacked from the top of the slot, as the renderers stack them. */
export function blocksHeight(
  blocks: readonly { kind: StyleName; lines: number }[],
  styles: Record<StyleName, TextStyle>,
): number {
  let height = 0;
  blocks.forEach((block, index) => {
    const style = styles[block.kind];
    height += (index > 0 ? style.spaceBefore : 0) + block.lines * style.lineHeight;
  });
  return height;
}

export function fitBlocks(
  drafts: readonly DraftBlock[],
  styles: Record<StyleName, TextStyle>,
  content: Rect,
  measure: Measure,
): Block[] {
  let fitted: Fitted[] = drafts.map((draft) => {
    const item: Fitted = {
      draft,
      runs: draft.runs,
      broken: [],
      budget: styles[draft.kind].maxLines,
    };
    shorten(item, styles[draft.kind], content.width, measure);
    return item;
  });
  const height = () =>
    blocksHeight(
      fitted.map((item) => ({ kind: item.draft.kind, lines: item.broken.length })),
      styles,
    );
  while (height() > content.height) {
    const candidate = GIVE_UP_ORDER.map(
      (kind) =>
        fitted
          .filter((item) => item.draft.kind === kind && item.broken.length > 1)
          .sort((a, b) => b.broken.length - a.broken.length)[0],
    ).find((item) => item !== undefined);
    if (candidate) {
      candidate.budget = candidate.broken.length - 1;
      shorten(candidate, styles[candidate.draft.kind], content.width, measure);
      continue;
    }
    let dropped = fitted.length - 1;
    while (dropped >= 0 && !DROPPABLE.includes(fitted[dropped]!.draft.kind)) dropped--;
    if (dropped < 0) {
      throw new Error(`Letter blocks cannot fit a ${content.width}×${content.height} pt slot`);
    }
    fitted = fitted.filter((_, index) => index !== dropped);
  }
  return fitted.map(({ draft, runs, broken }) => {
    const result: Block = {
      kind: draft.kind,
      runs,
      maxLines: broken.length,
      lines: broken,
    };
    if (draft.number !== undefined) result.number = draft.number;
    return result;
  });
}
