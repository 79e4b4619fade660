import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT_LENGTH,
  TEXT_IDS,
  checkLettersFit,
  closestField,
  customTextMisfit,
  compileText,
  defaultText,
  exampleAccount,
  fillTemplate,
  parseTemplate,
  placeProblem,
  previewText,
  propertySizeProblem,
  utf8Length,
  textLayout,
  textSourcesOf,
  usableTexts,
  type TextId,
} from './index';
import { lineText } from './render';
import { pupil } from '../../../test/helpers/letters';
import type { Settings } from '../types';

const settings: Settings = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT',
};

const filled = (source: string, account = pupil()) => {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join(' '));
  return fillTemplate(parsed.template, { account, settings, language: 'fr' }).map((line) =>
    line === null ? '' : lineText(line),
  );
};

describe('the default texts', () => {
  it.each(TEXT_IDS.flatMap((id) => (['fr', 'en'] as const).map((lang) => [lang, id] as const)))(
    '%s %s compiles',
    (language, id) => {
      const result = compileText(language, id, defaultText(language, id));
      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );

  it('puts non-breaking spaces before « : ; ? ! » and inside « » in French', () => {
    for (const id of TEXT_IDS) {
      const text = defaultText('fr', id).replace(/\{\{[^}]*\}\}/g, '');
      expect(text).not.toMatch(/ [:;?!»]/);
      expect(text).not.toMatch(/« /);
    }
  });

  it('guesses no article before the school’s or the ENT’s name in French', () => {
    const beforeName =
      /(?:^|[\s(])(?:de|du|des|à|au|aux|d['’]|l['’])\s*(?=\{\{\s*(?:établissement|nom_ent|school|ent_name)\s*\}\})/i;
    for (const id of TEXT_IDS) {
      expect(
        defaultText('fr', id)
          .split('\n')
          .filter((line) => beforeName.test(line)),
      ).toEqual([]);
    }
  });
});

describe('merge fields', () => {
  it('fills fields by their French or English names', () => {
    expect(filled('{{prénom}} {{last_name}} ({{identifiant}})')).toEqual(['Zoë ÇELIK (zoe.celik)']);
  });

  it('drops a line whose fields are all empty, keeps lines without fields', () => {
    const parent = pupil({ profile: 'Relative', classes: [], children: ['Léna PEREZ'] });
    expect(filled('Bonjour\nClasses : {{classes}}\nEnfants : {{enfants}}\n', parent)).toEqual([
      'Bonjour',
      'Enfants : Léna PEREZ',
    ]);
  });

  it('drops a box’s label with its box: no « Code d’activation » without a code', () => {
    const source = 'Identifiant\n{{identifiant}}\nCode d’activation\n{{code}}\nFin';
    expect(filled(source, pupil({ activated: true, activationCode: null }))).toEqual([
      'Identifiant',
      'zoe.celik',
      'Fin',
    ]);
  });

  it('chooses a branch by whether a field is filled', () => {
    const source = 'Début\n{{#si courriel}}\nAvec {{courriel}}\n{{sinon}}\nSans\n{{/si}}\nFin';
    expect(filled(source)).toEqual(['Début', 'Sans', 'Fin']);
    expect(filled(source, pupil({ email: 'z@ex.fr', emailStatus: 'valid' }))).toEqual([
      'Début',
      'Avec z@ex.fr',
      'Fin',
    ]);
  });

  it('never reads a mark from a value: a login « **x » or a name « - y » stays text', () => {
    const parsed = parseTemplate('{{identifiant}}\n{{prénom}}');
    if (!parsed.ok) throw new Error('parse');
    const lines = fillTemplate(parsed.template, {
      account: pupil({ login: '**x**', firstName: '# - y' }),
      settings,
      language: 'fr',
    });
    expect(lines.map((line) => line?.kind)).toEqual(['paragraph', 'paragraph']);
    expect(lines.map((line) => line && lineText(line))).toEqual(['**x**', '# - y']);
    expect(lines.every((line) => line!.runs.every((run) => !run.bold))).toBe(true);
  });
});

describe('checks', () => {
  it('names an unknown field and suggests the closest, accents ignored', () => {
    const result = compileText('fr', 'card-activated', 'Bonjour {{prenom}}\n{{identifiant}}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toBe(
      'Ligne 1\u00a0: le champ «\u00a0{{prenom}}\u00a0» n’existe pas\u00a0: vouliez-vous dire «\u00a0{{prénom}}\u00a0»\u00a0?',
    );
    expect(closestField('etablisement')).toBe('établissement');
    expect(closestField('zzzzzzzzzz')).toBeNull();
  });

  it.each(['constructor', '__proto__', 'toString', 'nom.length', 'hasOwnProperty', 'valueOf'])(
    'refuses {{%s}} as an unknown field',
    (name) => {
      const result = compileText('fr', 'mail-activated', `Objet\n\n{{${name}}} {{identifiant}}`);
      expect(result.ok).toBe(false);
    },
  );

  it('refuses control characters and line separators a reader would not see', () => {
    for (const char of ['\u0007', '\u2028', '\u202e']) {
      const result = compileText('fr', 'mail-activated', `Objet\n\n{{identifiant}}${char}`);
      expect(result.ok ? '' : result.problems[0]!.message).toMatch(
        /^Ligne 3\u00a0: un caractère invisible/,
      );
    }
  });

  it('refuses unbalanced braces', () => {
    for (const source of [
      '{{prénom} {{identifiant}}',
      '{prénom}} {{identifiant}}',
      '{{{prénom}}}\n{{identifiant}}',
    ]) {
      const result = compileText('fr', 'mail-activated', `Objet\n\n${source}`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.message).toMatch(/^Ligne 3/);
    }
  });

  it('refuses a text without the login, or without the code for accounts to activate', () => {
    const noLogin = compileText('fr', 'mail-activated', 'Objet\n\nBonjour');
    expect(noLogin.ok ? [] : noLogin.problems.map((p) => p.field)).toEqual(['identifiant']);
    const noCode = compileText('fr', 'card-not-activated', '{{identifiant}}');
    expect(noCode.ok ? [] : noCode.problems.map((p) => p.field)).toEqual(['code']);
    const inCondition = compileText(
      'fr',
      'mail-activated',
      'Objet\n\n{{#si courriel}}{{identifiant}}{{/si}}',
    );
    expect(inCondition.ok).toBe(false);
  });

  it('wants the login and the code alone on their line in a letter', () => {
    const result = compileText('fr', 'card-activated', 'Identifiant : {{identifiant}}');
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/seul sur sa ligne/);
  });

  it(`refuses a text over ${MAX_TEXT_LENGTH} characters`, () => {
    const source = `{{identifiant}}\n${'é'.repeat(MAX_TEXT_LENGTH)}`;
    const result = compileText('fr', 'card-activated', source);
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/trop long.*3\u00a0000 au plus/);
    // The bound keeps any text of that length within a property's 9,216 bytes.
    expect(new TextEncoder().encode('\u{1F600}'.repeat(MAX_TEXT_LENGTH / 2)).length).toBeLessThan(
      9216,
    );
    expect(new TextEncoder().encode('€'.repeat(MAX_TEXT_LENGTH)).length).toBeLessThan(9216);
  });
});

describe('stored texts', () => {
  it('counts UTF-8 bytes as the property store does, and refuses a text past 9,216', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\ud800')).toBe(3);
    expect(propertySizeProblem('letter-activated', 'é'.repeat(4608))).toBeNull();
    expect(propertySizeProblem('letter-activated', 'é'.repeat(4609))).toMatch(
      /fait 9218 octets\u00a0: une propriété du classeur en contient au plus 9216/,
    );
  });

  it('keeps the known ids with a string from a stored object, drops the rest', () => {
    expect(
      textSourcesOf({ 'mail-activated': 'Objet\n\nCorps', 'not-a-text': 'x', 'card-activated': 3 }),
    ).toEqual({ 'mail-activated': 'Objet\n\nCorps' });
    expect(textSourcesOf(null)).toEqual({});
    expect(textSourcesOf('texte')).toEqual({});
  });

  it('keeps only the customised texts asked for, and refuses one that no longer compiles', () => {
    const good = defaultText('fr', 'mail-activated');
    const stored = {
      'mail-activated': good,
      'letter-activated': defaultText('fr', 'letter-activated'),
    };
    expect(usableTexts('fr', stored, ['mail-not-activated', 'mail-activated'])).toEqual({
      ok: true,
      texts: { 'mail-activated': good },
    });
    const broken = usableTexts('fr', { 'mail-activated': '' }, ['mail-activated']);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/objet du courriel/);
  });
});

describe('fit and preview', () => {
  it('draws a card text in layout 8 whatever is asked, a letter text in 2 only when asked', () => {
    expect(textLayout('card-activated', 2)).toBe(8);
    expect(textLayout('card-not-activated', undefined)).toBe(8);
    expect(textLayout('letter-activated', 2)).toBe(2);
    expect(textLayout('letter-activated', 8)).toBe(1);
    expect(textLayout('letter-not-activated', null)).toBe(1);
  });

  const long = pupil({
    login: 'marie-charlotte.de-la-tour',
    firstName: 'Marie-Charlotte',
    lastName: 'DE LA TOUR',
    classes: ['6EME 1', '6EME 2', '5EME 3'],
  });

  it('reports a card text too long for the fullest account of the selection, named', () => {
    const source = `${defaultText('fr', 'card-not-activated')}\n${'Une phrase de plus pour la carte. '.repeat(8)}`;
    expect(compileText('fr', 'card-not-activated', source).ok).toBe(true);
    const problems = checkLettersFit([pupil(), long], settings, 8, 'fr', {
      'card-not-activated': source,
    });
    expect(problems.map((p) => p.login)).toEqual(['marie-charlotte.de-la-tour']);
    expect(problems[0]!.message).toMatch(
      /^Le texte «\u00a0Carte – compte non activé\u00a0» est trop long pour sa carte\u00a0: pour Marie-Charlotte DE LA TOUR \(marie-charlotte\.de-la-tour\)/,
    );
    expect(checkLettersFit([pupil(), long], settings, 8, 'fr')).toEqual([]);
  });

  it('stops a generation on a text the referent gave that does not fit, not on the defaults', () => {
    const source = `${defaultText('fr', 'card-activated')}\n${'Une phrase de plus pour la carte. '.repeat(8)}`;
    const activated = pupil({ ...long, activated: true, activationCode: null });
    const given = { 'card-activated': source };
    expect(customTextMisfit([activated], settings, 8, 'fr', given)!.id).toBe('card-activated');
    expect(customTextMisfit([activated], settings, 8, 'fr', {})).toBeNull();
  });

  it('does not stop a generation on a default text, even when it overflows', () => {
    // Settings at their 200-character limit overflow the default card: the layout shortens it.
    const words = 'Établissement '.repeat(14);
    const wide = {
      entName: words,
      entUrl: 'https://ent.example.org',
      schoolName: words,
      contact: words,
    };
    const activated = pupil({ activated: true, activationCode: null });
    const accounts = [activated, pupil()];
    const defaults = checkLettersFit(accounts, wide, 8, 'fr').map((p) => p.id);
    expect(defaults).toEqual(['card-not-activated', 'card-activated']);
    expect(customTextMisfit(accounts, wide, 8, 'fr', {})).toBeNull();
    const given = { 'card-activated': defaultText('fr', 'card-activated') };
    expect(customTextMisfit(accounts, wide, 8, 'fr', given)!.id).toBe('card-activated');
  });

  it('picks the fullest account of the variant as the example', () => {
    const activated = pupil({ login: 'a', activated: true, activationCode: null });
    expect(exampleAccount([pupil(), long, activated], 'card-not-activated')!.login).toBe(
      'marie-charlotte.de-la-tour',
    );
    expect(exampleAccount([pupil(), long, activated], 'mail-activated')!.login).toBe('a');
  });

  it('draws one card with the typed text, and the e-mail as it will arrive', () => {
    const card = previewText({
      language: 'fr',
      id: 'card-not-activated' satisfies TextId,
      source:
        '{{prénom}} {{nom}}\nIdentifiant\n{{identifiant}}\nCode\n{{code}}\nBienvenue **{{prénom}}**',
      settings,
      account: pupil(),
    });
    if (!card.ok || card.kind !== 'letter') throw new Error('preview');
    const slot = card.document.pages[0]!.slots[0]!;
    expect(card.document.layout).toBe(8);
    expect(slot.blocks.map((b) => [b.kind, b.runs.map((r) => r.text).join('')])).toEqual([
      ['name', 'Zoë ÇELIK'],
      ['label', 'Identifiant'],
      ['login', 'zoe.celik'],
      ['label', 'Code'],
      ['code', 'b6yhsp6'],
      ['paragraph', 'Bienvenue Zoë'],
    ]);
    const mail = previewText({
      language: 'fr',
      id: 'mail-not-activated',
      source: 'Bienvenue {{prénom}}\n\nVoici **{{identifiant}}** et {{code}} : {{adresse_ent}}.',
      settings,
      account: pupil({ firstName: '<b>Zoë</b>' }),
    });
    if (!mail.ok || mail.kind !== 'mail') throw new Error('preview');
    expect(mail.mail.subject).toBe('Bienvenue <b>Zoë</b>');
    expect(mail.mail.text).toBe('Voici zoe.celik et b6yhsp6 : https://ent.monecole.fr.\n');
    expect(mail.mail.html).toContain('<title>Bienvenue &lt;b&gt;Zoë&lt;/b&gt;</title>');
    expect(mail.mail.html).toContain(
      '<a href="https://ent.monecole.fr">https://ent.monecole.fr</a>.</p>',
    );
  });
});

describe('a problem placed in the field the referent edits', () => {
  const source = 'Bienvenue {{prenom}}\n\nBonjour,\n{{nom_ecole}}';
  const problems = compileText('fr', 'mail-not-activated', source);

  it('says a subject’s problem as « Objet », a text’s with the text’s own line', () => {
    if (problems.ok) throw new Error('compiled');
    const placed = problems.problems.map((p) => placeProblem('mail', source, p));
    expect(placed.map((p) => p.part)).toEqual(['subject', 'body']);
    expect(placed[0]!.message).toMatch(/^Objet\u00a0: le champ «\u00a0\{\{prenom\}\}\u00a0»/);
    expect(placed[1]!.message).toMatch(/^Ligne 2\u00a0: le champ «\u00a0\{\{nom_ecole\}\}\u00a0»/);
  });

  it('leaves a letter’s problem, and one without a line, as the core said it', () => {
    const problem = { line: 4, message: 'Ligne 4\u00a0: x' };
    expect(placeProblem('letter', source, problem)).toEqual({
      part: 'body',
      message: problem.message,
    });
    expect(placeProblem('mail', source, { line: null, message: 'trop long' })).toEqual({
      part: 'body',
      message: 'trop long',
    });
  });
});
