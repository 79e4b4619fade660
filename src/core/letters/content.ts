// What a letter or card says to one account: the referent's text of its variant (src/core/texts)
// filled with the settings and the account, read into blocks. A line that is only
// « {{identifiant}} » or « {{code}} » is the login's or the code's box (the short line before it,
// its label), one of only « {{prénom}} {{nom}} » the name, one of only « {{profil_classes}} » the
// role line; the others are headings, steps, notes and paragraphs by their first characters.
import type { Account, Layout, Settings } from '../types';
import type { Language } from '../present';
import type { Block, LetterVariant, Run } from './model';
import { letterTextId, textSource, type TextId, type TextSources } from '../texts/catalog';
import { compileOrThrow, type CompiledText } from '../texts/compile';
import { fallbackName, type FieldName } from '../texts/fields';
import { fillTemplate, isLabel, lineText, type FilledLine, type FilledText } from '../texts/render';

/** A block before fitting; a line ending with a list keeps it, to be shortened item-wise. */
export interface DraftBlock extends Block {
  list?: { prefix: string; items: string[] };
  /** The block is the referent's wording (not a box, a name or a role): the fit check reads it. */
  wording?: boolean;
}

export function variantOf(account: Account): LetterVariant {
  return account.activated || !account.activationCode ? 'activated' : 'not-activated';
}

function block(kind: Block['kind'], runs: Run[]): DraftBlock {
  return { kind, runs, maxLines: 0, lines: [] };
}

const NAME_FIELDS: ReadonlySet<FieldName> = new Set(['prénom', 'nom']);

function plainRuns(line: FilledLine): Run[] {
  return line.runs.map((run) => (run.bold ? { text: run.text, bold: true } : { text: run.text }));
}

/**
 * Reads a filled text into draft blocks. `shared` keeps one runs array per distinct wording, so
 * that a line without the account's fields is fitted once per batch (fit.ts memoises by it).
 */
export function draftBlocksOf(
  filled: FilledText,
  account: Account,
  shared: Map<string, Run[]> = new Map(),
): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let step = 0;
  let previous: { line: FilledLine; block: DraftBlock } | null = null;
  // One box, name and role line each: a second one is a paragraph (the fit may shorten it).
  const seen = new Set<Block['kind']>();
  const first = (kind: Block['kind']) => !seen.has(kind) && (seen.add(kind), true);
  for (const line of filled) {
    if (line === null) continue;
    const only = line.only;
    const box = only && only.length === 1 ? only[0]! : null;
    let made: DraftBlock;
    if ((box === 'identifiant' || box === 'code') && first(box === 'code' ? 'code' : 'login')) {
      if (previous && previous.block.wording && isLabel(previous.line)) {
        previous.block.kind = 'label';
      }
      made = block(box === 'identifiant' ? 'login' : 'code', [{ text: lineText(line) }]);
    } else if (only && only.every((field) => NAME_FIELDS.has(field)) && first('name')) {
      made = block('name', [{ text: lineText(line).trim() || fallbackName(account) }]);
    } else if (box === 'profil_classes' && first('role')) {
      made = block('role', [{ text: lineText(line) }]);
      if (line.list) made.list = line.list;
    } else {
      let runs = plainRuns(line);
      if (!line.personal) {
        const key = `${line.kind}\u0000${runs.map((run) => `${run.bold ? '*' : ''}${run.text}`).join('\u0000')}`;
        const known = shared.get(key);
        if (known) runs = known;
        else shared.set(key, runs);
      }
      made = block(line.kind, runs);
      made.wording = true;
      if (line.list) made.list = line.list;
    }
    step = made.kind === 'step' ? step + 1 : 0;
    if (made.kind === 'step') made.number = step;
    blocks.push(made);
    previous = { line, block: made };
  }
  return blocks;
}

/** The compiled texts of a layout's two variants, compiled on first use. */
export function letterTexts(
  layout: Layout,
  language: Language,
  texts: TextSources | undefined,
): (variant: LetterVariant) => CompiledText {
  const compiled = new Map<TextId, CompiledText>();
  return (variant) => {
    const id = letterTextId(layout, variant);
    let text = compiled.get(id);
    if (!text) {
      text = compileOrThrow(language, id, textSource(texts, language, id));
      compiled.set(id, text);
    }
    return text;
  };
}

/**
 * Makes the drafts of a batch of letters: each account's text filled and read into blocks, the
 * lines that do not depend on the account shared by every letter of the batch.
 */
export function draftMaker(
  settings: Settings,
  layout: Layout,
  language: Language,
  texts?: TextSources,
): (account: Account) => DraftBlock[] {
  const compiled = letterTexts(layout, language, texts);
  const shared = new Map<string, Run[]>();
  return (account) => {
    const text = compiled(variantOf(account));
    return draftBlocksOf(fillTemplate(text.body, { settings, account, language }), account, shared);
  };
}
