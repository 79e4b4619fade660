// The e-mail of one account (SPEC §5): subject, plain text and HTML from the referent's text of
// its variant (src/core/texts: activated = reminder and reset procedure, not activated = login
// and code), the HTML built from the same lines by the core, every value escaped.
import { displayName, type Language } from '../present';
import type { Account, Settings } from '../types';
import { headerText, isSendableAddress } from './address';
import { mailTextId, textSource, type TextSources } from '../texts/catalog';
import { compileOrThrow, type CompiledText } from '../texts/compile';
import { renderMail } from '../texts/mail';
import { variantOf } from '../letters/content';

/** One message, ready for GmailApp.sendEmail or the .eml writer. Plain data. */
export interface MailMessage {
  login: string;
  /** The only recipient, checked by isSendableAddress. */
  to: string;
  /** The recipient's name for a `To` header, without control characters. */
  toName: string;
  subject: string;
  text: string;
  html: string;
  /** Sender's display name (GmailApp's `name` option). */
  fromName: string;
  replyTo: string | null;
}

export interface MessageOptions {
  language: Language;
  /** The referent's texts of this language; a missing one is the default. */
  texts?: TextSources;
  /** The campaign's id: the message then carries its reference (`messageReference`). */
  campaignId?: string;
}

/** FNV-1a over UTF-16 code units, 32 bits, with a seed: pure, the same in Apps Script and Node. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A short reference unique to a campaign and an account, printed at the end of the message and
 * searched for in the Sent folder when a step must know whether the message left: it does not
 * change with the settings (the subject does), so a resume after the ENT's name changed still
 * finds what was sent. « PE- » and 12 base-36 characters (two 32-bit hashes).
 */
export function messageReference(campaignId: string, login: string): string {
  const key = `${campaignId}\u0000${login}`;
  const part = (seed: number) => fnv1a(key, seed).toString(36).padStart(7, '0').slice(-6);
  return `PE-${part(1)}${part(2)}`.toUpperCase();
}

/** The sender's name: the settings' one, else the school's. */
export function senderName(settings: Settings): string {
  return headerText(settings.senderName ?? '') || headerText(settings.schoolName);
}

/** The message of an account that has a sendable address; anything else is a programming error. */
export function buildMessage(
  account: Account,
  settings: Settings,
  options: MessageOptions,
): MailMessage {
  const to = (account.email ?? '').trim();
  if (!isSendableAddress(to)) {
    throw new Error(`buildMessage: the address of ${account.login} cannot be sent to`);
  }
  const reference = options.campaignId ? messageReference(options.campaignId, account.login) : '';
  return renderMessage(account, settings, options.language, to, reference, options.texts);
}

/** Compiled texts by language, id and wording: a campaign compiles each of its texts once. */
const compiled = new Map<string, CompiledText>();

function compiledMailText(
  language: Language,
  account: Account,
  texts: TextSources | undefined,
): CompiledText {
  const id = mailTextId(variantOf(account));
  const source = textSource(texts, language, id);
  const key = `${language}\u0000${id}\u0000${source}`;
  let text = compiled.get(key);
  if (!text) {
    if (compiled.size >= 24) compiled.clear();
    text = compileOrThrow(language, id, source);
    compiled.set(key, text);
  }
  return text;
}

function renderMessage(
  account: Account,
  settings: Settings,
  language: Language,
  to: string,
  reference = '',
  texts?: TextSources,
): MailMessage {
  const rendered = renderMail(
    compiledMailText(language, account, texts),
    { account, settings, language },
    reference,
  );
  const replyTo = (settings.replyTo ?? '').trim();
  return {
    login: account.login,
    to,
    toName: headerText(displayName(account)),
    subject: headerText(rendered.subject),
    text: rendered.text,
    html: rendered.html,
    fromName: senderName(settings),
    replyTo: isSendableAddress(replyTo) ? replyTo : null,
  };
}

/** The two accounts « M'envoyer un test » shows: one to activate, one already activated. */
export function exampleAccounts(): Account[] {
  const base: Account = {
    row: 0,
    login: 'camille.exemple',
    originalLogin: 'camille.exemple',
    lastName: 'EXEMPLE',
    firstName: 'Camille',
    profile: 'Teacher',
    activated: false,
    activationCode: 'a7k2m9q',
    email: null,
    emailStatus: 'missing',
    classes: ['6EME 1'],
    levels: ['6EME'],
    children: [],
    functions: [],
    localAdmin: false,
    blocked: false,
    createdAt: null,
  };
  return [
    base,
    {
      ...base,
      login: 'dominique.exemple',
      firstName: 'Dominique',
      activated: true,
      activationCode: null,
    },
  ];
}

/**
 * « M'envoyer un test »: the not-activated then the activated example, both to the referent's
 * own address, subject prefixed [TEST].
 */
export function buildTestMessages(
  settings: Settings,
  referentAddress: string,
  language: Language,
  texts?: TextSources,
): MailMessage[] {
  const to = referentAddress.trim();
  if (!isSendableAddress(to)) {
    throw new Error('buildTestMessages: the referent address cannot be sent to');
  }
  return exampleAccounts().map((account) => {
    const message = renderMessage(account, settings, language, to, '', texts);
    return { ...message, subject: `[TEST] ${message.subject}` };
  });
}
