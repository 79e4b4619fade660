// The text editor's one door to the core's texts (src/core/texts) and to their storage: the six
// texts, the merge fields, and the preview of one account's letter, card or e-mail, checks
// included. The sidebar runs the very core code the server runs, so a keystroke needs no call.
import type { Reply, SelectionRequest, TextView } from '../src/core/contract';
import type { LetterDocument } from '../src/core/letters';
import { isSendableAddress } from '../src/core/mail/address';
import { senderName } from '../src/core/mail/message';
import { displayName, type Language } from '../src/core/present';
import {
  MERGE_FIELDS,
  TEXTS,
  fieldTag,
  joinMailSource,
  placeProblem,
  previewText,
  splitMailSource,
  textInfo,
  type PlacedProblem,
  type TextInfo,
} from '../src/core/texts';
import type { Account, Layout, Settings } from '../src/core/types';
import { callServer } from './server';

export type TextVariant = TextInfo;
export type TextFormat = TextInfo['format'];
export const TEXT_VARIANTS: readonly TextVariant[] = TEXTS;

/** What the referent edits: an e-mail has a subject, a letter or card only its text. */
export interface EditedText {
  subject: string;
  body: string;
}

export type TextIssue = PlacedProblem;

export interface FieldChoice {
  /** What is inserted: « {{prénom}} » (« {{first_name}} » in English). */
  tag: string;
  label: string;
  description: string;
}

export interface StoredText {
  text: EditedText;
  /** False while the text is the default one. */
  custom: boolean;
}

/** The e-mail as it arrives: the core's subject and parts, with the headers the sidebar shows. */
export interface PreviewMail {
  fromName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type TextPreview =
  | { kind: 'letter'; letters: LetterDocument; issues: TextIssue[] }
  | { kind: 'mail'; mail: PreviewMail; issues: TextIssue[] }
  | { kind: 'none'; issues: TextIssue[] };

export function fieldChoices(language: Language): FieldChoice[] {
  return MERGE_FIELDS.map((field) => ({
    tag: fieldTag(field.name, language),
    label: field.label[language],
    description: field.description[language],
  }));
}

/** The stored form: an e-mail is one text, its subject on the first line. */
export function sourceOf(variant: TextVariant, text: EditedText): string {
  return variant.format === 'mail' ? joinMailSource(text.subject, text.body) : text.body;
}

export function editedOf(variant: TextVariant, source: string): EditedText {
  if (variant.format !== 'mail') return { subject: '', body: source };
  const { subject, body } = splitMailSource(source);
  return { subject, body };
}

/** The preview of a text for one account: what to draw, and what stops it being saved. */
export function previewOf(
  variant: TextVariant,
  text: EditedText,
  settings: Settings,
  layout: Layout,
  account: Account,
  language: Language,
): TextPreview {
  const source = sourceOf(variant, text);
  const preview = previewText({ language, id: variant.id, source, settings, layout, account });
  if (!preview.ok) {
    return {
      kind: 'none',
      issues: preview.problems.map((problem) => placeProblem(variant.format, source, problem)),
    };
  }
  if (preview.kind === 'letter') {
    const issues: TextIssue[] = preview.fit ? [{ part: 'body', message: preview.fit.message }] : [];
    return { kind: 'letter', letters: preview.document, issues };
  }
  const address = (account.email ?? '').trim();
  const name = displayName(account);
  const to = isSendableAddress(address) ? address : `${account.login}@…`;
  return {
    kind: 'mail',
    mail: { ...preview.mail, fromName: senderName(settings), to: name ? `${name} <${to}>` : to },
    issues: [],
  };
}

// ---- storage: the add-on's texts (src/addon/texts.ts), one document property each -----------

function stored(view: TextView): StoredText {
  return { text: editedOf(textInfo(view.id), view.source), custom: view.customised };
}

/** The six texts of the referent's language (customised or default), and that language. */
export async function loadTexts(): Promise<
  Reply<{ language: Language; texts: Record<string, StoredText> }>
> {
  const reply = await callServer('getTexts', null);
  if (!reply.ok) return reply;
  const texts = Object.fromEntries(reply.value.texts.map((view) => [view.id, stored(view)]));
  return { ok: true, value: { language: reply.value.language, texts } };
}

/** Saved once the server has checked it again, the fit on the selection's fullest accounts. */
export async function saveText(
  variant: TextVariant,
  text: EditedText,
  language: Language,
  selection: SelectionRequest,
  layout: Layout,
): Promise<Reply<StoredText>> {
  const reply = await callServer('saveText', {
    language,
    id: variant.id,
    source: sourceOf(variant, text),
    selection,
    // A letter text is checked in the layout its preview is drawn in (an A5 half is smaller).
    layout,
  });
  return reply.ok ? { ok: true, value: stored(reply.value) } : reply;
}

export async function resetText(
  variant: TextVariant,
  language: Language,
): Promise<Reply<StoredText>> {
  const reply = await callServer('resetText', language, variant.id);
  return reply.ok ? { ok: true, value: stored(reply.value) } : reply;
}
