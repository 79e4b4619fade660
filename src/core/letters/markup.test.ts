import { describe, expect, it } from 'vitest';
import { escapeMarkup, parseInline, parseMarkup, unescapeHtml } from './markup';

describe('letter template markup', () => {
  it('makes one block a line, by its prefix', () => {
    expect(
      parseMarkup(
        '# Collège\n## Votre compte\n\n### Étapes\n- Ouvrez **l’adresse**.\n~ Contact\nTexte\n!name\n!login Identifiant',
      ),
    ).toEqual([
      { kind: 'heading', runs: [{ text: 'Collège' }] },
      { kind: 'subheading', runs: [{ text: 'Votre compte' }] },
      { kind: 'section', runs: [{ text: 'Étapes' }] },
      {
        kind: 'step',
        runs: [{ text: 'Ouvrez ' }, { text: 'l’adresse', bold: true }, { text: '.' }],
      },
      { kind: 'note', runs: [{ text: 'Contact' }] },
      { kind: 'paragraph', runs: [{ text: 'Texte' }] },
      { directive: 'name', label: [] },
      { directive: 'login', label: [{ text: 'Identifiant' }] },
    ]);
  });

  it('keeps values inert: stars, leading marks and line breaks are text', () => {
    const value = escapeMarkup('- **Dupont** !name # \\ ~\nsuite');
    expect(parseMarkup(value)).toEqual([
      { kind: 'paragraph', runs: [{ text: '- **Dupont** !name # \\ ~ suite' }] },
    ]);
    expect(parseInline(`**${escapeMarkup('a*b')}**`)).toEqual([{ text: 'a*b', bold: true }]);
  });

  it("undoes Handlebars' escaping exactly once", () => {
    expect(unescapeHtml('L&#x27;ENT &amp;amp; &lt;b&gt; &quot;x&quot; &#x3D; &#x60;')).toBe(
      'L\'ENT &amp; <b> "x" = `',
    );
  });
});
