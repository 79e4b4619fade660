// buildLetters: the selection and the settings turned into pages of fitted letters or cards.
import type { Account, Layout, Settings } from '../types';
import type { Language } from '../present';
import type { LetterDocument, LetterPage } from './model';
import { pageGeometry } from './geometry';
import { stylesFor } from './styles';
import { draftMaker, variantOf } from './content';
import { fitBlocks } from './fit';
import { estimateWidth, type Measure } from './metrics';
import type { TextSources } from '../texts/catalog';

export interface LetterOptions {
  language?: Language;
  /** Width measure used to fit; the font table's estimate unless a test passes another. */
  measure?: Measure;
  /** The referent's texts of this language (src/core/texts); a missing one is the default. */
  texts?: TextSources;
}

/** Accounts in the given order, `layout` to a page (n, ⌈n/2⌉ or ⌈n/8⌉ pages). */
export function buildLetters(
  accounts: readonly Account[],
  settings: Settings,
  layout: Layout,
  options: LetterOptions = {},
): LetterDocument {
  const language = options.language ?? 'fr';
  const measure = options.measure ?? estimateWidth;
  const geometry = pageGeometry(layout);
  const styles = stylesFor(layout);
  const drafts = draftMaker(settings, layout, language, options.texts);
  const pages: LetterPage[] = [];
  accounts.forEach((account, index) => {
    const position = index % geometry.slots.length;
    if (position === 0) pages.push({ slots: [] });
    const { box, content } = geometry.slots[position]!;
    pages[pages.length - 1]!.slots.push({
      box,
      content,
      login: account.login,
      variant: variantOf(account),
      blocks: fitBlocks(drafts(account), styles, content, measure),
    });
  });
  return { layout, language, geometry, styles, pages };
}
