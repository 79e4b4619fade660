// The editor's view of the core's answers: an e-mail edited as a subject and a text, its problems
// said of the field the referent sees, and the preview of each kind of text.
import { describe, expect, it } from 'vitest';
import { TEXT_VARIANTS, editedOf, previewOf, sourceOf } from '../../sidebar/text-engine';
import { defaultText } from '../../src/core/texts';
import { makeAccount } from '../helpers/accounts';

const settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'Vie scolaire',
};
const variant = (id: string) => TEXT_VARIANTS.find((v) => v.id === id)!;
const mail = variant('mail-not-activated');
const card = variant('card-not-activated');
const account = makeAccount({ email: 'zoe@example.org', emailStatus: 'valid' });

describe('the text engine of the sidebar', () => {
  it('splits an e-mail into its subject and text, and joins them back as stored', () => {
    const source = defaultText('fr', 'mail-not-activated');
    const edited = editedOf(mail, source);
    expect(edited.subject).toBe(source.split('\n')[0]);
    expect(edited.body.startsWith('Bonjour')).toBe(true);
    expect(sourceOf(mail, edited)).toBe(source);
    expect(editedOf(card, 'Texte')).toEqual({ subject: '', body: 'Texte' });
  });

  it('says a problem of the subject as « Objet », one of the text with the text’s own line', () => {
    const edited = {
      subject: 'Bienvenue {{prenom}}',
      body: 'Bonjour,\nVotre identifiant : {{identifiant}}, code {{code}} {{nom_ecole}}',
    };
    const preview = previewOf(mail, edited, settings, 1, account, 'fr');
    expect(preview.kind).toBe('none');
    const subject = preview.issues.find((issue) => issue.part === 'subject')!;
    expect(subject.message).toMatch(/^Objet\u00a0: .*«\s\{\{prenom\}\}\s».*«\s\{\{prénom\}\}\s»/);
    const body = preview.issues.find((issue) => issue.part === 'body')!;
    expect(body.message).toMatch(/^Ligne 2\s: .*\{\{nom_ecole\}\}/);
  });

  it('previews an e-mail with its sender, recipient and subject filled for the account', () => {
    const preview = previewOf(
      mail,
      {
        subject: '{{nom_ent}} pour {{prénom}}',
        body: 'Identifiant {{identifiant}}, code {{code}}',
      },
      settings,
      1,
      account,
      'fr',
    );
    if (preview.kind !== 'mail') throw new Error(preview.kind);
    expect(preview.mail.subject).toBe('Mon ENT pour Zoë');
    expect(preview.mail.to).toBe('Zoë ÇELIK <zoe@example.org>');
    expect(preview.mail.fromName).toBe('Collège Victor Hugo');
    expect(preview.mail.html).toContain('b6yhsp6');
  });

  it('previews a card in layout 8 whatever the layout asked, a letter in 1 or 2', () => {
    const text = { subject: '', body: defaultText('fr', 'card-not-activated') };
    const drawn = previewOf(card, text, settings, 1, account, 'fr');
    if (drawn.kind !== 'letter') throw new Error(drawn.kind);
    expect(drawn.letters.layout).toBe(8);
    expect(drawn.issues).toEqual([]);
    const letter = variant('letter-activated');
    const half = previewOf(
      letter,
      { subject: '', body: defaultText('fr', 'letter-activated') },
      settings,
      2,
      makeAccount({ activated: true, activationCode: null }),
      'fr',
    );
    if (half.kind !== 'letter') throw new Error(half.kind);
    expect(half.letters.layout).toBe(2);
  });
});
