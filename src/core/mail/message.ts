// The e-mail of one account (SPEC §5): subject, plain text and HTML from the Handlebars templates
// of templates/mail, variant activated (reminder and reset procedure) or not (login and code).
import frSubject from '../../../templates/mail/fr.subject.hbs';
import frText from '../../../templates/mail/fr.text.hbs';
import frHtml from '../../../templates/mail/fr.html.hbs';
import enSubject from '../../../templates/mail/en.subject.hbs';
import enText from '../../../templates/mail/en.text.hbs';
import enHtml from '../../../templates/mail/en.html.hbs';
import { displayName, roleField, roleLine, type Language } from '../present';
import type { Account, Settings } from '../types';
import { headerText, isSendableAddress } from './address';

type Template = (context: unknown) => string;

const TEMPLATES: Record<Language, { subject: Template; text: Template; html: Template }> = {
  fr: { subject: frSubject, text: frText, html: frHtml },
  en: { subject: enSubject, text: enText, html: enHtml },
};

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

/** Collapses the blank lines that template blocks leave, and ends the text with one newline. */
function tidyText(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
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
  return renderMessage(account, settings, options.language, to, reference);
}

function renderMessage(
  account: Account,
  settings: Settings,
  language: Language,
  to: string,
  reference = '',
): MailMessage {
  const templates = TEMPLATES[language];
  // Every value on one line: a line break inside a cell would break the message's layout.
  const entUrl = headerText(settings.entUrl);
  const role = roleField(account, language);
  const context = {
    activated: account.activated,
    name: headerText(displayName(account)),
    role: headerText(roleLine(account, language)),
    // « Compte » or « Responsable de », and what follows it: no « Compte : Responsable de : ».
    roleLabel: headerText(role.label),
    roleValue: headerText(role.value),
    login: headerText(account.login),
    activationCode: headerText(account.activationCode ?? ''),
    entName: headerText(settings.entName),
    entUrl,
    // Only a web address becomes a link: a `javascript:` value stays plain text.
    entHref: /^https?:\/\/[^\s"'<>]+$/i.test(entUrl) ? entUrl : '',
    schoolName: headerText(settings.schoolName),
    contact: headerText(settings.contact),
    reference,
    subject: '',
  };
  const subject = headerText(templates.subject(context));
  context.subject = subject;
  const replyTo = (settings.replyTo ?? '').trim();
  return {
    login: account.login,
    to,
    toName: context.name,
    subject,
    text: tidyText(templates.text(context)),
    html: templates.html(context),
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
): MailMessage[] {
  const to = referentAddress.trim();
  if (!isSendableAddress(to)) {
    throw new Error('buildTestMessages: the referent address cannot be sent to');
  }
  return exampleAccounts().map((account) => {
    const message = renderMessage(account, settings, language, to);
    return { ...message, subject: `[TEST] ${message.subject}` };
  });
}
