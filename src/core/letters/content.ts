// What a letter or card says to one account: the template of its variant, filled with the
// settings, and the account's own blocks (name, role, login, code) in the places it marks.
import type { Account, Layout, Settings } from '../types';
import { displayName, roleParts, type Language } from '../present';
import type { Block, LetterVariant, Run } from './model';
import { escapeMarkup, parseMarkup, unescapeHtml, type MarkupBlock } from './markup';
import frLetterNotActivated from '../../../templates/letters/fr/letter-not-activated.hbs';
import frLetterActivated from '../../../templates/letters/fr/letter-activated.hbs';
import frCardNotActivated from '../../../templates/letters/fr/card-not-activated.hbs';
import frCardActivated from '../../../templates/letters/fr/card-activated.hbs';
import enLetterNotActivated from '../../../templates/letters/en/letter-not-activated.hbs';
import enLetterActivated from '../../../templates/letters/en/letter-activated.hbs';
import enCardNotActivated from '../../../templates/letters/en/card-not-activated.hbs';
import enCardActivated from '../../../templates/letters/en/card-activated.hbs';

type Template = (context: unknown) => string;
type Format = 'letter' | 'card';

const TEMPLATES: Record<Language, Record<Format, Record<LetterVariant, Template>>> = {
  fr: {
    letter: { 'not-activated': frLetterNotActivated, activated: frLetterActivated },
    card: { 'not-activated': frCardNotActivated, activated: frCardActivated },
  },
  en: {
    letter: { 'not-activated': enLetterNotActivated, activated: enLetterActivated },
    card: { 'not-activated': enCardNotActivated, activated: enCardActivated },
  },
};

/** A block before fitting; a role line keeps its list so that it is shortened item-wise. */
export interface DraftBlock extends Block {
  list?: { prefix: string; items: string[] };
}

export function variantOf(account: Account): LetterVariant {
  return account.activated || !account.activationCode ? 'activated' : 'not-activated';
}

export interface TemplateContext {
  entName: string;
  entUrl: string;
  schoolName: string;
  contact: string;
  hasEmail: boolean;
}

/** The settings part of the context, escaped once for every letter. */
export function settingsContext(settings: Settings): Omit<TemplateContext, 'hasEmail'> {
  return {
    entName: escapeMarkup(settings.entName.normalize('NFC')),
    entUrl: escapeMarkup(settings.entUrl.normalize('NFC')),
    schoolName: escapeMarkup(settings.schoolName.normalize('NFC')),
    contact: escapeMarkup(settings.contact.normalize('NFC')),
  };
}

function block(kind: Block['kind'], runs: Run[]): DraftBlock {
  return { kind, runs, maxLines: 0, lines: [] };
}

/** Accents composed (NFC): one glyph each in the PDF, and widths the font table knows. */
function text(value: string): Run[] {
  return [{ text: value.normalize('NFC') }];
}

/**
 * Makes the drafts of a batch of letters. A template reads only the settings and whether the
 * account has an e-mail, so each variant is rendered and parsed once per batch, and its text
 * blocks are shared by every letter of that variant (the fit and the renderers rely on it).
 */
export function draftMaker(
  settings: Settings,
  layout: Layout,
  language: Language,
): (account: Account) => DraftBlock[] {
  const context = settingsContext(settings);
  const parsed = new Map<string, MarkupBlock[]>();
  return (account) => {
    const variant = variantOf(account);
    const hasEmail = account.emailStatus === 'valid';
    const key = `${variant}|${hasEmail}`;
    let markup = parsed.get(key);
    if (!markup) {
      const template = TEMPLATES[language][layout === 8 ? 'card' : 'letter'][variant];
      markup = parseMarkup(
        unescapeHtml(template({ ...context, hasEmail } satisfies TemplateContext)),
      );
      parsed.set(key, markup);
    }
    return draftBlocks(account, markup, variant, language);
  };
}

/** The blocks of one account's letter (layouts 1 and 2) or card (layout 8), not yet fitted. */
function draftBlocks(
  account: Account,
  markup: readonly MarkupBlock[],
  variant: LetterVariant,
  language: Language,
): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let step = 0;
  for (const item of markup) {
    if ('kind' in item) {
      step = item.kind === 'step' ? step + 1 : 0;
      blocks.push(
        item.kind === 'step'
          ? { ...block('step', item.runs), number: step }
          : block(item.kind, item.runs),
      );
      continue;
    }
    step = 0;
    const label = item.label.length > 0 ? [block('label', item.label)] : [];
    if (item.directive === 'name') {
      blocks.push(block('name', text(displayName(account) || account.login)));
    } else if (item.directive === 'role') {
      const parts = roleParts(account, language);
      const list = {
        prefix: parts.prefix.normalize('NFC'),
        items: parts.items.map((item) => item.normalize('NFC')),
      };
      blocks.push({ ...block('role', text(list.prefix + list.items.join(', '))), list });
    } else if (item.directive === 'login') {
      blocks.push(...label, block('login', text(account.login)));
    } else if (variant === 'not-activated' && account.activationCode) {
      blocks.push(...label, block('code', text(account.activationCode)));
    }
  }
  return blocks;
}
