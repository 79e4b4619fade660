// The letters model (SPEC §4): pages of slots holding blocks of text runs. It says what goes in
// each letter or card and how much room each block may take, never where a glyph lands, so the
// same value feeds the PDF renderer (pdfkit) and the Google Doc builder (DocumentApp).
import type { Layout } from '../types';
import type { Language } from '../present';

/** A piece of text in one face; `bold` picks the bold face of a sans style. */
export interface Run {
  text: string;
  bold?: boolean;
}

/** What a block is, for a renderer that treats kinds differently (list items, the code…). */
export type BlockKind =
  | 'heading'
  | 'subheading'
  | 'section'
  | 'paragraph'
  | 'step'
  | 'note'
  | 'name'
  | 'role'
  | 'label'
  | 'login'
  | 'code';

/** Styles are given per block kind. */
export type StyleName = BlockKind;

/** The faces the PDF embeds (DejaVu); a Doc maps them to a sans and a monospace family. */
export type FontName = 'sans' | 'sans-bold' | 'mono-bold';

export interface TextStyle {
  font: FontName;
  /** Points. */
  size: number;
  /** Baseline to baseline, points. */
  lineHeight: number;
  /** Room above the block when it is not the first of its slot, points. */
  spaceBefore: number;
  /** Left indent of the text (a step's number hangs in it), points. */
  indent: number;
  /** The most lines the block may take before it is shortened with « … ». */
  maxLines: number;
}

/** A laid-out piece of a line: its text, its face and its width in points. */
export interface Piece {
  text: string;
  font: FontName;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

export interface Block {
  /** What the block is, and the style it is set in. */
  kind: BlockKind;
  /** Already shortened so that it fits its lines in the slot's width. */
  runs: Run[];
  /** Lines the block may take; the fit guarantees the slot holds them all. */
  maxLines: number;
  /**
   * The core's line breaks of `runs`, with the embedded font's advance widths: a renderer
   * using that font draws them as they are (after checking); a Google Doc breaks its own lines.
   * Shared between letters for the template's wording: read, never change.
   */
  lines: Line[];
  /** A step's number, from 1. */
  number?: number;
}

/** A rectangle in points, origin at the page's top left corner, y downwards. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type LetterVariant = 'activated' | 'not-activated';

export interface LetterSlot {
  /** The cell of the page this letter or card owns (what the cut lines go round). */
  box: Rect;
  /** Where its text may go: the box less its padding. */
  content: Rect;
  login: string;
  variant: LetterVariant;
  blocks: Block[];
}

export interface LetterPage {
  slots: LetterSlot[];
}

export interface PageGeometry {
  layout: Layout;
  /** Points; A4 portrait is 595.28 × 841.89. */
  width: number;
  height: number;
  landscape: boolean;
  /** Page margins of a Doc that reproduces the grid, points. */
  margins: { top: number; right: number; bottom: number; left: number };
  slots: { box: Rect; content: Rect }[];
  /** Dashed lines to cut along, the same on every page. */
  cutLines: Segment[];
}

export interface LetterDocument {
  layout: Layout;
  language: Language;
  geometry: PageGeometry;
  styles: Record<StyleName, TextStyle>;
  pages: LetterPage[];
}
