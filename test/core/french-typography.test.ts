// Every French text the product can show keeps its spaces where French typography wants them:
// U+00A0 inside « » and before : ; ! ? (docs/DECISIONS.md, « Typographie »). A plain space
// there lets a line break between « and its word, or leave a colon alone at a line's start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/core/i18n/fr';
import { buildMessage } from '../../src/core/mail/message';
import { messages as coreMessages } from '../../src/core/messages';
import { cliMessages, pdfMessages } from '../../src/local/cli/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { mailAccount } from '../helpers/mail-accounts';
import { ROOT } from '../helpers/dist';

const NBSP = '\u00a0';

/** What is wrong with a French text's spaces, if anything. */
function problems(text: string, strict: boolean): string[] {
  const found: string[] = [];
  if (/« /.test(text) || / »/.test(text)) found.push('espace ordinaire dans « »');
  if (/ [:;!?]/.test(text)) found.push('espace ordinaire avant : ; ! ?');
  if (strict) {
    if (/«(?![\u00a0\u202f])/.test(text)) found.push('pas d’espace après «');
    if (/(?<![\u00a0\u202f])»/.test(text)) found.push('pas d’espace avant »');
    // « mot: » — a colon glued to its word (a URL's « https: » is followed by « / », not a space).
    if (/[\p{L}\d)»][:;!?](?=\s|$)/u.test(text)) found.push('pas d’espace avant : ; ! ?');
  }
  return found;
}

/** SPEC §5's journal statuses, compared as written: the one exception (see journal.ts). */
const SPEC_WORDS = new Set([
  'ignoré : sans courriel',
  'ignoré : courriel invalide',
  'en attente : quota',
]);

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
  });
}

/** Every string and template piece of a TypeScript file, with its line. */
function literals(path: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const out: { line: number; text: string }[] = [];
  const kinds = new Set([
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateHead,
    ts.SyntaxKind.TemplateMiddle,
    ts.SyntaxKind.TemplateTail,
  ]);
  const visit = (node: ts.Node) => {
    if (kinds.has(node.kind) && !ts.isImportDeclaration(node.parent)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({ line, text: (node as ts.LiteralLikeNode).text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

// The product's French: the add-on, the core, the CLI and the sidebar. English (en.ts, the
// templates' en variants) follows English rules; the emulator stands for Google, not for us.
const SOURCES = [
  ...files(join(ROOT, 'src'), (p) => p.endsWith('.ts') && !p.endsWith('.test.ts')),
  ...files(join(ROOT, 'sidebar'), (p) => p.endsWith('.ts')),
].filter((p) => !/[/\\]emulator[/\\]|[/\\]i18n[/\\]en\.ts$|scopes\.generated/.test(p));
// Files that hold only French text: every literal there is checked strictly.
const FRENCH_FILES = ['src/core/i18n/fr.ts', 'src/core/messages.ts', 'src/local/cli/messages.ts'];

/** A template's text outside {{…}} and outside HTML tags. */
function templateText(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .replace(/<[^>]*>/g, ' ');
}

describe('French typography: U+00A0 inside « » and before : ; ! ?', () => {
  it('holds in every string of the product’s code', () => {
    const wrong: string[] = [];
    for (const path of SOURCES) {
      const name = relative(ROOT, path);
      const strict = FRENCH_FILES.includes(name.replaceAll('\\', '/'));
      for (const { line, text } of literals(path)) {
        if (SPEC_WORDS.has(text)) continue;
        for (const problem of problems(text, strict))
          wrong.push(`${name}:${line} ${problem} : ${text}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(SOURCES.length).toBeGreaterThan(50);
  });

  it('holds in the French letter and mail templates', () => {
    const templates = files(join(ROOT, 'templates'), (p) => /[/\\]fr[/\\.]/.test(p));
    expect(templates.length).toBe(6);
    const wrong = templates.flatMap((path) =>
      templateText(path)
        .split('\n')
        .flatMap((line) =>
          problems(line, true).map((p) => `${relative(ROOT, path)} ${p} : ${line}`),
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('holds in every French message once its values are filled in', () => {
    const shown: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') shown.push(value);
      else if (typeof value === 'function') {
        // Counts 0, 1 and 2, words (a field's name is one), lists: each function takes one of them.
        let made = 0;
        for (const sample of [
          0,
          1,
          2,
          'lastName',
          ['lastName', 'firstName'],
          [['a', 'b']],
          [{ login: 'a', characters: ['x'] }],
        ]) {
          const args = Array.from({ length: Math.max(1, value.length) }, () => sample);
          try {
            shown.push(String(value(...args)));
            made++;
          } catch {
            // Not this kind of argument.
          }
        }
        expect(made, value.toString()).toBeGreaterThan(0);
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(fr);
    walk(coreMessages);
    walk(cliMessages);
    walk(pdfMessages);
    for (const activated of [true, false]) {
      const account = mailAccount({ activated, activationCode: activated ? null : 'b6yhsp6' });
      const message = buildMessage(account, DEFAULT_SETTINGS, { language: 'fr' });
      shown.push(message.subject, message.text, message.html.replace(/<[^>]*>/g, ' '));
    }
    const wrong = shown.flatMap((text) => problems(text, false).map((p) => `${p} : ${text}`));
    expect(wrong).toEqual([]);
    expect(fr.mail.skippedNoEmail(1)).toBe(`1 ignoré${NBSP}: sans courriel`);
    expect(fr.typography.quoted('Comptes')).toBe(`«${NBSP}Comptes${NBSP}»`);
  });
});
