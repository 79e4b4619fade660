import { describe, expect, it } from 'vitest';
import { mailAccount as makeAccount } from '../../../test/helpers/mail-accounts';
import { parseEml } from '../../../test/helpers/eml-parser';
import { buildMessage } from '../../core/mail/message';
import type { Settings } from '../../core/types';
import {
  emlFileName,
  encodedWords,
  formatEml,
  messageIdFor,
  quotedPrintable,
  rfc5322Date,
} from './eml';

const settings: Settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.example.org',
  schoolName: 'Collège Victor Hugo',
  contact: 'Référent ENT, salle 12',
  senderName: 'Référent ENT du collège Victor Hugo',
  replyTo: 'referent@college.example.org',
};

const envelope = {
  fromAddress: 'referent@college.example.org',
  date: new Date(Date.UTC(2026, 8, 1, 8, 5, 9)),
  messageId: messageIdFor('c1', 'zoe.celik', 'college.example.org'),
};

const crlfText = (text: string) => text.replace(/\r?\n/g, '\r\n');

describe('an .eml file', () => {
  it('reads back: headers, then plain text and HTML that decode to the message', () => {
    const message = buildMessage(makeAccount(), settings, { language: 'fr' });
    const eml = parseEml(formatEml(message, envelope));
    expect(eml.header('From')).toBe(
      'Référent ENT du collège Victor Hugo <referent@college.example.org>',
    );
    expect(eml.header('To')).toBe('Zoë ÇELIK <zoe.celik@example.org>');
    expect(eml.header('Reply-To')).toBe('referent@college.example.org');
    expect(eml.header('Subject')).toBe('Mon ENT\u00a0: vos identifiants de première connexion');
    expect(eml.header('Date')).toBe('Tue, 01 Sep 2026 08:05:09 +0000');
    expect(eml.header('Message-ID')).toMatch(
      /^<c1\.zoe\.celik\.[0-9a-f]{12}@college\.example\.org>$/,
    );
    expect(eml.header('MIME-Version')).toBe('1.0');
    expect(eml.header('Content-Type')).toMatch(/^multipart\/alternative; boundary="/);
    expect(eml.parts.map((p) => p.contentType)).toEqual([
      'text/plain; charset=UTF-8',
      'text/html; charset=UTF-8',
    ]);
    expect(eml.parts[0]!.body).toBe(crlfText(message.text));
    expect(eml.parts[1]!.body).toBe(crlfText(message.html));
  });

  it('adds no header through a name with a line break', () => {
    const message = buildMessage(
      makeAccount({ firstName: 'Zoë\r\nBcc: x@evil.example', lastName: 'A\nX-Evil: 1' }),
      { ...settings, senderName: 'Réf\r\nCc: y@evil.example' },
      { language: 'fr' },
    );
    const eml = parseEml(formatEml(message, envelope));
    expect(eml.headers.map(([name]) => name)).toEqual([
      'From',
      'To',
      'Reply-To',
      'Subject',
      'Date',
      'Message-ID',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(eml.header('To')).toBe('Zoë Bcc: x@evil.example A X-Evil: 1 <zoe.celik@example.org>');
  });

  it('quotes an ASCII name with specials, and encodes long subjects without splitting letters', () => {
    const message = {
      ...buildMessage(makeAccount({ firstName: 'Jo "Jr"', lastName: 'O\\Neil' }), settings, {
        language: 'en',
      }),
      subject: 'Ééé '.repeat(40),
    };
    const text = formatEml(message, envelope);
    expect(text).toContain('To: "Jo \\"Jr\\" O\\\\Neil" <zoe.celik@example.org>');
    const eml = parseEml(text);
    expect(eml.header('Subject')).toBe('Ééé '.repeat(40).trim());
    for (const word of encodedWords('Ééé '.repeat(40))) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('keeps quoted-printable lines within 76 characters and encodes trailing spaces', () => {
    const long = `${'é'.repeat(100)} ${'a'.repeat(200)} \n\tend=\t`;
    const encoded = quotedPrintable(long);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toMatch(/=20\r\n\tend=3D=09$/);
  });

  it('gives a stable Message-ID and a safe, distinct file name per login', () => {
    expect(messageIdFor('c1', 'a', 'x.org')).toBe(messageIdFor('c1', 'a', 'x.org'));
    expect(messageIdFor('c1', 'a', 'x.org')).not.toBe(messageIdFor('c2', 'a', 'x.org'));
    expect(messageIdFor('c1', 'a b', 'not a domain')).toMatch(
      /^<c1\.a\.b\.[0-9a-f]+@publipostage\.invalid>$/,
    );
    expect(emlFileName('zoe.celik')).toBe('zoe.celik.eml');
    expect(emlFileName('../etc/passwd')).toMatch(/^etc_passwd-[0-9a-f]{8}\.eml$/);
    expect(emlFileName('a/b')).not.toBe(emlFileName('a_b'));
    expect(emlFileName('CON')).toMatch(/^CON-[0-9a-f]{8}\.eml$/);
  });

  it('writes dates as RFC 5322 does', () => {
    expect(rfc5322Date(new Date(Date.UTC(2027, 0, 3, 23, 59, 0)))).toBe(
      'Sun, 03 Jan 2027 23:59:00 +0000',
    );
  });
});
