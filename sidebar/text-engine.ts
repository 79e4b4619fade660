// The text editor's one door to the core's texts (src/core/texts) and to their storage: the six
// texts, the merge fields, and the preview of one account's letter, card or e-mail, checks
// included. The sidebar runs the very core code the server runs, so a keystroke needs no call.
import type { Reply } from '../src/core/contract';
import type { LetterDocument } from '../src/core/letters';
import { isSendableAddress } from '../src/core/mail/address';
import { senderName } from '../src/core/mail/message';
import { displayName, type Language } from '../src/core/present';
import {
  MERGE_FIELDS,
  TEXTS,
  defaultText,
  fieldTag,
  joinMailSource,
  previewText,
  splitMailSource,
  type TextInfo,
} from '../src/core/texts';
import type { Account, Layout, Settings } from '../src/core/types';

export type TextVariant = TextInfo;
export const TEXT_VARIANTS: readonly TextVariant[] = TEXTS;

/** What the referent edits: an e-mail has a subject, a letter or card only its text. */
export interface EditedText {
  subject: string;
  body: string;
}

export interface TextIssue {
  part: 'subject' | 'body';
  message: string;
}

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

/**
 * Problems of an e-mail said of what the referent sees: the subject field, and the text's own
 * lines (the core counts the lines of the stored form, where the body starts after the subject).
 */
function issueOf(
  variant: TextVariant,
  problem: { line: number | null; message: string },
  bodyLine: number,
): TextIssue {
  if (variant.format !== 'mail' || problem.line === null) {
    return { part: 'body', message: problem.message };
  }
  if (problem.line < bodyLine) {
    return {
      part: 'subject',
      message: problem.message.replace(/^Ligne \d+\s*:\s*/, 'Objet\u00a0: '),
    };
  }
  const line = problem.line - bodyLine + 1;
  return { part: 'body', message: problem.message.replace(/^Ligne \d+/, `Ligne ${line}`) };
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
    const { bodyLine } = splitMailSource(source);
    return {
      kind: 'none',
      issues: preview.problems.map((problem) =>
        issueOf(variant, problem, variant.format === 'mail' ? bodyLine : 1),
      ),
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

// ---- storage: stand-in until the add-on's texts API is merged ---------------------------------

const stored = new Map<string, string>();

function texts(language: Language): Record<string, StoredText> {
  return Object.fromEntries(
    TEXT_VARIANTS.map((variant) => {
      const custom = stored.get(variant.id);
      const source = custom ?? defaultText(language, variant.id);
      return [variant.id, { text: editedOf(variant, source), custom: custom !== undefined }];
    }),
  );
}

export function loadTexts(language: Language): Promise<Reply<Record<string, StoredText>>> {
  return Promise.resolve({ ok: true, value: texts(language) });
}

export function saveText(
  variant: TextVariant,
  text: EditedText,
  language: Language,
): Promise<Reply<StoredText>> {
  stored.set(variant.id, sourceOf(variant, text));
  return Promise.resolve({ ok: true, value: texts(language)[variant.id]! });
}

export function resetText(variant: TextVariant, language: Language): Promise<Reply<StoredText>> {
  stored.delete(variant.id);
  return Promise.resolve({ ok: true, value: texts(language)[variant.id]! });
}
