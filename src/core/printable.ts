// Text from an export shown back to the referent (a message, a terminal, the sidebar): control
// characters neutralised, length bounded, so a hostile or broken file cannot drive the terminal
// (ESC sequences), hide text (bidirectional overrides) or flood the screen.

/** C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_GLOBAL = new RegExp(CONTROL_CHARACTERS.source, 'g');
const CONTROL_BUT_LINE_FEED = new RegExp(
  CONTROL_CHARACTERS.source.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f'),
  'g',
);

/** A C0 control as its Unicode picture (ESC → ␛), any other as U+FFFD: one character for one. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** The text with every control character made visible; same length in code points. */
export function printable(text: string): string {
  return CONTROL_CHARACTERS.test(text) ? text.replace(CONTROL_GLOBAL, picture) : text;
}

/** printable, keeping line feeds: a message of several lines. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_LINE_FEED, picture);
}

/** printable, cut to `max` code points with "…" (a 2 MB header is not a message). */
export function excerpt(text: string, max: number): string {
  const clean = printable(text);
  if (clean.length <= max) return clean;
  // A code point is one or two code units: the first 2 × max units hold max code points.
  const points = Array.from(clean.slice(0, max * 2));
  if (points.length <= max && clean.length <= max * 2) return clean;
  return `${points.slice(0, max - 1).join('')}…`;
}
