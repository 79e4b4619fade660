import { describe, expect, it } from 'vitest';
import { buildMessage, buildTestMessages, messageReference } from './message';
import { mailAccount as account } from '../../../test/helpers/mail-accounts';
import type { Settings } from '../types';

const settings: Settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.example.org',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT, salle 12',
  senderName: 'Référent ENT du collège',
  replyTo: 'referent@college-hugo.example.org',
};

describe('the message of an account', () => {
  it('gives a not-activated account its login, code and the activation steps, in French', () => {
    const message = buildMessage(account(), settings, { language: 'fr' });
    expect(message.to).toBe('zoe.celik@example.org');
    expect(message.toName).toBe('Zoë ÇELIK');
    expect(message.subject).toBe('Mon ENT\u00a0: vos identifiants de première connexion');
    expect(message.fromName).toBe('Référent ENT du collège');
    expect(message.replyTo).toBe('referent@college-hugo.example.org');
    expect(message.text).toContain('Bonjour Zoë ÇELIK,');
    expect(message.text).toContain(
      '\nÉtablissement\u00a0: Collège Victor Hugo\nCompte\u00a0: Enseignant, classe de 6EME 3\n',
    );
    expect(message.text).toContain('Identifiant\u00a0: zoe.celik');
    expect(message.text).toContain("Code d'activation\u00a0: b6yhsp6");
    expect(message.text).toContain("5. Acceptez les conditions d'utilisation.");
    expect(message.text).toContain('Une question\u00a0? M. Martin, référent ENT, salle 12');
    expect(message.text).not.toMatch(/\n{3}/);
    expect(message.html).toContain('<a href="https://ent.example.org">');
    expect(message.html).toContain('b6yhsp6');
    expect(message.html).not.toContain('Mot de passe oublié');
  });

  it('reminds an activated account of its login and the reset procedure, without a code', () => {
    const message = buildMessage(account({ activated: true, activationCode: null }), settings, {
      language: 'fr',
    });
    expect(message.subject).toBe('Mon ENT\u00a0: rappel de votre identifiant');
    expect(message.text).toContain('est déjà activé');
    expect(message.text).toContain('«\u00a0Mot de passe oublié\u00a0?\u00a0»');
    expect(message.text).toContain('Saisissez votre identifiant\u00a0: zoe.celik.');
    expect(message.text).not.toContain("Code d'activation");
    expect(message.html).toContain('Mot de passe oublié\u00a0?');
    expect(message.html).not.toContain('b6yhsp6');
  });

  it('speaks English on request, in both variants', () => {
    const first = buildMessage(account(), settings, { language: 'en' });
    expect(first.subject).toBe('Mon ENT: your first sign-in details');
    expect(first.text).toContain('Hello Zoë ÇELIK,');
    expect(first.text).toContain('Account: Teacher, class 6EME 3');
    expect(first.text).toContain('Activation code: b6yhsp6');
    expect(first.html).toContain('<html lang="en">');
    const reminder = buildMessage(account({ activated: true, activationCode: null }), settings, {
      language: 'en',
    });
    expect(reminder.subject).toBe('Mon ENT: a reminder of your login');
    expect(reminder.text).toContain('already activated');
    expect(reminder.text).toContain('Forgotten your password?');
  });

  it("names a parent's children, as the letters do", () => {
    const parent = account({ profile: 'Relative', classes: [], children: ['Léna PEREZ'] });
    const text = buildMessage(parent, settings, { language: 'fr' }).text;
    // « Responsable de » is the line's own label: never « Compte : Responsable de : ».
    expect(text).toContain('\nResponsable de\u00a0: Léna PEREZ\n');
    expect(text).not.toContain('Compte\u00a0:');
  });

  it('adds no header through a name, a setting or the subject', () => {
    const message = buildMessage(
      account({ firstName: 'Zoë\r\nBcc: x@evil.example', lastName: 'ÇELIK\nX-Evil: 1' }),
      {
        ...settings,
        entName: 'ENT\r\nBcc: y@evil.example',
        senderName: 'Réf\r\nCc: z@evil.example',
      },
      { language: 'fr' },
    );
    for (const header of [message.subject, message.toName, message.fromName, message.to]) {
      expect(header).not.toMatch(/[\r\n]/);
    }
    expect(message.toName).toBe('Zoë Bcc: x@evil.example ÇELIK X-Evil: 1');
    expect(message.text).toContain('Bonjour Zoë Bcc: x@evil.example ÇELIK X-Evil: 1,');
  });

  it('escapes every value in the HTML part, and none in the text part', () => {
    const nasty = '<script>alert("x")</script> & \'Dupont\'';
    const message = buildMessage(
      account({
        lastName: nasty,
        login: 'a<b>',
        email: 'zoe.celik@example.org',
        activationCode: '"&',
      }),
      { ...settings, schoolName: '<b>Hugo</b>', contact: '<img src=x onerror=alert(1)>' },
      { language: 'fr' },
    );
    expect(message.html).not.toContain('<script>');
    expect(message.html).not.toContain('<img');
    expect(message.html).not.toContain('<b>Hugo');
    expect(message.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Dupont&#x27;',
    );
    expect(message.html).toContain('a&lt;b&gt;');
    expect(message.text).toContain(`Bonjour Zoë ${nasty},`);
    expect(message.text).toContain('Identifiant\u00a0: a<b>');
    expect(message.text).toContain('Code d\'activation\u00a0: "&');
    expect(message.text).toContain('<img src=x onerror=alert(1)>');
    expect(message.text).not.toMatch(/&(amp|lt|gt|quot|#x27|#x3D);/);
  });

  it('makes a link only of a web address', () => {
    const message = buildMessage(
      account(),
      { ...settings, entUrl: 'javascript:alert(1)' },
      {
        language: 'fr',
      },
    );
    expect(message.html).not.toContain('href');
    expect(message.html).toContain('javascript:alert(1)');
  });

  it('drops a reply-to that cannot be sent to, and falls back to the school as sender', () => {
    const message = buildMessage(
      account(),
      { ...settings, replyTo: 'a,b@x.org', senderName: '' },
      {
        language: 'fr',
      },
    );
    expect(message.replyTo).toBeNull();
    expect(message.fromName).toBe('Collège Victor Hugo');
  });

  it('refuses to build a message for an address that cannot be sent to', () => {
    expect(() => buildMessage(account({ email: null }), settings, { language: 'fr' })).toThrow();
    expect(() =>
      buildMessage(account({ email: 'a,b@x.org' }), settings, { language: 'fr' }),
    ).toThrow();
  });
});

describe('the test e-mail', () => {
  it('sends one not-activated and one activated example to the referent, subject [TEST]', () => {
    const messages = buildTestMessages(settings, 'referent@example.org', 'fr');
    expect(messages.map((m) => m.to)).toEqual(['referent@example.org', 'referent@example.org']);
    expect(messages.map((m) => m.subject)).toEqual([
      '[TEST] Mon ENT\u00a0: vos identifiants de première connexion',
      '[TEST] Mon ENT\u00a0: rappel de votre identifiant',
    ]);
    expect(messages[0]!.text).toContain("Code d'activation");
    expect(messages[1]!.text).toContain('Mot de passe oublié');
  });
});

describe('issue 14 #7: the subject is text, escaped for HTML only in HTML', () => {
  it('keeps « L’ENT & Co » as written in the subject, once escaped in the <title>', () => {
    const message = buildMessage(
      account({ login: 'a.b' }),
      { ...settings, entName: "L'ENT & Co <b>" },
      { language: 'fr' },
    );
    expect(message.subject).toBe("L'ENT & Co <b>\u00a0: vos identifiants de première connexion");
    expect(message.html).toContain(
      '<title>L&#x27;ENT &amp; Co &lt;b&gt;\u00a0: vos identifiants de première connexion</title>',
    );
  });
});

describe('issue 14 #4: the reference a probe searches for', () => {
  it('is printed in both parts, unique per campaign and login, the same whatever the settings', () => {
    const person = account({ login: 'a.b' });
    const one = buildMessage(person, settings, { language: 'fr', campaignId: 'c1' });
    const renamed = buildMessage(
      person,
      { ...settings, entName: 'Autre ENT' },
      { language: 'fr', campaignId: 'c1' },
    );
    const reference = messageReference('c1', 'a.b');
    // A literal, not the function's own output: the Sent folder of a campaign begun before an
    // update is searched with the reference its messages carry (FNV-1a, checked by hand).
    expect(reference).toBe('PE-CZWZ4399FVVW');
    expect(one.text).toContain(`Référence\u00a0: ${reference}`);
    expect(one.html).toContain(reference);
    expect(renamed.text).toContain(reference);
    expect(messageReference('c2', 'a.b')).not.toBe(reference);
    expect(messageReference('c1', 'a.c')).not.toBe(reference);
    const many = new Set(Array.from({ length: 10_000 }, (_, i) => messageReference('c1', `u${i}`)));
    expect(many.size).toBe(10_000);
  });
});
