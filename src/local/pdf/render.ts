// Draws a letters model with pdfkit: real A4 pages, selectable text in embedded DejaVu faces,
// dashed cut lines. Line breaks come from the core; every line is measured again with the real
// font and shortened if it must be, and each slot is clipped, so nothing leaves its slot.
import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import {
  ACCOUNT_KINDS,
  estimateWidth,
  type Block,
  shortenRuns,
  wrapRuns,
  type FontName,
  type LetterDocument,
  type LetterSlot,
  type Line,
  type Measure,
  type TextStyle,
} from '../../core/letters';
import { fontFiles } from './fonts';

const CUT_LINE_COLOUR = '#8c8c8c';
const TEXT_COLOUR = '#000000';
const MUTED_COLOUR = '#444444';

export interface PdfInfo {
  title: string;
  /** Fixed dates keep the output byte-for-byte reproducible. */
  creationDate?: Date;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of fontkit and of pdfkit's embedded font that the fast layout touches. */
interface FontkitGlyph {
  advanceWidth: number;
}
interface Layout {
  glyphs: FontkitGlyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface EmbeddedFont {
  scale: number;
  font: { glyphsForString(text: string): FontkitGlyph[] };
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
}

/** Distinct strings whose layout is kept; a school's wording repeats on every card. */
const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * Lays text out glyph by glyph from the cmap, without OpenType shaping, one cache entry per
 * string. Shaping and pdfkit's word splitting are most of pdfkit's time on 3,750 pages of
 * cards, and Latin letters need neither once the core has composed accents (NFC): no ligature,
 * no kerning, so widths are exactly the advances that the core's table estimates.
 */
function useCmapLayout(font: EmbeddedFont): void {
  const cache = new Map<string, Layout>();
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

function realMeasure(doc: Doc): Measure {
  return (text, font, size) => doc.font(font).fontSize(size).widthOfString(text);
}

/** The lines of a block as the core broke them, each checked against the real font. */
function checkedLines(
  doc: Doc,
  runs: Parameters<typeof wrapRuns>[0],
  style: TextStyle,
  width: number,
  maxLines: number,
): Line[] {
  const measure = realMeasure(doc);
  return wrapRuns(runs, style, width, estimateWidth)
    .slice(0, maxLines)
    .map((line) => {
      const pieces = line.pieces.map((piece) => ({
        ...piece,
        width: measure(piece.text, piece.font, style.size),
      }));
      const real = pieces.reduce((sum, piece) => sum + piece.width, 0);
      if (real <= width) return { pieces, width: real };
      // The estimate ignored kerning or met an unknown glyph: cut this line with the real font.
      const asRuns = pieces.map((piece) => ({
        text: piece.text,
        bold: piece.font === 'sans-bold',
      }));
      const shortened = shortenRuns(asRuns, style, width, 1, measure);
      return wrapRuns(shortened, style, width, measure)[0]!;
    });
}

/** Lines per template block: its wording is the same object in every letter of a batch. */
type LineCache = Map<object, Map<string, Line[]>>;

function blockLines(doc: Doc, cache: LineCache, block: Block, style: TextStyle, width: number) {
  if (ACCOUNT_KINDS.includes(block.kind)) {
    return checkedLines(doc, block.runs, style, width, block.maxLines);
  }
  let perStyle = cache.get(block.runs);
  if (!perStyle) {
    perStyle = new Map();
    cache.set(block.runs, perStyle);
  }
  const key = `${style.font}|${style.size}|${width}|${block.maxLines}`;
  let lines = perStyle.get(key);
  if (!lines) {
    lines = checkedLines(doc, block.runs, style, width, block.maxLines);
    perStyle.set(key, lines);
  }
  return lines;
}

function drawSlot(doc: Doc, cache: LineCache, letters: LetterDocument, slot: LetterSlot): void {
  const { content } = slot;
  doc.save();
  doc.rect(content.x, content.y, content.width, content.height).clip();
  let y = content.y;
  const bottom = content.y + content.height;
  slot.blocks.forEach((block, index) => {
    const style = letters.styles[block.style];
    if (index > 0) y += style.spaceBefore;
    const width = content.width - style.indent;
    const lines = blockLines(doc, cache, block, style, width);
    if (y + lines.length * style.lineHeight > bottom + 0.01) return;
    const colour = block.kind === 'note' ? MUTED_COLOUR : TEXT_COLOUR;
    doc.fillColor(colour);
    if (block.number !== undefined) {
      doc
        .font('sans-bold' satisfies FontName)
        .fontSize(style.size)
        .text(`${block.number}.`, content.x, y, { lineBreak: false });
    }
    for (const line of lines) {
      let x = content.x + style.indent;
      for (const piece of line.pieces) {
        doc.font(piece.font).fontSize(style.size).text(piece.text, x, y, { lineBreak: false });
        x += piece.width;
      }
      y += style.lineHeight;
    }
  });
  doc.restore();
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
  // Registered once: pdfkit then embeds one subset of each face for the whole file.
  for (const [name, file] of Object.entries(fontFiles())) {
    doc.registerFont(name, file);
    useCmapLayout((doc.font(name) as unknown as { _font: EmbeddedFont })._font);
  }
  const cache: LineCache = new Map();
  for (const page of letters.pages) {
    doc.addPage({ size: [geometry.width, geometry.height], margin: 0 });
    drawCutLines(doc, letters);
    for (const slot of page.slots) drawSlot(doc, cache, letters, slot);
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
