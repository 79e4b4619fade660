// The text editor's one door to the core's texts (src/core/texts) and to their storage: the six
// variants, the merge fields, the checks and the rendering of a letter or an e-mail for one
// account. The sidebar runs the same core code as the server, so the preview needs no round trip.
import type { Reply } from '../src/core/contract';
import { buildLetters, type LetterDocument, type LetterVariant } from '../src/core/letters';
import { buildMessage, type MailMessage } from '../src/core/mail/message';
import type { Language } from '../src/core/present';
import type { Account, Layout, Settings } from '../src/core/types';

export type TextFormat = 'card' | 'letter' | 'mail';

export interface TextVariant {
  /** The stored text's name: « card-not-activated »… */
  key: string;
  format: TextFormat;
  variant: LetterVariant;
}

export const TEXT_VARIANTS: readonly TextVariant[] = (['card', 'letter', 'mail'] as const).flatMap(
  (format) =>
    (['not-activated', 'activated'] as const).map((variant) => ({
      key: `${format}-${variant}`,
      format,
      variant,
    })),
);

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
  /** What is inserted: « {{prénom}} ». */
  tag: string;
  label: string;
  description: string;
}

export interface StoredText {
  text: EditedText;
  /** False while the text is the default one. */
  custom: boolean;
}

const FIELDS = [
  'prénom',
  'nom',
  'identifiant',
  'code',
  'classes',
  'enfants',
  'adresse_ent',
  'nom_ent',
  'établissement',
  'contact',
];

export function fieldChoices(language: Language): FieldChoice[] {
  void language;
  return FIELDS.map((name) => ({ tag: `{{${name}}}`, label: name, description: name }));
}

export function checkText(variant: TextVariant, text: EditedText, language: Language): TextIssue[] {
  void language;
  const issues: TextIssue[] = [];
  for (const part of ['subject', 'body'] as const) {
    for (const match of text[part].matchAll(/\{\{([^}]*)\}\}/g)) {
      if (!FIELDS.includes(match[1]!.trim()))
        issues.push({ part, message: `Le champ « {{${match[1]}}} » n’existe pas.` });
    }
  }
  if (!text.body.includes('{{identifiant}}'))
    issues.push({ part: 'body', message: 'Il manque « {{identifiant}} ».' });
  if (variant.variant === 'not-activated' && !text.body.includes('{{code}}'))
    issues.push({ part: 'body', message: 'Il manque « {{code}} ».' });
  return issues;
}

export type Rendered<T> = { ok: true; value: T } | { ok: false; message: string };

export function renderLetter(
  variant: TextVariant,
  text: EditedText,
  settings: Settings,
  layout: Layout,
  account: Account,
  language: Language,
): Rendered<LetterDocument> {
  void variant;
  void text;
  return { ok: true, value: buildLetters([account], settings, layout, { language }) };
}

export function renderMail(
  variant: TextVariant,
  text: EditedText,
  settings: Settings,
  account: Account,
  language: Language,
): Rendered<MailMessage> {
  void variant;
  void text;
  const to = account.email ?? 'exemple@example.org';
  return { ok: true, value: buildMessage({ ...account, email: to }, settings, { language }) };
}

const stored = new Map<string, StoredText>();

function defaults(): Record<string, StoredText> {
  return Object.fromEntries(
    TEXT_VARIANTS.map((variant) => [
      variant.key,
      stored.get(variant.key) ?? {
        text: {
          subject: variant.format === 'mail' ? '{{nom_ent}} : vos identifiants' : '',
          body: `{{prénom}} {{nom}}\n{{identifiant}}\n${variant.variant === 'not-activated' ? '{{code}}\n' : ''}`,
        },
        custom: false,
      },
    ]),
  );
}

export function loadTexts(): Promise<Reply<Record<string, StoredText>>> {
  return Promise.resolve({ ok: true, value: defaults() });
}

export function saveText(variant: TextVariant, text: EditedText): Promise<Reply<StoredText>> {
  const value = { text, custom: true };
  stored.set(variant.key, value);
  return Promise.resolve({ ok: true, value });
}

export function resetText(variant: TextVariant): Promise<Reply<StoredText>> {
  stored.delete(variant.key);
  return Promise.resolve({ ok: true, value: defaults()[variant.key]! });
}
