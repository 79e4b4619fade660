// The DejaVu faces shipped by the dejavu-fonts-ttf npm package: wide Unicode coverage (Nguyễn,
// Çelik, Zoë), free licence, and the same files the core's width table was made from.
import PDFDocument from 'pdfkit';
import { dirname, join } from 'node:path';
import type { FontName } from '../../core/letters';

const FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'mono-bold': 'DejaVuSansMono-Bold.ttf',
};

export function fontFiles(): Record<FontName, string> {
  // `require` exists both in the CJS bundle (dist/cli.cjs) and under Vitest.
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const files = {} as Record<FontName, string>;
  for (const [name, file] of Object.entries(FILES)) files[name as FontName] = join(folder, file);
  return files;
}

/** Whether each embedded face has a glyph for a code point, as fontkit reads its cmap. */
export function glyphCoverage(): (font: FontName, codePoint: number) => boolean {
  const fonts = new Map<FontName, { hasGlyphForCodePoint(codePoint: number): boolean }>();
  const files = fontFiles();
  return (font, codePoint) => {
    let face = fonts.get(font);
    if (!face) {
      // pdfkit's own fontkit, through a document that is never written.
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.font(files[font]);
      face = (doc as unknown as { _font: { font: NonNullable<typeof face> } })._font.font;
      fonts.set(font, face);
    }
    return face.hasGlyphForCodePoint(codePoint);
  };
}
