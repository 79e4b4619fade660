// A text checked before it is saved or used: its length (one document property), its syntax,
// and what protects a campaign: a credentials text shows the login, a text for accounts to
// activate shows the code, and in a letter both stand alone on their line (their box, which the
// fitting never shortens).
import type { Language } from '../present';
import {
  MAX_SUBJECT_LENGTH,
  MAX_TEXT_LENGTH,
  splitMailSource,
  textInfo,
  type TextId,
  type TextSources,
} from './catalog';
import { fieldTag, type FieldName } from './fields';
import {
  normalizeSource,
  parseTemplate,
  unconditionalFields,
  type Template,
  type TemplateNode,
  type TextProblem,
} from './template';

export interface CompiledText {
  id: TextId;
  language: Language;
  /** The letter's or card's text, or the e-mail's body. */
  body: Template;
  /** The e-mail's subject (a single line); null for a letter or a card. */
  subject: Template | null;
  /** The line of the source the body starts on (an e-mail's body follows its subject). */
  bodyLine: number;
}

export type CompileResult =
  { ok: true; text: CompiledText } | { ok: false; problems: TextProblem[] };

const thousands = (value: number) => value.toLocaleString('fr-FR').replace(/\s/g, '\u00a0');

/** The length check alone: what a property may hold. */
export function lengthProblem(source: string): TextProblem | null {
  if (source.length <= MAX_TEXT_LENGTH) return null;
  return {
    line: null,
    message: `Le texte est trop long\u00a0: ${thousands(source.length)} caractères, ${thousands(MAX_TEXT_LENGTH)} au plus (une propriété du classeur contient au plus 9\u00a0Ko). Raccourcissez-le.`,
  };
}

/** Whether a field of the root stands alone on its line (spaces and `**` around it only). */
function aloneOnLine(nodes: readonly TemplateNode[], index: number): boolean {
  for (const step of [-1, 1]) {
    for (let at = index + step; at >= 0 && at < nodes.length; at += step) {
      const node = nodes[at]!;
      if (node.type !== 'text') return false;
      const lines = node.text.split('\n');
      const part = step < 0 ? lines[lines.length - 1]! : lines[0]!;
      if (!/^[\s*]*$/.test(part)) return false;
      if (lines.length > 1) break;
    }
  }
  return true;
}

function inCondition(nodes: readonly TemplateNode[], field: FieldName): number | null {
  for (const node of nodes) {
    if (node.type !== 'if') continue;
    const walk = (inner: readonly TemplateNode[]): boolean =>
      inner.some((item) => item.type === 'field' && item.field === field);
    if (walk(node.then) || walk(node.otherwise)) return node.line;
  }
  return null;
}

function boxProblems(template: Template, language: Language): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const field of ['identifiant', 'code'] as const) {
    const tag = fieldTag(field, language);
    const conditional = inCondition(template.nodes, field);
    if (conditional !== null) {
      problems.push({
        line: conditional,
        field,
        message: `Ligne ${conditional}\u00a0: dans un courrier, ${tag} ne peut pas être dans une condition\u00a0; placez-le seul sur sa ligne, hors de «\u00a0{{#si}}\u00a0».`,
      });
    }
    let box: number | null = null;
    template.nodes.forEach((node, index) => {
      if (node.type !== 'field' || node.field !== field) return;
      if (aloneOnLine(template.nodes, index)) {
        if (box !== null) {
          problems.push({
            line: node.line,
            field,
            message: `Ligne ${node.line}\u00a0: ${tag} est déjà seul sur la ligne ${box}\u00a0; un courrier n’a qu’un cadre ${field === 'code' ? 'du code' : 'de l’identifiant'}.`,
          });
        }
        box ??= node.line;
      } else {
        problems.push({
          line: node.line,
          field,
          message: `Ligne ${node.line}\u00a0: dans un courrier, ${tag} doit être seul sur sa ligne\u00a0: il y devient le cadre ${field === 'code' ? 'du code' : 'de l’identifiant'}, jamais raccourci. Mettez le reste de la ligne sur la ligne d’avant (son intitulé).`,
        });
      }
    });
  }
  return problems;
}

function requiredProblems(
  template: Template,
  id: TextId,
  language: Language,
  required: FieldName[],
): TextProblem[] {
  const present = unconditionalFields(template);
  const info = textInfo(id);
  return required
    .filter((field) => !present.has(field))
    .map((field) => ({
      line: null,
      field,
      message:
        field === 'identifiant'
          ? `Le texte «\u00a0${info.label}\u00a0» doit contenir ${fieldTag(field, language)} (hors de toute condition)\u00a0: sans lui, le compte ne peut pas être utilisé.`
          : `Le texte «\u00a0${info.label}\u00a0» doit contenir ${fieldTag(field, language)} (hors de toute condition)\u00a0: un compte non activé ne s’ouvre qu’avec son code d’activation.`,
    }));
}

/**
 * Checks a text and reads it into templates; every problem at once, in French, with its line.
 * A text that compiles can be saved and rendered.
 */
export function compileText(language: Language, id: TextId, rawSource: string): CompileResult {
  const info = textInfo(id);
  const tooLong = lengthProblem(rawSource);
  if (tooLong) return { ok: false, problems: [tooLong] };
  const source = normalizeSource(rawSource);
  const required: FieldName[] =
    info.variant === 'not-activated' ? ['identifiant', 'code'] : ['identifiant'];
  const problems: TextProblem[] = [];
  let subject: Template | null = null;
  let bodySource = source;
  let bodyLine = 1;
  if (info.format === 'mail') {
    const parts = splitMailSource(source);
    bodySource = parts.body;
    bodyLine = parts.bodyLine;
    if (parts.subject.trim() === '') {
      problems.push({
        line: 1,
        message: 'Ligne 1\u00a0: la première ligne est l’objet du courriel, elle est vide.',
      });
    } else if (Array.from(parts.subject).length > MAX_SUBJECT_LENGTH) {
      problems.push({
        line: 1,
        message: `Ligne 1\u00a0: l’objet du courriel est trop long (${Array.from(parts.subject).length} caractères, ${MAX_SUBJECT_LENGTH} au plus).`,
      });
    }
    if (parts.missingBlank) {
      problems.push({
        line: 2,
        message:
          'Ligne 2\u00a0: laissez une ligne vide entre l’objet (ligne 1) et le texte du courriel.',
      });
    }
    const parsedSubject = parseTemplate(parts.subject, { language });
    if (parsedSubject.ok) subject = parsedSubject.template;
    else problems.push(...parsedSubject.problems);
  }
  const parsed = parseTemplate(bodySource, { language, firstLine: bodyLine });
  if (!parsed.ok) return { ok: false, problems: [...problems, ...parsed.problems] };
  problems.push(...requiredProblems(parsed.template, id, language, required));
  if (info.format !== 'mail') problems.push(...boxProblems(parsed.template, language));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, text: { id, language, body: parsed.template, subject, bodyLine } };
}

/** A text known to be valid (a default, or one checked when it was saved); else an error. */
export function compileOrThrow(language: Language, id: TextId, source: string): CompiledText {
  const result = compileText(language, id, source);
  if (!result.ok) {
    throw new TextError(id, result.problems);
  }
  return result.text;
}

/** A text that cannot be used, with the French messages to show. */
export class TextError extends Error {
  constructor(
    readonly id: TextId,
    readonly problems: TextProblem[],
  ) {
    super(
      `Le texte «\u00a0${textInfo(id).label}\u00a0» ne peut pas être utilisé\u00a0: ${problems.map((p) => p.message).join(' ')}`,
    );
    this.name = 'TextError';
  }
}

/**
 * The customised texts among `ids`, each compiled again before a job uses it: the first that no
 * longer compiles refuses the job, its problems in one message. Texts not customised are left out.
 */
export function usableTexts(
  language: Language,
  stored: TextSources,
  ids: readonly TextId[],
): { ok: true; texts: TextSources } | { ok: false; message: string } {
  const texts: TextSources = {};
  for (const id of ids) {
    const source = stored[id];
    if (source === undefined) continue;
    const compiled = compileText(language, id, source);
    if (!compiled.ok)
      return { ok: false, message: compiled.problems.map((p) => p.message).join(' ') };
    texts[id] = source;
  }
  return { ok: true, texts };
}
