// An e-mail from the referent's text: the subject (one line), the plain text, and the HTML part
// built here from the same lines (paragraphs, bold, links for web addresses), every piece escaped.
import htmlLayout from '../../../templates/mail/layout.html.hbs';
import type { Language } from '../present';
import { headerText } from '../mail/address';
import type { CompiledText } from './compile';
import type { FieldContext } from './fields';
import { fillTemplate, lineText, type FilledLine, type FilledText, type TextRun } from './render';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Text made inert in HTML, in an element or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (char) => HTML_ESCAPES[char]!);
}

/** A web address in a text; closing punctuation after it is not part of it. */
const URL = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]»\u00a0]+$/;

/** Escapes a piece of text, making each http(s) address a link. */
function linked(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(TRAILING, '');
    if (!/^https?:\/\/[^/?#\s]+\.[^/?#\s]+/i.test(url)) continue;
    const start = match.index;
    html += escapeHtml(text.slice(at, start));
    html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    at = start + url.length;
  }
  return html + escapeHtml(text.slice(at));
}

const CODE_STYLE = "font-family: 'Courier New', monospace; font-size: 17px;";

function runHtml(run: TextRun): string {
  if (run.field === 'identifiant' || run.field === 'code') {
    return `<strong style="${CODE_STYLE}">${escapeHtml(run.text)}</strong>`;
  }
  const html = linked(run.text);
  return run.bold ? `<strong>${html}</strong>` : html;
}

function lineHtml(line: FilledLine): string {
  const html = line.runs.map(runHtml).join('');
  return line.kind === 'heading' || line.kind === 'subheading' || line.kind === 'section'
    ? `<strong>${html}</strong>`
    : html;
}

/** The text part of a line: its marks gone, a step keeps its dash. */
function lineTextPart(line: FilledLine): string {
  return `${line.kind === 'step' ? '- ' : ''}${lineText(line)}`;
}

function paragraphs(filled: FilledText): FilledLine[][] {
  const result: FilledLine[][] = [[]];
  for (const line of filled) {
    if (line === null) result.push([]);
    else result[result.length - 1]!.push(line);
  }
  return result.filter((paragraph) => paragraph.length > 0);
}

function paragraphHtml(lines: readonly FilledLine[]): string {
  const parts: string[] = [];
  let items: string[] = [];
  let text: string[] = [];
  const flushText = () => {
    if (text.length > 0) parts.push(`<p>${text.join('<br>\n')}</p>`);
    text = [];
  };
  const flushItems = () => {
    if (items.length > 0)
      parts.push(`<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`);
    items = [];
  };
  for (const line of lines) {
    if (line.kind === 'step') {
      flushText();
      items.push(lineHtml(line));
    } else {
      flushItems();
      text.push(
        line.kind === 'note'
          ? `<span style="color: #5f6368;">${lineHtml(line)}</span>`
          : lineHtml(line),
      );
    }
  }
  flushText();
  flushItems();
  return parts.join('\n');
}

const REFERENCE: Record<Language, string> = { fr: 'Référence\u00a0: ', en: 'Reference: ' };

/**
 * The e-mail of one account from a compiled text. `reference` (the campaign's, see
 * messageReference) is added by the code at the end of both parts, whatever the text says: a
 * campaign finds its messages by it.
 */
export function renderMail(
  text: CompiledText,
  context: FieldContext,
  reference = '',
): RenderedMail {
  const subjectLines = text.subject ? fillTemplate(text.subject, context) : [];
  const subject = headerText(
    subjectLines
      .filter((line): line is FilledLine => line !== null)
      .map(lineText)
      .join(' '),
  );
  const body = paragraphs(fillTemplate(text.body, context));
  const reference_ = reference ? `${REFERENCE[context.language]}${reference}` : '';
  const textParts = body.map((lines) => lines.map(lineTextPart).join('\n'));
  if (reference_) textParts.push(reference_);
  const html = htmlLayout({
    language: context.language,
    subject,
    body: body.map(paragraphHtml).join('\n'),
    reference: reference_,
  });
  return { subject, text: `${textParts.join('\n\n')}\n`, html };
}
