// The small line-based markup of the letter templates (templates/letters/*): one block a line.
//   # heading   ## subheading   ### section   - step   ~ note   other text: a paragraph
//   !name   !role   !login Label   !code Label   (filled by the core with the account's values)
//   **bold** inside a line; a backslash makes the next character literal.
import type { BlockKind, Run } from './model';

export type Directive = 'name' | 'role' | 'login' | 'code';

/** Kinds written as text in a template; the others come from the account. */
export type TextKind = Exclude<BlockKind, Directive | 'label'>;

export type MarkupBlock = { kind: TextKind; runs: Run[] } | { directive: Directive; label: Run[] };

const PREFIXES: [string, TextKind][] = [
  ['### ', 'section'],
  ['## ', 'subheading'],
  ['# ', 'heading'],
  ['- ', 'step'],
  ['~ ', 'note'],
];

/** Makes a value inert in the markup (a name with a star, a contact line starting with « - »). */
export function escapeMarkup(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\*#~!-]/g, '\\$&');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

/** Undoes Handlebars' HTML escaping in one pass: the letters are text, not HTML. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (entity) => ENTITIES[entity]!);
}

/** `**bold**` runs of a line; escapes resolved. */
export function parseInline(line: string): Run[] {
  const runs: Run[] = [];
  let text = '';
  let bold = false;
  const flush = () => {
    if (text !== '') runs.push(bold ? { text, bold: true } : { text });
    text = '';
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\' && i + 1 < line.length) {
      text += line[++i];
    } else if (char === '*' && line[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else {
      text += char;
    }
  }
  flush();
  return runs;
}

export function parseMarkup(source: string): MarkupBlock[] {
  const blocks: MarkupBlock[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const directive = /^!(name|role|login|code)\b\s*(.*)$/.exec(line);
    if (directive) {
      blocks.push({ directive: directive[1] as Directive, label: parseInline(directive[2]!) });
      continue;
    }
    const prefix = PREFIXES.find(([mark]) => line.startsWith(mark));
    const kind: TextKind = prefix ? prefix[1] : 'paragraph';
    const runs = parseInline(prefix ? line.slice(prefix[0].length) : line);
    if (runs.length > 0) blocks.push({ kind, runs });
  }
  return blocks;
}
