// The six editable texts of a language (issue 17): letter, card and e-mail, each for an account
// to activate and an account already activated. Defaults are plain files of templates/{fr,en},
// bundled as strings.
import type { Language } from '../present';
import type { Layout } from '../types';
import type { LetterVariant } from '../letters/model';
import frLetterNotActivated from '../../../templates/fr/letter-not-activated.txt';
import frLetterActivated from '../../../templates/fr/letter-activated.txt';
import frCardNotActivated from '../../../templates/fr/card-not-activated.txt';
import frCardActivated from '../../../templates/fr/card-activated.txt';
import frMailNotActivated from '../../../templates/fr/mail-not-activated.txt';
import frMailActivated from '../../../templates/fr/mail-activated.txt';
import enLetterNotActivated from '../../../templates/en/letter-not-activated.txt';
import enLetterActivated from '../../../templates/en/letter-activated.txt';
import enCardNotActivated from '../../../templates/en/card-not-activated.txt';
import enCardActivated from '../../../templates/en/card-activated.txt';
import enMailNotActivated from '../../../templates/en/mail-not-activated.txt';
import enMailActivated from '../../../templates/en/mail-activated.txt';

/** What a text is for: a letter (layouts 1 and 2), a card (layout 8), an e-mail. */
export type TextFormat = 'letter' | 'card' | 'mail';

export type TextId =
  | 'letter-not-activated'
  | 'letter-activated'
  | 'card-not-activated'
  | 'card-activated'
  | 'mail-not-activated'
  | 'mail-activated';

export interface TextInfo {
  id: TextId;
  format: TextFormat;
  variant: LetterVariant;
  /** The name the sidebar and the messages give it. */
  label: string;
  /** The file `--templates DIR` reads it from. */
  file: string;
}

export const TEXT_IDS: readonly TextId[] = [
  'letter-not-activated',
  'letter-activated',
  'card-not-activated',
  'card-activated',
  'mail-not-activated',
  'mail-activated',
];

const LABELS: Record<TextId, string> = {
  'letter-not-activated': 'Courrier – compte non activé',
  'letter-activated': 'Courrier – compte déjà activé',
  'card-not-activated': 'Carte – compte non activé',
  'card-activated': 'Carte – compte déjà activé',
  'mail-not-activated': 'Courriel – compte non activé',
  'mail-activated': 'Courriel – compte déjà activé',
};

export function textInfo(id: TextId): TextInfo {
  const [format, ...rest] = id.split('-');
  return {
    id,
    format: format as TextFormat,
    variant: rest.join('-') as LetterVariant,
    label: LABELS[id],
    file: `${id}.txt`,
  };
}

/** Every text, in the order the sidebar lists them. */
export const TEXTS: readonly TextInfo[] = TEXT_IDS.map(textInfo);

/** A text id written by a caller (a property key, a request): only the six known ones. */
export function isTextId(value: unknown): value is TextId {
  return typeof value === 'string' && (TEXT_IDS as readonly string[]).includes(value);
}

/** Layouts 1 and 2 print the letter, layout 8 the card. */
export function letterTextId(layout: Layout, variant: LetterVariant): TextId {
  return `${layout === 8 ? 'card' : 'letter'}-${variant}`;
}

/** The layout a letter or card text is drawn in: a card always in 8, a letter in 2 if asked, else 1. */
export function textLayout(id: TextId, requested: Layout | null | undefined): Layout {
  if (textInfo(id).format === 'card') return 8;
  return requested === 2 ? 2 : 1;
}

export function mailTextId(variant: LetterVariant): TextId {
  return `mail-${variant}`;
}

const DEFAULTS: Record<Language, Record<TextId, string>> = {
  fr: {
    'letter-not-activated': frLetterNotActivated,
    'letter-activated': frLetterActivated,
    'card-not-activated': frCardNotActivated,
    'card-activated': frCardActivated,
    'mail-not-activated': frMailNotActivated,
    'mail-activated': frMailActivated,
  },
  en: {
    'letter-not-activated': enLetterNotActivated,
    'letter-activated': enLetterActivated,
    'card-not-activated': enCardNotActivated,
    'card-activated': enCardActivated,
    'mail-not-activated': enMailNotActivated,
    'mail-activated': enMailActivated,
  },
};

/** The text as shipped, line feeds only and without the file's last newline. */
export function defaultText(language: Language, id: TextId): string {
  return DEFAULTS[language][id].replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** Customised texts of one language: a missing one is the default. */
export type TextSources = Partial<Record<TextId, string>>;

/** The texts of a stored JSON object: a known text id with a string, anything else dropped. */
export function textSourcesOf(parsed: unknown): TextSources {
  const texts: TextSources = {};
  if (typeof parsed !== 'object' || parsed === null) return texts;
  for (const [key, value] of Object.entries(parsed)) {
    if (isTextId(key) && typeof value === 'string') texts[key] = value;
  }
  return texts;
}

/** The text in use: the customised one, else the default. */
export function textSource(texts: TextSources | undefined, language: Language, id: TextId): string {
  const custom = texts?.[id];
  return typeof custom === 'string' ? custom : defaultText(language, id);
}

/**
 * Longest text, in UTF-16 code units (JavaScript's `length`). One text is one document property,
 * and Apps Script caps a value at 9 kB (9,216 bytes, docs/EMULATOR.md); a code unit takes at most
 * 3 bytes in UTF-8 (a character outside the BMP is 2 units and 4 bytes), so 3,000 units stay
 * under 9,000 bytes whatever the text.
 */
export const MAX_TEXT_LENGTH = 3000;

/** Longest subject of an e-mail, in characters: a subject is one line a mail client shows. */
export const MAX_SUBJECT_LENGTH = 200;

/** An e-mail's text: its first line is the subject, then a blank line, then the body. */
export interface MailSource {
  subject: string;
  body: string;
  /** The line of the file the body starts on (from 1). */
  bodyLine: number;
  /** The line after the subject is not blank. */
  missingBlank: boolean;
}

export function splitMailSource(source: string): MailSource {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const subject = lines[0] ?? '';
  if (lines.length === 1) return { subject, body: '', bodyLine: 2, missingBlank: false };
  const missingBlank = (lines[1] ?? '').trim() !== '';
  const start = missingBlank ? 1 : 2;
  return { subject, body: lines.slice(start).join('\n'), bodyLine: start + 1, missingBlank };
}

/** The one text of an e-mail, as stored and as a file: subject, blank line, body. */
export function joinMailSource(subject: string, body: string): string {
  return `${subject.replace(/[\r\n]+/g, ' ')}\n\n${body}`;
}

/** Apps Script's cap on one property value, in UTF-8 bytes (9 kB, docs/EMULATOR.md). */
export const MAX_PROPERTY_BYTES = 9216;

/** A text's size in UTF-8, as the property store counts it (a lone surrogate as 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Why the text cannot be stored in one document property (too many bytes), or null. */
export function propertySizeProblem(id: TextId, source: string): string | null {
  const bytes = utf8Length(source);
  if (bytes <= MAX_PROPERTY_BYTES) return null;
  return `Le texte «\u00a0${textInfo(id).label}\u00a0» fait ${bytes} octets\u00a0: une propriété du classeur en contient au plus ${MAX_PROPERTY_BYTES}. Raccourcissez-le.`;
}

/** The document property holding a customised text: one key per language and text. */
export function textPropertyKey(language: Language, id: TextId): string {
  return `publipostage.text.${language}.${id}`;
}
