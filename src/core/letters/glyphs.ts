// Characters a renderer's faces cannot draw (CJK, mathematical letters, some emoji in the
// monospace face): they would print as empty boxes, so the referent is told whose letters.
import type { FontName, LetterDocument } from './model';

/** Whether a face has a glyph for a code point (the renderer's embedded font knows). */
export type HasGlyph = (font: FontName, codePoint: number) => boolean;

export interface UndrawnLetter {
  login: string;
  /** The characters without a glyph, each once, in order of appearance. */
  characters: string[];
}

/** The letters holding a character their face cannot draw; white space is never drawn. */
export function undrawnCharacters(letters: LetterDocument, hasGlyph: HasGlyph): UndrawnLetter[] {
  const known = new Map<string, boolean>();
  const drawable = (font: FontName, char: string) => {
    const key = font + char;
    let found = known.get(key);
    if (found === undefined) {
      found = /\s/u.test(char) || hasGlyph(font, char.codePointAt(0)!);
      known.set(key, found);
    }
    return found;
  };
  const out: UndrawnLetter[] = [];
  for (const page of letters.pages) {
    for (const slot of page.slots) {
      const characters: string[] = [];
      for (const block of slot.blocks) {
        for (const line of block.lines) {
          for (const piece of line.pieces) {
            for (const char of piece.text) {
              if (!drawable(piece.font, char) && !characters.includes(char)) characters.push(char);
            }
          }
        }
      }
      if (characters.length > 0) out.push({ login: slot.login, characters });
    }
  }
  return out;
}
