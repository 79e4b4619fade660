// Reads PDFs back with poppler-utils (pdfinfo, pdftotext), as a person's PDF reader would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rect } from '../../src/core/letters';

/** PDF bytes (a Drive file, a download) written to a fresh temporary file, for the readers below. */
export function pdfFile(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'out.pdf');
  writeFileSync(path, bytes);
  return path;
}

export function pdfPageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

export function pdfPageSize(path: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
  return { width: Number(width), height: Number(height) };
}

export function pdfPageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
}

/** The whole document's text, pages separated by form feeds (\f). */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

export interface Word extends Rect {
  page: number;
  text: string;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word with its box in points, origin at the page's top left corner. */
export function pdfWords(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const words: Word[] = [];
  let page = 0;
  const pattern =
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[0] === '<page ') {
      page++;
      continue;
    }
    const [x, y, xMax, yMax] = match.slice(1, 5).map(Number) as [number, number, number, number];
    words.push({ page, x, y, width: xMax - x, height: yMax - y, text: unescape(match[5]!) });
  }
  return words;
}

/** A word is in a rectangle when its box is, give or take a rounding tolerance. */
export function within(word: Rect, rect: Rect, tolerance = 0.5): boolean {
  return (
    word.x >= rect.x - tolerance &&
    word.y >= rect.y - tolerance &&
    word.x + word.width <= rect.x + rect.width + tolerance &&
    word.y + word.height <= rect.y + rect.height + tolerance
  );
}
