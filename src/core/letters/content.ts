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
import { fallbackName, fieldValue, type FieldName, type FieldValue } from '../texts/fields';
import {
  ACCOUNT_FIELDS,
  fillTemplateWith,
  isLabel,
  lineText,
  type FilledLine,
  type FilledText,
  type Values,
} from '../texts/render';
import { allFields } from '../texts/template';

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

/** A block of the text, and the line it comes from (to fill it again for another account). */
interface Planned {
  block: DraftBlock;
  line: FilledLine;
}

/** The blocks' kinds, labels, step numbers and the lines they come from. */
function plan(filled: FilledText): Planned[] {
  const planned: Planned[] = [];
  let step = 0;
  // One box, name and role line each: a second one is a paragraph (the fit may shorten it).
  const seen = new Set<Block['kind']>();
  const first = (kind: Block['kind']) => !seen.has(kind) && (seen.add(kind), true);
  for (const line of filled) {
    if (line === null) continue;
    const only = line.only;
    const box = only && only.length === 1 ? only[0]! : null;
    let made: DraftBlock;
    if ((box === 'identifiant' || box === 'code') && first(box === 'code' ? 'code' : 'login')) {
      const previous = planned[planned.length - 1];
      if (previous && previous.block.wording && isLabel(previous.line)) {
        previous.block.kind = 'label';
      }
      made = block(box === 'identifiant' ? 'login' : 'code', [{ text: lineText(line) }]);
    } else if (only && only.every((field) => NAME_FIELDS.has(field)) && first('name')) {
      made = block('name', [{ text: lineText(line).trim() }]);
    } else if (box === 'profil_classes' && first('role')) {
      made = block('role', [{ text: lineText(line) }]);
    } else {
      made = block(line.kind, plainRuns(line));
      made.wording = true;
    }
    if (line.list) made.list = line.list;
    step = made.kind === 'step' ? step + 1 : 0;
    if (made.kind === 'step') made.number = step;
    planned.push({ block: made, line });
  }
  return planned;
}

/** A planned block for one account: the name falls back to the login, as it always did. */
function finish(planned: Planned, account: Account): DraftBlock {
  const { block: made } = planned;
  if (made.kind === 'name' && textOf(made) === '') {
    return { ...made, runs: [{ text: fallbackName(account) }] };
  }
  return made;
}

const textOf = (made: { runs: Run[] }) => made.runs.map((run) => run.text).join('');

/** Reads a filled text into draft blocks (the preview and the fit check read one account). */
export function draftBlocksOf(filled: FilledText, account: Account): DraftBlock[] {
  return plan(filled).map((planned) => finish(planned, account));
}

const LIST_FIELDS: ReadonlySet<FieldName> = new Set(['classes', 'enfants', 'profil_classes']);

/** A planned block filled with an account's values; a line without them is shared as it is. */
function instantiate(planned: Planned, values: Values, account: Account): DraftBlock {
  const { block: shape, line } = planned;
  if (!line.personal) return shape;
  const runs = line.runs.map((run) =>
    run.field && ACCOUNT_FIELDS.has(run.field) ? { ...run, text: values(run.field).text } : run,
  );
  const filled: FilledLine = { ...line, runs };
  const made: DraftBlock = {
    ...shape,
    runs: shape.wording ? plainRuns(filled) : [{ text: lineText(filled) }],
  };
  delete made.list;
  const last = runs[runs.length - 1];
  const list = last?.field && LIST_FIELDS.has(last.field) ? values(last.field).list : undefined;
  if (list && list.items.length > 0 && runs.every((run) => !run.bold)) {
    const head = runs
      .slice(0, -1)
      .map((run) => run.text)
      .join('');
    made.list = { prefix: head + list.prefix, items: list.items };
  }
  return finish({ block: made, line: filled }, account);
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
 * Makes the drafts of a batch of letters. What a text makes of an account depends on its values
 * only through which of them are empty (lines that go, conditions): the text is planned once per
 * variant and pattern of empty fields, the lines without the account's fields shared by every
 * letter (fit.ts fits them once), and each letter fills only its own lines.
 */
export function draftMaker(
  settings: Settings,
  layout: Layout,
  language: Language,
  texts?: TextSources,
): (account: Account) => DraftBlock[] {
  const compiled = letterTexts(layout, language, texts);
  const plans = new Map<string, Planned[]>();
  const used = new Map<CompiledText, FieldName[]>();
  return (account) => {
    const variant = variantOf(account);
    const text = compiled(variant);
    let fields = used.get(text);
    if (!fields) {
      fields = [...allFields(text.body)].filter((field) => ACCOUNT_FIELDS.has(field));
      used.set(text, fields);
    }
    const context = { settings, account, language };
    const cache = new Map<FieldName, FieldValue>();
    const values: Values = (field) => {
      let value = cache.get(field);
      if (!value) {
        value = fieldValue(field, context);
        cache.set(field, value);
      }
      return value;
    };
    const key = `${variant}:${fields.map((field) => (values(field).text === '' ? 0 : 1)).join('')}`;
    let planned = plans.get(key);
    if (!planned) {
      // Account fields stand for themselves (empty or not); the settings are the batch's.
      const symbolic: Values = (field) =>
        ACCOUNT_FIELDS.has(field)
          ? { text: values(field).text === '' ? '' : '\u0001' }
          : values(field);
      planned = plan(fillTemplateWith(text.body, symbolic));
      plans.set(key, planned);
    }
    return planned.map((item) => instantiate(item, values, account));
  };
}
