// An e-mail as an RFC 5322 / MIME file (.eml): what the CLI's outbox holds and a mail client
// opens. UTF-8, multipart/alternative (plain text, then HTML), quoted-printable bodies, RFC 2047
// encoded-words for non-ASCII headers, CRLF line endings, no line over 998 characters.
import { createHash } from 'node:crypto';
import { headerText } from '../../core/mail/address';
import type { MailMessage } from '../../core/mail/message';

const CRLF = '\r\n';
const encoder = new TextEncoder();

export interface EmlEnvelope {
  fromAddress: string;
  /** The Date header: the injected clock's reading. */
  date: Date;
  messageId: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time, in UTC: "Tue, 01 Sep 2026 08:00:00 +0000". */
export function rfc5322Date(date: Date): string {
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ` +
    `${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:` +
    `${two(date.getUTCSeconds())} +0000`
  );
}

function shortHash(text: string, length = 12): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '.').replace(/^\.+|\.+$/g, '');
// Each part at most 64 characters (the hash keeps them distinct): a 5,000-character login must
// not make a header line over RFC 5322's 998 (issue 14 #8).
const cut = (text: string) => slug(text).slice(0, 64).replace(/\.+$/, '');

/** How every Message-ID of a campaign begins: `<campaign.`. */
export function messageIdPrefix(campaignId: string): string {
  return `<${cut(campaignId)}.`;
}

/** A Message-ID that a rerun gives again for the same campaign and login. */
export function messageIdFor(campaignId: string, login: string, domain: string): string {
  const left = [cut(campaignId), cut(login), shortHash(`${campaignId}\u0000${login}`)]
    .filter((part) => part !== '')
    .join('.');
  const right = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain) ? domain : 'publipostage.invalid';
  return `<${left}@${right}>`;
}

/** The .eml file name of a login: safe on every file system, distinct for distinct logins. */
export function emlFileName(login: string): string {
  const safe = login
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(safe);
  return safe === login && !reserved && safe !== ''
    ? `${safe}.eml`
    : `${safe || 'compte'}-${shortHash(login, 8)}.eml`;
}

/** RFC 2047 B encoded-words of at most 75 characters, never splitting a character. */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  const flush = () => {
    if (chunk !== '') words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
    bytes = 0;
  };
  for (const char of text) {
    const size = encoder.encode(char).length;
    // 45 bytes make 60 base64 characters: 12 + 60 = 72, under the 75 of RFC 2047.
    if (bytes + size > 45) flush();
    chunk += char;
    bytes += size;
  }
  flush();
  return words;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** An unstructured header value (Subject): plain when short ASCII, else encoded-words. */
function unstructured(value: string): string {
  const text = headerText(value);
  if (PLAIN_ASCII.test(text) && text.length <= 66 && !/=\?/.test(text)) return text;
  return encodedWords(text).join(`${CRLF} `);
}

/** A mailbox, "Name <address>", the name quoted or encoded as needed. */
function mailbox(name: string, address: string): string {
  const text = headerText(name);
  if (text === '') return `<${address}>`;
  if (PLAIN_ASCII.test(text) && text.length <= 60 && !/=\?/.test(text)) {
    return `"${text.replace(/[\\"]/g, '\\$&')}" <${address}>`;
  }
  return `${encodedWords(text).join(`${CRLF} `)} <${address}>`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, with CRLF line breaks and lines ≤ 76. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = encoder.encode(line);
      const tokens: string[] = [];
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const printable = byte >= 33 && byte <= 126 && byte !== 61;
        const blank = (byte === 32 || byte === 9) && !last;
        tokens.push(
          printable || blank
            ? String.fromCharCode(byte)
            : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        );
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** The whole .eml text of a message. */
export function formatEml(message: MailMessage, envelope: EmlEnvelope): string {
  // "=_" never occurs in quoted-printable output, so the boundary cannot collide with a body.
  const boundary = `=_publipostage_${shortHash(envelope.messageId, 24)}`;
  const headers = [
    `From: ${mailbox(message.fromName, envelope.fromAddress)}`,
    `To: ${mailbox(message.toName, message.to)}`,
    ...(message.replyTo ? [`Reply-To: ${message.replyTo}`] : []),
    `Subject: ${unstructured(message.subject)}`,
    `Date: ${rfc5322Date(envelope.date)}`,
    `Message-ID: ${envelope.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(body),
    ].join(CRLF);
  return [
    ...headers,
    '',
    'This is a multipart message in MIME format.',
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
