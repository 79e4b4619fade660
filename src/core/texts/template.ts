// The referent's template language: text with merge fields « {{prénom}} » and one condition
// « {{#si courriel}} … {{sinon}} … {{/si}} ». A text is parsed into data (text, field, condition
// nodes), never compiled into code: nothing here evaluates, looks a property up by name or
// reaches a prototype. Messages are in French, with the line and the field at fault.
import { closestField, lookupField, type FieldName } from './fields';
import type { Language } from '../present';

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'field'; field: FieldName; line: number }
  | {
      type: 'if';
      field: FieldName;
      then: TemplateNode[];
      otherwise: TemplateNode[];
      line: number;
    };

export interface Template {
  nodes: TemplateNode[];
}

/** A mistake in a text, said to the referent: the line (from 1) when there is one. */
export interface TextProblem {
  line: number | null;
  /** The field at fault, as written (« prenom »), when there is one. */
  field?: string;
  message: string;
}

export type ParseResult = { ok: true; template: Template } | { ok: false; problems: TextProblem[] };

const STANDALONE = /^\s*\{\{\s*(?:#si|#if|sinon|else|\/si|\/if)(?:\s[^{}]*)?\}\}\s*$/;
const IF_WORDS = new Set(['#si', '#if']);
const ELSE_WORDS = new Set(['sinon', 'else']);
const END_WORDS = new Set(['/si', '/if']);

/**
 * C0 and C1 controls but the line feed and the tab, the line and paragraph separators (a line
 * break no reader of the text sees), and the bidirectional overrides.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A text as stored: line feeds only, accents composed, tabs as spaces. */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC');
}

function shown(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

function unknownField(name: string, line: number, language: Language): TextProblem {
  const suggestion = closestField(name, language);
  const hint = suggestion
    ? `\u00a0: vouliez-vous dire «\u00a0{{${suggestion}}}\u00a0»\u00a0?`
    : '\u00a0: choisissez un champ de la liste («\u00a0{{prénom}}\u00a0», «\u00a0{{identifiant}}\u00a0»…).';
  return {
    line,
    field: name,
    message: `Ligne ${line}\u00a0: le champ «\u00a0{{${shown(name)}}}\u00a0» n’existe pas${hint}`,
  };
}

/**
 * Reads a text into its nodes, or every problem found (each with its line). `firstLine` numbers
 * the lines of a part of a file (an e-mail's body after its subject).
 */
export function parseTemplate(
  source: string,
  options: { language?: Language; firstLine?: number } = {},
): ParseResult {
  const language = options.language ?? 'fr';
  const text = normalizeSource(source);
  const problems: TextProblem[] = [];
  const root: TemplateNode[] = [];
  let open: Extract<TemplateNode, { type: 'if' }> | null = null;
  let inElse = false;
  const target = () => (open ? (inElse ? open.otherwise : open.then) : root);
  const pushText = (value: string) => {
    if (value === '') return;
    const nodes = target();
    const last = nodes[nodes.length - 1];
    if (last?.type === 'text') last.text += value;
    else nodes.push({ type: 'text', text: value });
  };

  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const line = index + (options.firstLine ?? 1);
    if (FORBIDDEN.test(content)) {
      problems.push({
        line,
        message: `Ligne ${line}\u00a0: un caractère invisible de contrôle s’y trouve\u00a0; retapez la ligne.`,
      });
      return;
    }
    // A line holding only « {{#si …}} », « {{sinon}} » or « {{/si}} » adds no line of its own.
    if (index > 0 && !STANDALONE.test(content)) pushText('\n');
    let at = 0;
    while (at < content.length) {
      const start = content.indexOf('{{', at);
      const stray = content.indexOf('}}', at);
      if (stray !== -1 && (start === -1 || stray < start)) {
        problems.push({
          line,
          message: `Ligne ${line}\u00a0: «\u00a0}}\u00a0» ferme un champ qui n’a pas été ouvert\u00a0; écrivez les champs ainsi\u00a0: «\u00a0{{prénom}}\u00a0».`,
        });
        pushText(content.slice(at, stray));
        at = stray + 2;
        continue;
      }
      if (start === -1) {
        pushText(content.slice(at));
        break;
      }
      pushText(content.slice(at, start));
      const end = content.indexOf('}}', start + 2);
      if (end === -1) {
        problems.push({
          line,
          message: `Ligne ${line}\u00a0: «\u00a0{{\u00a0» n’est pas refermé par «\u00a0}}\u00a0» sur la même ligne\u00a0; écrivez les champs ainsi\u00a0: «\u00a0{{prénom}}\u00a0».`,
        });
        break;
      }
      at = end + 2;
      const inner = content.slice(start + 2, end);
      if (/[{}]/.test(inner) || content[at] === '}') {
        problems.push({
          line,
          message: `Ligne ${line}\u00a0: accolades en trop autour de «\u00a0${shown(inner.replace(/[{}]/g, ''))}\u00a0»\u00a0; un champ s’écrit avec deux accolades de chaque côté\u00a0: «\u00a0{{prénom}}\u00a0».`,
        });
        while (content[at] === '}') at++;
        continue;
      }
      const words = inner.trim().split(/\s+/);
      const head = words[0] ?? '';
      if (IF_WORDS.has(head)) {
        const name = words.slice(1).join(' ');
        const field = lookupField(name);
        if (words.length !== 2 || !field) {
          problems.push(
            name === ''
              ? {
                  line,
                  message: `Ligne ${line}\u00a0: «\u00a0{{${head}}}\u00a0» doit nommer un champ\u00a0: «\u00a0{{#si courriel}}\u00a0».`,
                }
              : unknownField(name, line, language),
          );
        }
        if (open) {
          problems.push({
            line,
            message: `Ligne ${line}\u00a0: une condition ne peut pas être placée dans une autre («\u00a0{{#si}}\u00a0» avant le «\u00a0{{/si}}\u00a0» de la ligne ${open.line}).`,
          });
          continue;
        }
        const node: Extract<TemplateNode, { type: 'if' }> = {
          type: 'if',
          field: field?.name ?? 'contact',
          then: [],
          otherwise: [],
          line,
        };
        root.push(node);
        open = node;
        inElse = false;
      } else if (ELSE_WORDS.has(head) && words.length === 1) {
        if (!open || inElse) {
          problems.push({
            line,
            message: `Ligne ${line}\u00a0: «\u00a0{{${head}}}\u00a0» sans «\u00a0{{#si …}}\u00a0» avant lui.`,
          });
        } else {
          inElse = true;
        }
      } else if (END_WORDS.has(head) && words.length === 1) {
        if (!open) {
          problems.push({
            line,
            message: `Ligne ${line}\u00a0: «\u00a0{{${head}}}\u00a0» ferme une condition qui n’a pas été ouverte.`,
          });
        }
        open = null;
        inElse = false;
      } else {
        const name = inner.trim();
        const field = lookupField(name);
        if (!field) problems.push(unknownField(name, line, language));
        else target().push({ type: 'field', field: field.name, line });
      }
    }
  });
  if (open) {
    const line = (open as { line: number }).line;
    problems.push({
      line,
      message: `Ligne ${line}\u00a0: la condition «\u00a0{{#si}}\u00a0» n’est pas fermée par «\u00a0{{/si}}\u00a0».`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: { nodes: root } };
}

/** Fields used outside any condition: those every letter or message is sure to show. */
export function unconditionalFields(template: Template): Set<FieldName> {
  const found = new Set<FieldName>();
  for (const node of template.nodes) if (node.type === 'field') found.add(node.field);
  return found;
}

/** Every field a template uses, conditions included. */
export function allFields(template: Template): Set<FieldName> {
  const found = new Set<FieldName>();
  const walk = (nodes: readonly TemplateNode[]) => {
    for (const node of nodes) {
      if (node.type === 'field') found.add(node.field);
      if (node.type === 'if') {
        found.add(node.field);
        walk(node.then);
        walk(node.otherwise);
      }
    }
  };
  walk(template.nodes);
  return found;
}
