// What the page shows when a link of the add-on is opened: the emulated file itself, in the
// browser, in place of the Google page the link names (Drive, Docs, Sheets). A PDF inline, a Doc
// as its PDF export, a CSV or text file as text, a spreadsheet as tables, a folder as a list.
import { escapeHtml } from '../../core/texts';
import type { DriveStore, EmuFile, EmuFolder } from './drive';
import { displayValue } from './format';
import { MIME_TYPES } from './mime-type';
import type { EmuSpreadsheet } from './spreadsheet';

export interface FileView {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

function page(title: string, body: string): FileView {
  const html =
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;margin:16px}table{border-collapse:collapse;' +
    'margin-bottom:24px}td,th{border:1px solid #dadce0;padding:2px 6px;font-size:13px}' +
    'caption{text-align:left;font-weight:bold;padding:4px 0}</style></head>' +
    `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
}

const inline = (name: string) => ({
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

function spreadsheetView(spreadsheet: EmuSpreadsheet): FileView {
  const tables = spreadsheet.sheets.map((sheet) => {
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    const lines: string[] = [];
    for (let r = 1; r <= rows; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = sheet.cell(r, c);
        cells.push(`<td>${escapeHtml(displayValue(cell.value, cell.numberFormat))}</td>`);
      }
      lines.push(`<tr>${cells.join('')}</tr>`);
    }
    return `<table data-sheet="${escapeHtml(sheet.name)}"><caption>${escapeHtml(sheet.name)}</caption>${lines.join('')}</table>`;
  });
  return page(spreadsheet.name, tables.join(''));
}

function folderView(drive: DriveStore, folder: EmuFolder): FileView {
  const items = [
    ...drive.folders.filter((f) => f.parent === folder && !drive.inBin(f)),
    ...drive.files.filter((f) => f.parent === folder && !drive.inBin(f)),
  ];
  const list = items
    .map(
      (item) =>
        `<li><a href="/emulator/view/${escapeHtml(item.id)}">${escapeHtml(item.name)}</a></li>`,
    )
    .join('');
  return page(folder.name, items.length === 0 ? '<p>Dossier vide.</p>' : `<ul>${list}</ul>`);
}

function fileView(drive: DriveStore, file: EmuFile): FileView {
  if (file.mimeType === MIME_TYPES.GOOGLE_DOCS) {
    // A Doc is shown as Drive exports it to PDF, the file the referent prints.
    const pdf = drive.exportFile(file, MIME_TYPES.PDF);
    return {
      status: 200,
      contentType: MIME_TYPES.PDF,
      body: Buffer.from(pdf.bytes),
      headers: inline(`${file.name}.pdf`),
    };
  }
  if (file.mimeType === MIME_TYPES.PDF) {
    return {
      status: 200,
      contentType: MIME_TYPES.PDF,
      body: Buffer.from(file.bytes),
      headers: inline(file.name),
    };
  }
  if (/^text\/|^application\/json$/.test(file.mimeType)) {
    return {
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: Buffer.from(file.bytes),
      headers: inline(file.name),
    };
  }
  return page(
    file.name,
    `<p>${escapeHtml(file.mimeType)}, ${file.bytes.length} octets : pas d’aperçu dans le navigateur. ` +
      `<a href="/emulator/files/${escapeHtml(file.id)}">Télécharger</a></p>`,
  );
}

/** The page for a Drive id: a file, a folder, or a spreadsheet the emulator holds. */
export function viewOf(
  drive: DriveStore,
  spreadsheets: ReadonlyMap<string, EmuSpreadsheet>,
  primaryId: string,
  id: string,
): FileView | { redirect: string } {
  // The bound spreadsheet is the page itself.
  if (id === primaryId) return { redirect: '/' };
  const spreadsheet = spreadsheets.get(id);
  if (spreadsheet) return spreadsheetView(spreadsheet);
  const file = drive.fileById(id);
  if (file && !drive.inBin(file)) return fileView(drive, file);
  const folder = drive.folderById(id);
  if (folder && !drive.inBin(folder)) return folderView(drive, folder);
  return {
    status: 404,
    contentType: 'text/plain; charset=utf-8',
    body: `Aucun fichier de l’émulateur n’a l’identifiant « ${id} » (supprimé, ou créé dans une autre session).`,
  };
}
