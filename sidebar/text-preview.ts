// The live preview of the text editor (issue 17): a letter or card drawn at scale from the core's
// fitted lines (letter-drawing.ts), and an e-mail as it will arrive. Everything the referent or
// the export wrote lands as text nodes or in a sandboxed frame: nothing of theirs is parsed as
// markup in the sidebar's own document.
import type { FontName, LetterDocument, LetterSlot } from '../src/core/letters';
import { h } from './dom';
import { shownArea, slotCutLines, slotDrawing } from './letter-drawing';
import { ui } from './state';
import type { PreviewMail } from './text-engine';

const SVG = 'http://www.w3.org/2000/svg';
const XML = 'http://www.w3.org/XML/1998/namespace';
/** The PDF's faces first; the glyphs are stretched to the core's widths whatever font draws them. */
const FAMILIES: Record<FontName, string> = {
  sans: "'DejaVu Sans', Verdana, sans-serif",
  'sans-bold': "'DejaVu Sans', Verdana, sans-serif",
  'mono-bold': "'DejaVu Sans Mono', 'Courier New', monospace",
};
const MM = 25.4 / 72;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  // A piece's spaces are part of its width: the browser must keep them (« sur » then « **…** »).
  if (tag === 'text') element.setAttributeNS(XML, 'xml:space', 'preserve');
  if (text !== undefined) element.textContent = text;
  return element;
}

const round = (value: number) => String(Math.round(value * 100) / 100);

/** Centimetres with a French decimal comma (« 9,8 »). */
function cm(points: number, language: string): string {
  const value = (points * MM) / 10;
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
}

/** One slot of a letters model as an SVG in points: the paper, the cut lines, each fitted line. */
export function letterSvg(letters: LetterDocument, slot: LetterSlot): SVGSVGElement {
  const area = shownArea(letters, slot);
  const root = svg('svg', {
    viewBox: [area.x, area.y, area.width, area.height].map(round).join(' '),
    class: 'letter-svg',
    role: 'img',
    'data-layout': letters.layout,
  });
  const paper = letters.layout === 1 ? area : slot.box;
  root.append(
    svg('rect', {
      x: round(paper.x),
      y: round(paper.y),
      width: round(paper.width),
      height: round(paper.height),
      class: 'paper',
    }),
  );
  for (const line of slotCutLines(letters, slot)) {
    root.append(
      svg('line', {
        x1: round(line.x1),
        y1: round(line.y1),
        x2: round(line.x2),
        y2: round(line.y2),
        class: 'cut',
        stroke: '#8c8c8c',
        'stroke-width': 0.5,
        'stroke-dasharray': '4 3',
      }),
    );
  }
  // One text element per piece, at the PDF's place, its glyphs stretched to the core's width:
  // the browser never breaks a line nor lets a piece run into the next.
  for (const text of slotDrawing(letters, slot)) {
    if (text.text.trim() === '') continue;
    root.append(
      svg(
        'text',
        {
          x: round(text.x),
          y: round(text.baseline),
          'font-family': FAMILIES[text.font],
          'font-size': text.size,
          'font-weight': text.font === 'sans' ? 'normal' : 'bold',
          fill: text.note ? '#444444' : '#000000',
          textLength: round(text.width),
          lengthAdjust: 'spacingAndGlyphs',
        },
        text.text,
      ),
    );
  }
  return root;
}

/** The letter or card with its caption (real size), and a magnifier for the small letters. */
export function letterPreview(letters: LetterDocument, slot: LetterSlot): HTMLElement {
  const t = ui.t.textEditor;
  const drawing = letterSvg(letters, slot);
  const frame = h('div', { className: 'letter-frame' });
  frame.append(drawing);
  // The sheet of paper the referent will hold: the A4 page, the A5 half, the card.
  const paper = letters.layout === 1 ? letters.geometry : slot.box;
  const caption = t.size(
    letters.layout,
    cm(paper.width, letters.language),
    cm(paper.height, letters.language),
  );
  const zoom = h(
    'button',
    { type: 'button', className: 'link zoom', 'aria-pressed': 'false' },
    t.zoom,
  );
  zoom.addEventListener('click', () => {
    const on = !frame.classList.contains('zoomed');
    frame.classList.toggle('zoomed', on);
    zoom.setAttribute('aria-pressed', String(on));
  });
  return h(
    'figure',
    { className: 'letter-preview' },
    frame,
    h('figcaption', { className: 'hint' }, caption, ' ', letters.layout === 8 ? null : zoom),
  );
}

/** The e-mail as its recipient sees it: sender, recipient, subject, then the HTML in a sandbox. */
export function mailPreview(message: PreviewMail): HTMLElement {
  const t = ui.t.textEditor;
  const body = h('iframe', {
    className: 'mail-body',
    title: t.mailBody,
    // No scripts, no forms, no same origin: the message is shown, never run.
    sandbox: '',
    referrerpolicy: 'no-referrer',
  });
  body.srcdoc = message.html;
  const plain = h('pre', { className: 'mail-text', hidden: true }, message.text);
  const toggle = h(
    'button',
    { type: 'button', className: 'link', 'aria-pressed': 'false' },
    t.showPlainText,
  );
  toggle.addEventListener('click', () => {
    const showText = plain.hidden;
    plain.hidden = !showText;
    body.hidden = showText;
    toggle.setAttribute('aria-pressed', String(showText));
  });
  return h(
    'div',
    { className: 'mail-preview' },
    h(
      'dl',
      { className: 'mail-head' },
      h('dt', {}, t.from),
      h('dd', { className: 'mail-from' }, message.fromName),
      h('dt', {}, t.to),
      h('dd', { className: 'mail-to' }, message.to),
      h('dt', {}, t.subject),
      h('dd', { className: 'mail-subject' }, message.subject),
    ),
    body,
    plain,
    toggle,
  );
}
