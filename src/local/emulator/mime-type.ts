// MimeType: the enum's values are the MIME type strings themselves, as in Apps Script.
import { GAS_CLASS, GAS_SERVICE } from './gas-object';

export const MIME_TYPES = {
  CSV: 'text/csv',
  FOLDER: 'application/vnd.google-apps.folder',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  JPEG: 'image/jpeg',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  PNG: 'image/png',
  RTF: 'application/rtf',
  ZIP: 'application/zip',
} as const;

export class EmuMimeType {
  readonly [GAS_CLASS] = 'MimeType';
  readonly [GAS_SERVICE] = 'Base';
  constructor() {
    Object.assign(this, MIME_TYPES);
  }
}
