// Drive's export of an emulated Google Doc to PDF: the Doc's own paragraphs and tables laid out
// with pdfkit, as a word processor would, without going back to the letters model. So the PDF
// shows what the add-on's DocumentApp calls built, overflow and blank pages included. How Docs
// really lays text out is not public: the rules here are guesses (docs/EMULATOR.md).
import PDFDocument from 'pdfkit';
import { dirname, join } from 'node:path';
import { fontFiles } from '../pdf/fonts';
import {
  DEFAULT_CELL_PADDING,
  PAGE_BREAK,
  EmuParagraph,
  EmuTable,
  type DocAttributes,
  type EmuDocument,
} from './document';

type Pdf = InstanceType<typeof PDFDocument>;

/** Docs' « Normal text »: Arial 11, line spacing 1.15. */
const DEFAULTS = { family: 'Arial', size: 11, lineSpacing: 1.15 };
/** Height of a line box for a 1 pt font at single spacing (Arial's ascent + descent). */
const LINE_BOX = 1.15;
const DEFAULT_BORDER = { color: '#000000', width: 1 };

type Face = 'sans' | 'sans-bold' | 'mono' | 'mono-bold';

interface Piece {
  text: string;
  face: Face;
  size: number;
  colour: string;
  width: number;
}
interface LaidLine {
  pieces: Piece[];
  width: number;
  height: number;
  indent: number;
  /** A page break ends this line: what follows starts on a new page. */
  breakAfter?: boolean;
}
interface LaidParagraph {
  lines: LaidLine[];
  before: number;
  after: number;
  align: string;
}

/** Every font family is drawn with a DejaVu face: monospaced families with DejaVu Sans Mono. */
function faceOf(attributes: DocAttributes): Face {
  const family = String(attributes.FONT_FAMILY ?? DEFAULTS.family);
  const mono = /mono|courier|consolas|code/i.test(family);
  const bold = attributes.BOLD === true;
  return mono ? (bold ? 'mono-bold' : 'mono') : bold ? 'sans-bold' : 'sans';
}

function registerFaces(pdf: Pdf): void {
  const files = fontFiles();
  pdf.registerFont('sans', files.sans);
  pdf.registerFont('sans-bold', files['sans-bold']);
  pdf.registerFont('mono-bold', files['mono-bold']);
  pdf.registerFont('mono', join(dirname(files['mono-bold']), 'DejaVuSansMono.ttf'));
}

/** The paragraph's text cut into runs of equal attributes (paragraph's, then spans over it). */
function runs(paragraph: EmuParagraph): { text: string; attributes: DocAttributes }[] {
  const text = paragraph.text;
  const cuts = new Set([0, text.length]);
  for (const span of paragraph.spans) {
    cuts.add(Math.max(0, span.start));
    cuts.add(Math.min(text.length, span.end + 1));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const attributes = { ...paragraph.attributes };
    for (const span of paragraph.spans)
      if (span.start <= from && span.end >= to - 1) Object.assign(attributes, span.attributes);
    result.push({ text: text.slice(from, to), attributes });
  }
  return result;
}

/** Widths by face, size and text: letters repeat the same words on every page. */
const widths = new Map<string, number>();

/** Greedy line breaking at spaces, a word wider than the line broken between characters. */
function layParagraph(pdf: Pdf, paragraph: EmuParagraph, width: number): LaidParagraph {
  const a = paragraph.attributes;
  const size = Number(a.FONT_SIZE ?? DEFAULTS.size);
  const spacing = Number(a.LINE_SPACING ?? DEFAULTS.lineSpacing);
  const firstIndent = Number(a.INDENT_FIRST_LINE ?? 0);
  const startIndent = Number(a.INDENT_START ?? 0);
  const endIndent = Number(a.INDENT_END ?? 0);
  const lines: LaidLine[] = [];
  let line: LaidLine = { pieces: [], width: 0, height: 0, indent: firstIndent };
  const room = () => width - line.indent - endIndent;
  const lineHeight = (pieceSize: number) => pieceSize * LINE_BOX * spacing;
  const push = (piece: Piece) => {
    line.pieces.push(piece);
    line.width += piece.width;
    line.height = Math.max(line.height, lineHeight(piece.size));
  };
  const newLine = () => {
    if (line.height === 0) line.height = lineHeight(size);
    lines.push(line);
    line = { pieces: [], width: 0, height: 0, indent: startIndent };
  };
  if (widths.size > 50_000) widths.clear();
  for (const whole of runs(paragraph)) {
    whole.text.split(PAGE_BREAK).forEach((text, k) => {
      if (k > 0) {
        line.breakAfter = true;
        newLine();
      }
      layRun({ text, attributes: whole.attributes });
    });
  }
  // The newline after a break at the paragraph's end draws nothing on the new page.
  if (!(line.pieces.length === 0 && lines.at(-1)?.breakAfter)) newLine();
  return {
    lines,
    before: Number(a.SPACING_BEFORE ?? 0),
    after: Number(a.SPACING_AFTER ?? 0),
    align: String(a.HORIZONTAL_ALIGNMENT ?? 'LEFT'),
  };

  function layRun(run: { text: string; attributes: DocAttributes }): void {
    const face = faceOf(run.attributes);
    const runSize = Number(run.attributes.FONT_SIZE ?? size);
    const colour = String(run.attributes.FOREGROUND_COLOR ?? '#000000');
    const measure = (text: string) => {
      const key = `${face}|${runSize}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = pdf.font(face).fontSize(runSize).widthOfString(text);
        widths.set(key, w);
      }
      return w;
    };
    for (const word of run.text.split(/(\s+)/)) {
      if (word === '') continue;
      const w = measure(word);
      if (/^\s+$/.test(word)) {
        if (line.pieces.length > 0) push({ text: word, face, size: runSize, colour, width: w });
        continue;
      }
      if (line.width + w > room() && line.pieces.length > 0) {
        // Trailing spaces do not count at a line's end.
        while (line.pieces.length && /^\s+$/.test(line.pieces.at(-1)!.text)) {
          line.width -= line.pieces.pop()!.width;
        }
        newLine();
      }
      if (w <= room()) {
        push({ text: word, face, size: runSize, colour, width: w });
        continue;
      }
      let chunk = '';
      for (const ch of word) {
        if (line.width + measure(chunk + ch) > room() && (chunk !== '' || line.pieces.length)) {
          if (chunk) push({ text: chunk, face, size: runSize, colour, width: measure(chunk) });
          newLine();
          chunk = '';
        }
        chunk += ch;
      }
      if (chunk) push({ text: chunk, face, size: runSize, colour, width: measure(chunk) });
    }
  }
}

function height(laid: LaidParagraph): number {
  return laid.before + laid.lines.reduce((sum, line) => sum + line.height, 0) + laid.after;
}

function drawLine(pdf: Pdf, line: LaidLine, x: number, y: number, width: number, align: string) {
  const free = width - line.indent - line.width;
  let cursor = x + line.indent + (align === 'CENTER' ? free / 2 : align === 'RIGHT' ? free : 0);
  // The text sits on a baseline about 80 % down the line box.
  for (const piece of line.pieces) {
    pdf.font(piece.face).fontSize(piece.size).fillColor(piece.colour);
    const top = y + line.height * 0.8 - piece.size * 0.93;
    pdf.text(piece.text, cursor, top, { lineBreak: false });
    cursor += piece.width;
  }
}

/** Lays the body out page by page; returns the PDF's bytes. */
export function documentToPdf(document: EmuDocument, title: string): Uint8Array {
  const body = document.body;
  const page = body.page;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: title, Creator: 'Émulateur Publipostage ENT', CreationDate: new Date(0) },
  });
  registerFaces(pdf);
  const top = page.marginTop;
  const bottom = page.height - page.marginBottom;
  const left = page.marginLeft;
  const width = page.width - page.marginLeft - page.marginRight;
  let y = top;
  const newPage = () => {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    y = top;
  };
  newPage();
  for (const child of body.children) {
    if (child instanceof EmuParagraph) {
      const laid = layParagraph(pdf, child, width);
      y += laid.before;
      let broke = false;
      for (const line of laid.lines) {
        if (y + line.height > bottom + 0.01 && y > top) newPage();
        drawLine(pdf, line, left, y, width, laid.align);
        y += line.height;
        broke = line.breakAfter === true;
        if (broke) newPage();
      }
      if (!broke) y += laid.after;
      continue;
    }
    y = drawTable(pdf, child, { left, width, top, bottom, y, newPage: () => (newPage(), y) });
  }
  pdf.end();
  const chunks: Buffer[] = [];
  // pdfkit pushes every byte synchronously by end(); read them back without waiting for events.
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null)
    chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

interface Border {
  color: string;
  width: number;
  dashStyle: string;
}

/** A cell's own border on one side (the Docs API's), else the table's (DocumentApp's). */
function cellBorder(own: unknown, table: { color: string; width: number }): Border {
  const b = own as { color?: string | null; width?: number; dashStyle?: string } | undefined;
  if (!b) return { ...table, dashStyle: 'SOLID' };
  return {
    color: b.color ?? 'transparent',
    width: b.width ?? 0,
    dashStyle: b.dashStyle ?? 'SOLID',
  };
}

/** Dashes and dots in proportion to the line's width (Docs' exact pattern is not published). */
function strokeBorder(pdf: Pdf, b: Border, x1: number, y1: number, x2: number, y2: number) {
  if (b.width <= 0 || b.color === 'transparent') return;
  pdf.save().lineWidth(b.width).strokeColor(b.color);
  if (b.dashStyle === 'DASH')
    pdf.dash(Math.max(3, 4 * b.width), { space: Math.max(2, 3 * b.width) });
  else if (b.dashStyle === 'DOT') pdf.dash(b.width, { space: Math.max(1, 2 * b.width) });
  pdf.moveTo(x1, y1).lineTo(x2, y2).stroke().undash().restore();
}

interface Flow {
  left: number;
  width: number;
  top: number;
  bottom: number;
  y: number;
  newPage: () => number;
}

/** Rows never split: a row that does not fit moves to the next page (a guess). */
function drawTable(pdf: Pdf, table: EmuTable, flow: Flow): number {
  let y = flow.y;
  const border = {
    color: String(table.attributes.BORDER_COLOR ?? DEFAULT_BORDER.color),
    width: Number(table.attributes.BORDER_WIDTH ?? DEFAULT_BORDER.width),
  };
  for (const row of table.rows) {
    const columns = row.cells.length;
    const widths = row.cells.map(
      (cell, i) =>
        Number(cell.attributes.WIDTH ?? table.columnWidths[i] ?? NaN) || flow.width / columns,
    );
    const pad = (cell: (typeof row.cells)[number], side: string) =>
      Number(cell.attributes[`PADDING_${side}`] ?? DEFAULT_CELL_PADDING);
    const laid = row.cells.map((cell, i) =>
      cell.children.map((child) =>
        child instanceof EmuParagraph
          ? layParagraph(pdf, child, widths[i]! - pad(cell, 'LEFT') - pad(cell, 'RIGHT'))
          : null,
      ),
    );
    const heights = row.cells.map(
      (cell, i) =>
        pad(cell, 'TOP') +
        laid[i]!.reduce((sum, p) => sum + (p ? height(p) : 0), 0) +
        pad(cell, 'BOTTOM'),
    );
    const rowHeight = Math.max(Number(row.attributes.MINIMUM_HEIGHT ?? 0), ...heights);
    if (y + rowHeight > flow.bottom + 0.01 && y > flow.top) y = flow.newPage();
    let x = flow.left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      const background = cell.attributes.BACKGROUND_COLOR;
      if (typeof background === 'string')
        pdf.save().rect(x, y, w, rowHeight).fill(background).restore();
      const sides: [string, number, number, number, number][] = [
        ['TOP', x, y, x + w, y],
        ['BOTTOM', x, y + rowHeight, x + w, y + rowHeight],
        ['LEFT', x, y, x, y + rowHeight],
        ['RIGHT', x + w, y, x + w, y + rowHeight],
      ];
      for (const [side, x1, y1, x2, y2] of sides)
        strokeBorder(pdf, cellBorder(cell.attributes[`BORDER_${side}`], border), x1, y1, x2, y2);
      const contentHeight = laid[i]!.reduce((sum, p) => sum + (p ? height(p) : 0), 0);
      const free = rowHeight - pad(cell, 'TOP') - pad(cell, 'BOTTOM') - contentHeight;
      const alignment = cell.attributes.VERTICAL_ALIGNMENT;
      let cy =
        y +
        pad(cell, 'TOP') +
        (alignment === 'CENTER' ? free / 2 : alignment === 'BOTTOM' ? free : 0);
      const inner = w - pad(cell, 'LEFT') - pad(cell, 'RIGHT');
      for (const p of laid[i]!) {
        if (!p) continue;
        cy += p.before;
        for (const line of p.lines) {
          drawLine(pdf, line, x + pad(cell, 'LEFT'), cy, inner, p.align);
          cy += line.height;
        }
        cy += p.after;
      }
      x += w;
    });
    y += rowHeight;
  }
  return y;
}
