// Text keys: how the core compares names, headers and profile values (SPEC §1, §2).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters that NFD does not decompose but a French reader takes as two plain letters.
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
const LIGATURE = /[œŒæÆß]/g;

// Names repeat a lot in a school (first names, families): decompose each distinct one once.
const CACHE_LIMIT = 200_000;
const decomposed = new Map<string, string>();

/** Accents removed, lower case: the comparison key of a text. */
export function textKey(text: string): string {
  // Fast path: plain ASCII needs no decomposition (most logins, many names).
  const ascii = asciiKey(text);
  if (ascii !== null) return ascii;
  let key = decomposed.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(LIGATURE, (letter) => LIGATURES[letter] ?? letter)
      .toLowerCase();
    if (decomposed.size >= CACHE_LIMIT) decomposed.clear();
    decomposed.set(text, key);
  }
  return key;
}

/**
 * The key of an ASCII text: the text itself when it has no capital letter (most logins), else
 * lower-cased. Null for any other text. One pass over the characters, no copy of a text that
 * is already its key.
 */
function asciiKey(text: string): string | null {
  let capital = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return null;
    if (c >= 0x41 && c <= 0x5a) capital = true;
  }
  return capital ? text.toLowerCase() : text;
}

/** A header or a coded value: text key, every run of non-alphanumerics one space, trimmed. */
export function headerKey(text: string): string {
  return textKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const nameKeys = new Map<string, string>();

/** A person's name as written in a "Prénom Nom" cell: text key, spaces collapsed, trimmed. */
export function nameKey(text: string): string {
  // Names repeat (a family, a common first name): one map lookup rather than two regexes.
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = collapseSpaces(textKey(text));
    if (nameKeys.size >= CACHE_LIMIT) nameKeys.clear();
    nameKeys.set(text, key);
  }
  return key;
}

function collapseSpaces(key: string): string {
  // Most names have single plain spaces: skip the replace. Any other white space, even alone,
  // becomes a plain space, so that the key of "a b" is the keys of a and b joined (PupilIndex).
  return /\s\s|[^\S ]/.test(key) ? key.replace(/\s+/g, ' ').trim() : key.trim();
}

const SURROGATE = /[\ud800-\udfff]/;

/** Whether `<` on the text's UTF-16 units orders it as code points do (no astral character). */
export function comparesByUnits(text: string): boolean {
  return !SURROGATE.test(text);
}

/** Compares two texts code point by code point (not UTF-16 unit by unit). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Only surrogates (astral code points) sort differently from their UTF-16 units.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs === ys) return x - y;
      return xs ? 1 : -1;
    }
  }
  return a.length - b.length;
}
