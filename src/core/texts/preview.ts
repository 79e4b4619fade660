// What the sidebar's live preview draws while the referent types: one letter or card of an
// account, fitted in its layout exactly as the PDF and the Doc will hold it, or the e-mail as it
// will arrive. The same functions as the generation: nothing here is a second rendering path.
import { displayName, type Language } from '../present';
import type { Account, Layout, Settings } from '../types';
import type { LetterDocument } from '../letters/model';
import { pageGeometry } from '../letters/geometry';
import { stylesFor } from '../letters/styles';
import { textInfo, textLayout, type TextId } from './catalog';
import { compileText } from './compile';
import { cutWording, fitLetter, fitMessage, type FitProblem } from './fit-check';
import { renderMail, type RenderedMail } from './mail';
import type { TextProblem } from './template';

export interface TextPreviewRequest {
  language: Language;
  id: TextId;
  /** The text as typed (an e-mail: subject, blank line, body). */
  source: string;
  settings: Settings;
  /** For a letter text, 1 or 2 (1 when absent); a card is always drawn in layout 8. */
  layout?: Layout;
  /** The example account (see exampleAccount). */
  account: Account;
}

export type TextPreview =
  | { ok: false; problems: TextProblem[] }
  | {
      ok: true;
      kind: 'letter';
      /**
       * One page holding one slot: the fitted blocks the PDF renderer draws (geometry, styles,
       * lines with the font's widths).
       */
      document: LetterDocument;
      /** The wording the fit cut or left out for this account, or null when it fits. */
      fit: FitProblem | null;
    }
  | { ok: true; kind: 'mail'; mail: RenderedMail };

/**
 * The preview of a text for one account: its problems when it cannot be saved, else the fitted
 * letter or card (`kind: 'letter'`) or the e-mail's subject, text and HTML (`kind: 'mail'`).
 */
export function previewText(request: TextPreviewRequest): TextPreview {
  const { language, id, source, settings, account } = request;
  const compiled = compileText(language, id, source);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const info = textInfo(id);
  if (info.format === 'mail') {
    return {
      ok: true,
      kind: 'mail',
      mail: renderMail(compiled.text, { account, settings, language }),
    };
  }
  const layout = textLayout(id, request.layout);
  const geometry = pageGeometry(layout);
  const { drafts, blocks } = fitLetter(compiled.text, account, settings, layout, language);
  const { box, content } = geometry.slots[0]!;
  const document: LetterDocument = {
    layout,
    language,
    geometry,
    styles: stylesFor(layout),
    pages: [{ slots: [{ box, content, login: account.login, variant: info.variant, blocks }] }],
  };
  const line = cutWording(drafts, blocks);
  const fit =
    line === null
      ? null
      : {
          id,
          login: account.login,
          name: displayName(account),
          line,
          message: fitMessage(id, account, line),
        };
  return { ok: true, kind: 'letter', document, fit };
}
