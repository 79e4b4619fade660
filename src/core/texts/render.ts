// A parsed text filled for one account: lines of runs, each run either the text's own words or a
// field's value. Marks (« # », « - », « ~ », « ** ») are read only in the text's own words, so a
// value (a login « **x », a name « - y ») is always shown as it is and never becomes markup.
import { fieldValue, type FieldContext, type FieldName, type FieldValue } from './fields';
import type { Template, TemplateNode } from './template';

/** A piece of a filled line: the text's words, or the value of `field`. */
export interface TextRun {
  text: string;
  bold?: boolean;
  field?: FieldName;
}

/** The kinds a line's first characters give it: « # », « ## », « ### », « - », « ~ ». */
export type LineKind = 'heading' | 'subheading' | 'section' | 'paragraph' | 'step' | 'note';

export interface FilledLine {
  kind: LineKind;
  runs: TextRun[];
  /** The line is nothing but one field (and spaces or bold marks): a letter's box. */
  only: FieldName[] | null;
  /** Values of list fields met on the line (classes, children), for a shortening item-wise. */
  list?: { prefix: string; items: string[] };
  /** The fields the line reads, in order. */
  fields: FieldName[];
  /** The line reads an account's field: its text differs from one letter to the next. */
  personal: boolean;
}

/** A filled text: its lines, blank lines kept as `null` (paragraph breaks). */
export type FilledText = (FilledLine | null)[];

const PREFIXES: [string, LineKind][] = [
  ['### ', 'section'],
  ['## ', 'subheading'],
  ['# ', 'heading'],
  ['- ', 'step'],
  ['~ ', 'note'],
];

interface Segment {
  text: string;
  field?: FieldName;
  value?: FieldValue;
}

interface RawLine {
  segments: Segment[];
  fields: number;
  filled: number;
}

/** Values are computed once per field and text. */
export type Values = (field: FieldName) => FieldValue;

function evaluate(nodes: readonly TemplateNode[], values: Values, lines: RawLine[]): void {
  for (const node of nodes) {
    const current = lines[lines.length - 1]!;
    if (node.type === 'text') {
      const parts = node.text.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) lines.push({ segments: [], fields: 0, filled: 0 });
        if (part !== '') lines[lines.length - 1]!.segments.push({ text: part });
      });
    } else if (node.type === 'field') {
      const value = values(node.field);
      current.fields++;
      if (value.text !== '') current.filled++;
      current.segments.push({ text: value.text, field: node.field, value });
    } else {
      evaluate(values(node.field).text !== '' ? node.then : node.otherwise, values, lines);
    }
  }
}

/** `**` in the text's words switches bold on and off; a value takes the bold it falls in. */
function runsOf(segments: readonly Segment[]): TextRun[] {
  const runs: TextRun[] = [];
  let bold = false;
  const push = (run: TextRun) => {
    if (run.text === '') return;
    const last = runs[runs.length - 1];
    if (last && !last.field && !run.field && !!last.bold === !!run.bold) last.text += run.text;
    else runs.push(run);
  };
  for (const segment of segments) {
    if (segment.field) {
      push(
        bold
          ? { text: segment.text, bold, field: segment.field }
          : { text: segment.text, field: segment.field },
      );
      continue;
    }
    const parts = segment.text.split('**');
    parts.forEach((part, index) => {
      if (index > 0) bold = !bold;
      push(bold ? { text: part, bold } : { text: part });
    });
  }
  return runs;
}

function shape(raw: RawLine, accountFields: ReadonlySet<FieldName>): FilledLine | null {
  const segments = raw.segments.map((segment) => ({ ...segment }));
  // Leading spaces go; the kind is read from the text's own first characters only.
  while (segments[0] && !segments[0].field) {
    segments[0].text = segments[0].text.replace(/^\s+/, '');
    if (segments[0].text !== '') break;
    segments.shift();
  }
  let kind: LineKind = 'paragraph';
  const first = segments[0];
  if (first && !first.field) {
    const prefix = PREFIXES.find(([mark]) => first.text.startsWith(mark));
    if (prefix) {
      kind = prefix[1];
      first.text = first.text.slice(prefix[0].length);
    }
  }
  const runs = runsOf(segments);
  // Spaces at both ends are not the text's words.
  while (runs.length > 0 && !runs[0]!.field && runs[0]!.text.trim() === '') runs.shift();
  while (
    runs.length > 0 &&
    !runs[runs.length - 1]!.field &&
    runs[runs.length - 1]!.text.trim() === ''
  )
    runs.pop();
  if (runs[0] && !runs[0].field) runs[0] = { ...runs[0], text: runs[0].text.replace(/^\s+/, '') };
  const lastIndex = runs.length - 1;
  if (runs[lastIndex] && !runs[lastIndex].field) {
    runs[lastIndex] = { ...runs[lastIndex], text: runs[lastIndex].text.replace(/\s+$/, '') };
  }
  const visible = runs.filter((run) => run.text !== '');
  if (visible.length === 0 && raw.fields === 0) return null;
  const words = visible.filter((run) => !run.field);
  const fields = raw.segments.filter((segment) => segment.field).map((segment) => segment.field!);
  const only = words.every((run) => run.text.trim() === '') && fields.length > 0 ? fields : null;
  const filled: FilledLine = {
    kind,
    runs: visible,
    only,
    fields,
    personal: fields.some((field) => accountFields.has(field)),
  };
  // A line ending with a list (« Classes : {{classes}} ») is shortened item by item.
  const last = raw.segments[raw.segments.length - 1];
  if (last?.value?.list && last.value.list.items.length > 0 && visible.every((run) => !run.bold)) {
    const head = visible
      .slice(0, -1)
      .map((run) => run.text)
      .join('');
    filled.list = { prefix: head + last.value.list.prefix, items: last.value.list.items };
  }
  return filled;
}

/** Fields whose value differs from one account to the next. */
export const ACCOUNT_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  'prénom',
  'nom',
  'identifiant',
  'code',
  'profil',
  'profil_classes',
  'classes',
  'enfants',
  'courriel',
]);

/**
 * The text filled for one account. A line whose fields are all empty goes (« Classes :
 * {{classes}} » for a parent without classes, « ~ {{contact}} » without a contact line); a
 * line without fields always stays; blank lines stay as `null`, several in a row as one.
 */
export function fillTemplate(template: Template, context: FieldContext): FilledText {
  const cache = new Map<FieldName, FieldValue>();
  return fillTemplateWith(template, (field) => {
    let value = cache.get(field);
    if (!value) {
      value = fieldValue(field, context);
      cache.set(field, value);
    }
    return value;
  });
}

/** fillTemplate with the values given by a function (a batch's letters share what they can). */
export function fillTemplateWith(template: Template, values: Values): FilledText {
  const raw: RawLine[] = [{ segments: [], fields: 0, filled: 0 }];
  evaluate(template.nodes, values, raw);
  const result: FilledText = [];
  for (const line of raw) {
    if (line.fields > 0 && line.filled === 0) {
      // A box's label goes with its box (« Code d'activation » of an activated account).
      const previous = result[result.length - 1];
      if (isOnlyFields(line) && previous && isLabel(previous)) result.pop();
      continue;
    }
    const shaped = shape(line, ACCOUNT_FIELDS);
    if (shaped === null && (result.length === 0 || result[result.length - 1] === null)) continue;
    result.push(shaped);
  }
  while (result.length > 0 && result[result.length - 1] === null) result.pop();
  return result;
}

function isOnlyFields(line: RawLine): boolean {
  return line.segments.every((segment) => segment.field || /^[\s*]*$/.test(segment.text));
}

/** Longest label a box may have: a few words (« Code d'activation »), not a paragraph. */
export const MAX_LABEL_LENGTH = 40;

/**
 * A line that can be the label of the box after it: plain words without a field or a mark,
 * a few words long.
 */
export function isLabel(line: FilledLine): boolean {
  return (
    line.kind === 'paragraph' &&
    line.fields.length === 0 &&
    Array.from(lineText(line)).length <= MAX_LABEL_LENGTH
  );
}

/** The text of a line's runs, marks removed. */
export function lineText(line: FilledLine): string {
  return line.runs.map((run) => run.text).join('');
}
