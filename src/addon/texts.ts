// The referent's texts (issue 17), kept with the spreadsheet in its document properties: one key
// per language and text (`publipostage.text.fr.card-not-activated`), an absent key meaning the
// default. Every text is checked before it is written (compileText, the property's size, and
// for a letter or a card, the fit on the selection's fullest accounts).
import type {
  MergeFieldView,
  Reply,
  SaveTextRequest,
  TextExamples,
  TextExamplesRequest,
  TextView,
  TextsView,
} from '../core/contract';
import type { Language } from '../core/present';
import { accountsOrExamples, examplesByVariant } from '../core/text-examples';
import {
  MAX_TEXT_LENGTH,
  MERGE_FIELDS,
  TEXTS,
  checkTextFit,
  compileText,
  defaultText,
  fieldTag,
  isTextId,
  propertySizeProblem,
  textInfo,
  textLayout,
  textPropertyKey,
  type TextId,
  type TextSources,
} from '../core/texts';
import { normalizeSource } from '../core/texts/template';
import type { Account } from '../core/types';
import { fail, language as userLanguage, readSelection } from './selection';
import { readSettings } from './settings';

function store() {
  return PropertiesService.getDocumentProperties();
}

const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';

/** The customised texts of a language, from one read of the document's properties. */
export function readTexts(language: Language, all = store().getProperties()): TextSources {
  const texts: TextSources = {};
  for (const info of TEXTS) {
    const value = all[textPropertyKey(language, info.id)];
    if (typeof value === 'string') texts[info.id] = value;
  }
  return texts;
}

function view(language: Language, id: TextId, custom: string | undefined): TextView {
  const info = textInfo(id);
  const defaultSource = defaultText(language, id);
  return {
    id,
    language,
    format: info.format,
    variant: info.variant,
    label: info.label,
    source: custom ?? defaultSource,
    defaultSource,
    customised: custom !== undefined,
  };
}

function fields(language: Language): MergeFieldView[] {
  return MERGE_FIELDS.map((field) => ({
    tag: fieldTag(field.name, language),
    label: field.label[language],
    description: field.description[language],
  }));
}

export function getTexts(language: Language | null): Reply<TextsView> {
  const lang = isLanguage(language) ? language : userLanguage();
  const texts = readTexts(lang);
  return {
    ok: true,
    value: {
      language: lang,
      texts: TEXTS.map((info) => view(lang, info.id, texts[info.id])),
      fields: fields(lang),
      maxLength: MAX_TEXT_LENGTH,
    },
  };
}

/**
 * The accounts a letter text is checked on: the selection's, else (no selection, or one that
 * cannot be read now: the text is the referent's work, not to be lost) the built-in examples.
 */
function fitAccounts(request: SaveTextRequest): readonly Account[] {
  if (!request.selection) return accountsOrExamples([]);
  const selection = readSelection(SpreadsheetApp.getActiveSpreadsheet(), request.selection);
  return accountsOrExamples(selection.ok ? selection.value.accounts : []);
}

export function saveText(request: SaveTextRequest): Reply<TextView> {
  const { language, id } = request;
  if (!isLanguage(language) || !isTextId(id) || typeof request.source !== 'string') {
    return fail('Texte inconnu\u00a0: rechargez le panneau.');
  }
  const source = normalizeSource(request.source);
  const compiled = compileText(language, id, source);
  if (!compiled.ok) return fail(compiled.problems.map((problem) => problem.message).join('\n'));
  const tooLarge = propertySizeProblem(id, source);
  if (tooLarge) return fail(tooLarge);
  const info = textInfo(id);
  if (info.format !== 'mail') {
    const accounts = fitAccounts(request);
    const problem = checkTextFit(
      compiled.text,
      accounts,
      readSettings(),
      textLayout(id, request.layout),
      language,
    );
    if (problem) return fail(problem.message);
  }
  try {
    store().setProperty(textPropertyKey(language, id), source);
  } catch (error) {
    return fail(
      `Le texte «\u00a0${info.label}\u00a0» n’a pas pu être enregistré (${String((error as Error)?.message ?? error)}). Les textes déjà enregistrés sont gardés.`,
    );
  }
  return { ok: true, value: view(language, id, source) };
}

/** « Rétablir le texte par défaut ». */
export function resetText(language: Language, id: TextId): Reply<TextView> {
  if (!isLanguage(language) || !isTextId(id))
    return fail('Texte inconnu\u00a0: rechargez le panneau.');
  store().deleteProperty(textPropertyKey(language, id));
  return { ok: true, value: view(language, id, undefined) };
}

const EXAMPLES_PER_VARIANT = 5;

/** The selection's fullest accounts of each variant (the picked one first), for the preview. */
export function getTextExamples(request: TextExamplesRequest): Reply<TextExamples> {
  const selection = readSelection(SpreadsheetApp.getActiveSpreadsheet(), request.selection);
  if (!selection.ok) return selection;
  const accounts = examplesByVariant(selection.value.accounts, request.login, EXAMPLES_PER_VARIANT);
  return { ok: true, value: { settings: readSettings(), accounts } };
}
