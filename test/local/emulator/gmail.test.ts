import { describe, expect, it } from 'vitest';
import { ExecutionState } from '../../../src/local/emulator/execution';
import { MAIL_ERRORS, type MailFaults } from '../../../src/local/emulator/gmail';
import { parseMailFaults } from '../../../src/local/emulator/http';
import { createGoogleServices } from '../../../src/local/emulator/services';

function mail(faults: Partial<MailFaults> = {}) {
  const services = createGoogleServices({ now: () => Date.UTC(2026, 8, 1, 8) });
  services.stores.mail.setFaults(faults);
  type Gmail = GoogleAppsScript.Gmail.GmailApp;
  type Mail = GoogleAppsScript.Mail.MailApp;
  return {
    gmail: services.globals.GmailApp as unknown as Gmail,
    mailApp: services.globals.MailApp as unknown as Mail,
    stores: services.stores,
  };
}

describe('GmailApp and MailApp in the emulator', () => {
  it('writes each message as an RFC 5322 file with the options, and counts the quota', () => {
    const { gmail, mailApp, stores } = mail({ dailyQuota: 3 });
    gmail.sendEmail('zoe@example.org', 'Vos identifiants', 'Bonjour', {
      htmlBody: '<p>Bonjour</p>',
      name: 'Collège Hugo',
      replyTo: 'ent@college.example.org',
    });
    expect(mailApp.getRemainingDailyQuota()).toBe(2);
    const [message] = stores.outbox;
    expect(message).toMatchObject({
      service: 'GmailApp',
      to: 'zoe@example.org',
      name: 'Collège Hugo',
      replyTo: 'ent@college.example.org',
      from: 'referent.ent@example.org',
    });
    expect(message!.eml).toContain('Reply-To: ent@college.example.org\r\n');
    expect(message!.eml).toContain('Content-Type: text/html; charset=UTF-8');
  });

  it('refuses an option it does not emulate rather than ignoring it', () => {
    const { gmail } = mail();
    expect(() => gmail.sendEmail('a@example.org', 's', 'b', { cc: 'x@example.org' })).toThrow(
      /non émulées : cc/,
    );
  });

  it('throws Apps Script’s texts: invalid address, quota, transient, timeout after sending', () => {
    const { gmail, stores } = mail({
      dailyQuota: 3,
      rejected: ['BAD@example.org'],
      transient: { 't@example.org': 1 },
      timeoutAfterSent: ['late@example.org'],
    });
    expect(() => gmail.sendEmail('bad@example.org', 's', 'b')).toThrow(
      MAIL_ERRORS.invalid('bad@example.org'),
    );
    expect(() => gmail.sendEmail('t@example.org', 's', 'b')).toThrow(MAIL_ERRORS.transient);
    gmail.sendEmail('t@example.org', 's', 'b');
    expect(() => gmail.sendEmail('late@example.org', 's', 'b')).toThrow(MAIL_ERRORS.timeout);
    expect(stores.outbox.map((m) => m.to)).toEqual(['t@example.org', 'late@example.org']);
    gmail.sendEmail('late@example.org', 's2', 'b');
    expect(() => gmail.sendEmail('x@example.org', 's', 'b')).toThrow(MAIL_ERRORS.quota);
    stores.mail.nextDay();
    gmail.sendEmail('x@example.org', 's', 'b');
    expect(stores.mail.faultsInjected).toBe(4);
  });

  it('stops the execution after K sends, as many times as asked', () => {
    const { gmail, stores } = mail({ dailyQuota: 100, stopAfterSends: 2, stops: 1 });
    stores.execution.begin();
    gmail.sendEmail('a@example.org', 's', 'b');
    expect(stores.execution.stopped).toBeNull();
    gmail.sendEmail('b@example.org', 's', 'b');
    expect(stores.execution.stopped).toBe(ExecutionState.TIME_LIMIT);
    stores.execution.begin();
    gmail.sendEmail('c@example.org', 's', 'b');
    gmail.sendEmail('d@example.org', 's', 'b');
    expect(stores.execution.stopped).toBeNull();
  });

  it('searches the Sent folder by recipient, subject phrase and day', () => {
    const { gmail } = mail();
    gmail.sendEmail('zoe@example.org', 'Vos identifiants ENT', 'b');
    const q = (query: string) => gmail.search(query, 0, 1).length;
    expect(q('in:sent to:zoe@example.org subject:"identifiants ENT" after:2026/08/31')).toBe(1);
    expect(q('in:sent to:zoe@example.org subject:"autre chose"')).toBe(0);
    expect(q('in:sent to:max@example.org')).toBe(0);
    expect(q('in:sent to:zoe@example.org after:2026/09/02')).toBe(0);
    expect(() => q('label:x')).toThrow(/non émulé/);
  });
});

describe('POST /emulator/mail faults', () => {
  it('accepts each fault and names a malformed one in French', () => {
    expect(parseMailFaults({ dailyQuota: 5, stopAfterSends: 3, stops: 1 })).toEqual({
      dailyQuota: 5,
      stopAfterSends: 3,
      stops: 1,
    });
    expect(parseMailFaults({ rejected: 'a@b.fr' })).toMatch(/faults\.rejected/);
    expect(parseMailFaults({ dailyQuota: -1 })).toMatch(/faults\.dailyQuota/);
    expect(parseMailFaults({ transient: { 'a@b.fr': 'x' } })).toMatch(/faults\.transient/);
    expect(parseMailFaults({ stopAfterSends: 0 })).toMatch(/stopAfterSends/);
  });
});
