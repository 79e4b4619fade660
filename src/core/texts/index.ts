// The referent's texts (issue 17): six editable texts a language, a small template language of
// our own (data, never code), their checks in French, and the preview the sidebar draws.
export {
  TEXTS,
  TEXT_IDS,
  MAX_TEXT_LENGTH,
  MAX_SUBJECT_LENGTH,
  MAX_PROPERTY_BYTES,
  textPropertyKey,
  utf8Length,
  propertySizeProblem,
  defaultText,
  isTextId,
  joinMailSource,
  letterTextId,
  textLayout,
  mailTextId,
  splitMailSource,
  textInfo,
  textSource,
  textSourcesOf,
  type MailSource,
  type TextFormat,
  type TextId,
  type TextInfo,
  type TextSources,
} from './catalog';
export {
  MERGE_FIELDS,
  closestField,
  fieldTag,
  lookupField,
  type FieldName,
  type MergeField,
} from './fields';
export { parseTemplate, type Template, type TextProblem } from './template';
export {
  compileText,
  compileOrThrow,
  usableTexts,
  TextError,
  type CompileResult,
  type CompiledText,
} from './compile';
export { fillTemplate, type FilledLine, type FilledText, type TextRun } from './render';
export { renderMail, escapeHtml, type RenderedMail } from './mail';
export {
  checkLettersFit,
  checkTextFit,
  customTextMisfit,
  exampleAccount,
  fullestAccounts,
  type FitProblem,
} from './fit-check';
export { placeProblem, type PlacedProblem } from './problem-part';
export { previewText, type TextPreview, type TextPreviewRequest } from './preview';
