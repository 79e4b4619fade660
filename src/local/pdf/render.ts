// Draws a letters model with pdfkit: real A4 pages, selectable text in embedded DejaVu faces,
// dashed cut lines. Lines come from the core's breaking with the same faces' widths; every line
// is measured again with the real font and cut further if it must be, and each slot is clipped,
// so nothing leaves its slot.
import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import {
  shortenRuns,
  wrapRuns,
  type Block,
  type FontName,
  type LetterDocument,
  type LetterSlot,
  type Line,
  type Measure,
  type TextStyle,
} from '../../core/letters';
import { fontFiles } from './fonts';

const CUT_LINE_COLOUR = '#8c8c8c';
/** PDF fill colours (DeviceRGB): black text, dark grey notes. */
const TEXT_FILL = '0 0 0 rg';
const NOTE_FILL = '0.267 0.267 0.267 rg';

export interface PdfInfo {
  title: string;
  /** Fixed dates keep the output byte-for-byte reproducible. */
  creationDate?: Date;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of fontkit and of pdfkit's embedded font that this renderer uses. */
interface FontkitGlyph {
  advanceWidth: number;
}
interface GlyphLayout {
  glyphs: FontkitGlyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface EmbeddedFont {
  id: string;
  scale: number;
  ascender: number;
  font: { glyphsForString(text: string): FontkitGlyph[] };
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphLayout;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
}

/** Distinct strings whose layout is kept; a school's wording repeats on every card. */
const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * Lays text out glyph by glyph from the cmap, without OpenType shaping, one cache entry per
 * string. Shaping and pdfkit's word splitting were most of the time on 3,750 pages of cards,
 * and Latin letters need neither once the core has composed accents (NFC): no ligature, no
 * kerning, so widths are exactly the advances that the core's table estimates.
 */
function useCmapLayout(font: EmbeddedFont): void {
  const cache = new Map<string, GlyphLayout>();
  font.layout = (text: string) => {
    const cached = cache.get(text);
    if (cached) return cached;
    if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
    const glyphs = font.font.glyphsForString(text);
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      const advance = glyph.advanceWidth * font.scale;
      advanceWidth += advance;
      return { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance };
    });
    const layout = { glyphs, positions, advanceWidth };
    cache.set(text, layout);
    return layout;
  };
}

/** The faces, registered once per file: pdfkit embeds one subset of each for the whole file. */
function registerFonts(doc: Doc): Record<FontName, EmbeddedFont> {
  const fonts = {} as Record<FontName, EmbeddedFont>;
  for (const [name, file] of Object.entries(fontFiles())) {
    doc.registerFont(name, file);
    const font = (doc.font(name) as unknown as { _font: EmbeddedFont })._font;
    useCmapLayout(font);
    fonts[name as FontName] = font;
  }
  return fonts;
}

function realMeasure(fonts: Record<FontName, EmbeddedFont>): Measure {
  return (text, font, size) => (fonts[font].layout(text).advanceWidth * size) / 1000;
}

/** The core's lines of a block, each checked against the real font and cut if too wide. */
function checkedLines(block: Block, style: TextStyle, width: number, measure: Measure): Line[] {
  return block.lines.slice(0, block.maxLines).map((line) => {
    let real = 0;
    for (const piece of line.pieces) real += measure(piece.text, piece.font, style.size);
    if (real <= width + 1e-6) return line;
    const asRuns = line.pieces.map((piece) => ({
      text: piece.text,
      bold: piece.font === 'sans-bold',
    }));
    return wrapRuns(shortenRuns(asRuns, style, width, 1, measure), style, width, measure)[0]!;
  });
}

/** Lines per template block: its lines are the same object in every letter of a batch. */
type LineCache = Map<Line[], Line[]>;

const num = (value: number) => String(Math.round(value * 100) / 100);

/**
 * One slot as one piece of page content: clip to the slot, then each line as a text object in
 * the page's top-down coordinates (pdfkit's page flips y; the text matrix flips the glyphs back).
 * Writing operators ourselves, one string per slot, is what keeps 30,000 cards fast.
 */
function drawSlot(
  doc: Doc,
  fonts: Record<FontName, EmbeddedFont>,
  measure: Measure,
  cache: LineCache,
  letters: LetterDocument,
  slot: LetterSlot,
): void {
  const { content } = slot;
  const ops: string[] = [
    'q',
    `${num(content.x)} ${num(content.y)} ${num(content.width)} ${num(content.height)} re W n`,
    'BT',
  ];
  const page = doc.page as unknown as { fonts: Record<string, unknown> };
  const useFont = (font: EmbeddedFont, size: number) => {
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    ops.push(`/${font.id} ${num(size)} Tf`);
  };
  const show = (font: EmbeddedFont, size: number, text: string, x: number, y: number) => {
    const [hex] = font.encode(text);
    const baseline = y + (font.ascender / 1000) * size;
    ops.push(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm`, `<${hex.join('')}> Tj`);
  };
  let y = content.y;
  const bottom = content.y + content.height;
  slot.blocks.forEach((block, index) => {
    const style = letters.styles[block.kind];
    if (index > 0) y += style.spaceBefore;
    const width = content.width - style.indent;
    let lines = cache.get(block.lines);
    if (!lines) {
      lines = checkedLines(block, style, width, measure);
      cache.set(block.lines, lines);
    }
    if (y + lines.length * style.lineHeight > bottom + 0.01) return;
    ops.push(block.kind === 'note' ? NOTE_FILL : TEXT_FILL);
    if (block.number !== undefined) {
      useFont(fonts['sans-bold'], style.size);
      show(fonts['sans-bold'], style.size, `${block.number}.`, content.x, y);
    }
    for (const line of lines) {
      let x = content.x + style.indent;
      for (const piece of line.pieces) {
        useFont(fonts[piece.font], style.size);
        show(fonts[piece.font], style.size, piece.text, x, y);
        x += measure(piece.text, piece.font, style.size);
      }
      y += style.lineHeight;
    }
  });
  ops.push('ET', 'Q');
  doc.addContent(ops.join('\n'));
}

function drawCutLines(doc: Doc, letters: LetterDocument): void {
  if (letters.geometry.cutLines.length === 0) return;
  doc.save();
  doc.lineWidth(0.5).strokeColor(CUT_LINE_COLOUR).dash(4, { space: 3 });
  for (const line of letters.geometry.cutLines)
    doc.moveTo(line.x1, line.y1).lineTo(line.x2, line.y2);
  doc.stroke();
  doc.restore();
}

/** Streams the PDF of a letters model; resolves once everything is written. */
export function renderLetters(
  letters: LetterDocument,
  output: Writable,
  info: PdfInfo,
): Promise<void> {
  const { geometry } = letters;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    lang: letters.language === 'fr' ? 'fr-FR' : 'en-GB',
    info: {
      Title: info.title,
      Creator: 'Publipostage ENT',
      Producer: 'Publipostage ENT',
      CreationDate: info.creationDate ?? new Date(0),
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(output);
  const fonts = registerFonts(doc);
  const measure = realMeasure(fonts);
  // Template lines are shared objects, account lines are new ones: keep the map small.
  const cache: LineCache = new Map();
  for (const page of letters.pages) {
    if (cache.size > 1000) cache.clear();
    doc.addPage({ size: [geometry.width, geometry.height], margin: 0 });
    drawCutLines(doc, letters);
    for (const slot of page.slots) drawSlot(doc, fonts, measure, cache, letters, slot);
  }
  doc.end();
  return done;
}

/** Writes the PDF to a file; returns its size in bytes. */
export async function writeLettersPdf(
  letters: LetterDocument,
  path: string,
  info: PdfInfo,
): Promise<number> {
  await renderLetters(letters, createWriteStream(path), info);
  return (await stat(path)).size;
}
