// Issue 17's properties: any text a referent can type either is refused with a French message or
// saves and renders escaped in every output (letters and cards as the Doc and the PDF take them,
// the e-mail's text and HTML); no template reaches a value that is not a field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MERGE_FIELDS, TEXT_IDS, compileText, textInfo, type TextId } from './index';
import { buildLetters } from '../letters/build';
import { buildMessage } from '../mail/message';
import { docLetters } from '../letters/doc';
import type { Account, Layout, Settings } from '../types';
import { makeAccount } from '../../../test/helpers/accounts';
import type { TemplateNode } from './template';

/** A value as the texts show it: on one line, a control character a space. */
// eslint-disable-next-line no-control-regex -- the values' line breaks are the point
const oneLine = (value: string) => value.replace(/[\u0000-\u001f]+/g, ' ').replace(/ {2,}/g, ' ');

const KNOWN = new Set(MERGE_FIELDS.flatMap((field) => [field.name, field.alias]));

/** Pieces a referent may type, markup and HTML included, with fields known and unknown. */
const risky = fc.constantFrom(
  '{{',
  '}}',
  '{{constructor}}',
  '{{__proto__}}',
  '{{toString}}',
  '{{nom.length}}',
  '{{prenom}}',
  '{{#si courriel}}',
  '{{sinon}}',
  '{{/si}}',
  '{{identifiant}}',
  '{{code}}',
  '\u0007',
);
const safe = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '**',
    '*',
    '# ',
    '## ',
    '- ',
    '~ ',
    '!login ',
    '!code',
    '\n',
    '\n\n',
    ' ',
    ' : ',
    '<b>',
    '</p>',
    '<script>alert(1)</script>',
    '&amp;',
    '"',
    "'",
    'https://ent.example.org/a?b=1&c=2',
    'javascript:alert(1)',
    '{{#si courriel}}avec{{sinon}}sans{{/si}}',
    'Bonjour',
    'é',
    '\u00a0',
    '\t',
  ),
  fc.constantFrom(
    ...MERGE_FIELDS.filter((f) => f.name !== 'identifiant' && f.name !== 'code').map(
      (field) => `{{${field.name}}}`,
    ),
  ),
  fc.string({ maxLength: 12 }),
);
const piece = fc.oneof({ weight: 15, arbitrary: safe }, { weight: 1, arbitrary: risky });
const text = fc
  .tuple(fc.array(piece, { maxLength: 40 }), fc.array(piece, { maxLength: 10 }), fc.boolean())
  .map(([head, tail, required]) =>
    // Half the texts carry the required boxes, so that many save and render.
    required
      ? `Objet **{{prénom}}** <b>\n\n${head.join('')}\nIdentifiant\n{{identifiant}}\nCode\n{{code}}\n${tail.join('')}`
      : head.join(''),
  );

/** Values meant to inject: directives, bold marks, HTML, line breaks, braces. */
const nasty = fc.constantFrom(
  '!login',
  '!code x',
  '**x**',
  '# titre',
  '- étape',
  '~ note',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"quoted" & \'single\'',
  '{{identifiant}}',
  'a\nb\r\nBcc: x@evil.example',
  '\\*échappé\\*',
  'https://evil.example/"><b>x</b>',
);

function nastyAccount(value: string, activated: boolean): Account {
  return makeAccount({
    login: `${value}.login`,
    firstName: value,
    lastName: `${value}-NOM`,
    activated,
    // A code is the ENT's: a few letters and digits (a long one would be cut, as before).
    activationCode: activated ? null : 'k7x2m9q',
    email: 'zoe@example.org',
    emailStatus: 'valid',
    classes: [`6A ${value}`],
    children: [`${value} enfant`],
  });
}

function plainAccount(activated: boolean): Account {
  return makeAccount({
    login: 'plain.login',
    firstName: 'Plain',
    lastName: 'NOM',
    activated,
    activationCode: activated ? null : 'plaincode',
    email: 'zoe@example.org',
    emailStatus: 'valid',
    classes: ['6A x'],
    children: ['x enfant'],
  });
}

const settings = (value: string): Settings => ({
  entName: `ENT ${value}`,
  entUrl: 'https://ent.example.org',
  schoolName: `École ${value}`,
  contact: `Contact ${value}`,
});

const ALLOWED_TAGS =
  /<\/?(?:p|br|ul|li|strong|span|a|html|head|body|title|meta)\b(?:\s+[a-z-]+="[^"<>]*")*\s*>|<!DOCTYPE html>/g;

function fields(nodes: readonly TemplateNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === 'field'
      ? [node.field]
      : node.type === 'if'
        ? [node.field, ...fields(node.then), ...fields(node.otherwise)]
        : [],
  );
}

const kinds = (accounts: Account[], s: Settings, layout: Layout, id: TextId, source: string) =>
  buildLetters(accounts, s, layout, { texts: { [id]: source } }).pages.flatMap((page) =>
    page.slots.map((slot) => slot.blocks.map((block) => block.kind)),
  );

describe('any text a referent can type', () => {
  it('is refused in French, or renders with every value escaped in every output', () => {
    let saved = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXT_IDS), text, nasty, (id, source, value) => {
        const info = textInfo(id);
        const result = compileText('fr', id, source);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.message).toMatch(/^(Ligne \d+\u00a0: |Le texte )/);
          }
          return;
        }
        saved++;
        // Only known fields are ever read.
        const used = [
          ...fields(result.text.body.nodes),
          ...fields(result.text.subject?.nodes ?? []),
        ];
        for (const field of used) expect(KNOWN.has(field)).toBe(true);

        const activated = info.variant === 'activated';
        const account = nastyAccount(value, activated);
        const plain = plainAccount(activated);
        const s = settings(value);
        if (info.format === 'mail') {
          const message = buildMessage(account, s, { language: 'fr', texts: { [id]: source } });
          const html = message.html.replace(ALLOWED_TAGS, '');
          expect(html).not.toMatch(/[<>]/);
          expect(message.html).not.toContain('<script');
          expect(message.html).not.toContain('<img');
          expect(message.subject).not.toMatch(/[\r\n]/);
          // The login is in the text part as it is, and in the HTML escaped.
          expect(message.text).toContain(oneLine(account.login));
          if (!activated) expect(message.text).toContain(oneLine(account.activationCode!));
          return;
        }
        for (const layout of (info.format === 'card' ? [8] : [1, 2]) as Layout[]) {
          // The structure comes from the text, never from a value.
          expect(kinds([account], s, layout, id, source)).toEqual(
            kinds([plain], settings('x'), layout, id, source),
          );
          const letters = buildLetters([account], s, layout, { texts: { [id]: source } });
          const blocks = letters.pages[0]!.slots[0]!.blocks;
          const login = blocks.filter((block) => block.kind === 'login');
          expect(login.map((block) => block.runs.map((run) => run.text).join(''))).toEqual([
            oneLine(account.login),
          ]);
          const code = blocks.filter((block) => block.kind === 'code');
          expect(code.map((block) => block.runs.map((run) => run.text).join(''))).toEqual(
            activated ? [] : [oneLine(account.activationCode!)],
          );
          // What the Doc is given is the blocks' text, nothing parsed again.
          const doc = docLetters(letters);
          expect(JSON.stringify(doc)).toContain(JSON.stringify(oneLine(account.login)));
        }
      }),
      { numRuns: 300 },
    );
    // The property says something only if many texts save.
    expect(saved).toBeGreaterThan(50);
  });

  it('reaches no value that is not a field: any {{name}} outside the list is refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.constantFrom(
            ...Object.getOwnPropertyNames(Object.prototype),
            ...Object.getOwnPropertyNames(String.prototype),
            'nom.length',
            'prénom.constructor',
            'this',
            'nom[0]',
            '../nom',
            '@root',
          ),
        ),
        (name) => {
          fc.pre(!/[{}\n]/.test(name) && !KNOWN.has(name.trim().normalize('NFC')));
          fc.pre(!/^\s*(#si|#if|sinon|else|\/si|\/if)\b/.test(name));
          const result = compileText(
            'fr',
            'mail-activated',
            `Objet\n\n{{identifiant}} {{${name}}}`,
          );
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
