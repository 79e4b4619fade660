// Does a text fit its slot? Checked with the letters' own drafting and fitting (content.ts,
// fit.ts, the font table's widths) on the accounts of the selection that fill a slot most: a
// wording line the fit would shorten with « … » or leave out is reported before generating,
// with the account named. The account's own lines (name, classes, children) may be shortened:
// that is the fitting rule, not the text's fault.
import type { Language } from '../present';
import { displayName, roleLine } from '../present';
import type { Account, Layout, Settings } from '../types';
import type { Block, LetterVariant } from '../letters/model';
import { draftBlocksOf, variantOf, type DraftBlock } from '../letters/content';
import { fitBlocks } from '../letters/fit';
import { pageGeometry } from '../letters/geometry';
import { stylesFor } from '../letters/styles';
import { estimateWidth, type Measure } from '../letters/metrics';
import { letterTextId, textInfo, textSource, type TextId, type TextSources } from './catalog';
import { compileOrThrow, type CompiledText } from './compile';
import { fillTemplate } from './render';

export interface FitProblem {
  id: TextId;
  /** The example account: the one of the selection whose letter is fullest. */
  login: string;
  name: string;
  /** The wording cut or left out, as the text says it. */
  line: string;
  message: string;
}

/** How much an account brings to a letter: its name, role line, classes and login. */
function size(account: Account): number {
  return (
    displayName(account).length +
    roleLine(account).length +
    account.classes.join(', ').length +
    account.children.join(', ').length +
    account.login.length * 2
  );
}

/**
 * Accounts of the variant, fullest first (longest name, most classes or children): the one the
 * sidebar's preview shows by default and the ones the fit check tries.
 */
export function fullestAccounts(
  accounts: readonly Account[],
  variant: LetterVariant,
  count = 3,
): Account[] {
  const scored = accounts
    .filter((account) => variantOf(account) === variant)
    .map((account) => ({ account, score: size(account) }));
  scored.sort((a, b) => b.score - a.score || a.account.row - b.account.row);
  return scored.slice(0, count).map((item) => item.account);
}

/** The example account a text's preview shows: the fullest of its variant, or null. */
export function exampleAccount(accounts: readonly Account[], id: TextId): Account | null {
  return fullestAccounts(accounts, textInfo(id).variant, 1)[0] ?? null;
}

const textOf = (block: { runs: Block['runs'] }) => block.runs.map((run) => run.text).join('');

/** The first wording block the fit shortened or left out, or null when the text fits. */
export function cutWording(drafts: readonly DraftBlock[], fitted: readonly Block[]): string | null {
  let j = 0;
  for (const draft of drafts) {
    const block = fitted[j];
    const full = textOf(draft);
    if (block && block.kind === draft.kind) {
      const shown = textOf(block);
      const same = shown === full;
      const shortened = !same && shown.endsWith('…') && full.startsWith(shown.slice(0, -1));
      if (same || shortened) {
        j++;
        if (shortened && draft.wording && !draft.list) return full;
        continue;
      }
    }
    if (draft.wording) return full;
  }
  return null;
}

/** Drafts and fitted blocks of one account's letter or card with a compiled text. */
export function fitLetter(
  text: CompiledText,
  account: Account,
  settings: Settings,
  layout: Layout,
  language: Language,
  measure: Measure = estimateWidth,
): { drafts: DraftBlock[]; blocks: Block[] } {
  const geometry = pageGeometry(layout);
  const drafts = draftBlocksOf(fillTemplate(text.body, { settings, account, language }), account);
  const blocks = fitBlocks(drafts, stylesFor(layout), geometry.slots[0]!.content, measure);
  return { drafts, blocks };
}

function excerptOf(line: string): string {
  const chars = Array.from(line);
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : line;
}

/** The French message of a text that does not fit, the account named. */
export function fitMessage(id: TextId, account: Account, line: string): string {
  const info = textInfo(id);
  const where = info.format === 'card' ? 'sa carte' : 'son courrier';
  return `Le texte «\u00a0${info.label}\u00a0» est trop long pour ${where}\u00a0: pour ${displayName(account) || account.login} (${account.login}), «\u00a0${excerptOf(line)}\u00a0» serait raccourci ou retiré. Raccourcissez le texte.`;
}

/** Checks one compiled text on the fullest accounts of its variant; the first misfit, or null. */
export function checkTextFit(
  text: CompiledText,
  accounts: readonly Account[],
  settings: Settings,
  layout: Layout,
  language: Language,
): FitProblem | null {
  for (const account of fullestAccounts(accounts, textInfo(text.id).variant)) {
    const { drafts, blocks } = fitLetter(text, account, settings, layout, language);
    const line = cutWording(drafts, blocks);
    if (line !== null) {
      return {
        id: text.id,
        login: account.login,
        name: displayName(account),
        line,
        message: fitMessage(text.id, account, line),
      };
    }
  }
  return null;
}

/**
 * Before generating: the layout's two texts (customised or default) checked on the selection.
 * Problems of both variants, each with its example account; none when everything fits.
 */
export function checkLettersFit(
  accounts: readonly Account[],
  settings: Settings,
  layout: Layout,
  language: Language,
  texts?: TextSources,
): FitProblem[] {
  const problems: FitProblem[] = [];
  for (const variant of ['not-activated', 'activated'] as const) {
    const id = letterTextId(layout, variant);
    const text = compileOrThrow(language, id, textSource(texts, language, id));
    const problem = checkTextFit(text, accounts, settings, layout, language);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * What stops a generation: the first problem of a text the referent gave, or null. A default
 * text that overflows for some account is left to the layout, never a reason to refuse.
 */
export function customTextMisfit(
  accounts: readonly Account[],
  settings: Settings,
  layout: Layout,
  language: Language,
  texts: TextSources,
): FitProblem | null {
  const problems = checkLettersFit(accounts, settings, layout, language, texts);
  return problems.find((problem) => texts[problem.id] !== undefined) ?? null;
}
