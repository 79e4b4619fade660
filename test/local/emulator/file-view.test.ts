import { describe, expect, it } from 'vitest';
import { viewOf, type FileView } from '../../../src/local/emulator/file-view';
import { emulatorViewOf, idOfGoogleUrl } from '../../../src/local/emulator/google-url';
import { DRIVE_SCOPE, grantingAlso, runScript } from './helpers';

describe('the id in a Google address the add-on shows', () => {
  it('reads Docs, Sheets, Drive file and folder addresses, and nothing else', () => {
    expect(idOfGoogleUrl('https://docs.google.com/document/d/emu-file-0003/edit')).toBe(
      'emu-file-0003',
    );
    expect(idOfGoogleUrl('https://docs.google.com/spreadsheets/d/abc_1/edit#gid=0')).toBe('abc_1');
    expect(idOfGoogleUrl('https://drive.google.com/file/d/emu-file-0004/view?usp=drivesdk')).toBe(
      'emu-file-0004',
    );
    expect(idOfGoogleUrl('https://drive.google.com/drive/folders/emu-folder-0001')).toBe(
      'emu-folder-0001',
    );
    expect(idOfGoogleUrl('https://drive.google.com/open?id=xyz')).toBe('xyz');
    expect(idOfGoogleUrl('https://ent.example/document/d/emu-file-0003')).toBeNull();
    expect(idOfGoogleUrl('pas une adresse')).toBeNull();
    expect(emulatorViewOf('https://drive.google.com/file/d/emu-file-0004/view')).toBe(
      '/emulator/view/emu-file-0004',
    );
  });
});

describe('an emulated file, opened in the browser', () => {
  const runtime = runScript(
    `
    function make() {
      var folder = DriveApp.createFolder('Publipostage ENT');
      var doc = DocumentApp.create('Lettres – Sélection');
      doc.getBody().appendParagraph('Bonjour');
      doc.saveAndClose();
      var pdf = folder.createFile(DriveApp.getFileById(doc.getId()).getAs('application/pdf'));
      var csv = folder.createFile('Sélection.csv', 'Nom;Login\\nABEL;abel', 'text/csv');
      return [folder.getId(), doc.getId(), pdf.getId(), csv.getId()];
    }`,
    undefined,
    grantingAlso(DRIVE_SCOPE),
  );
  const [folder, doc, pdf, csv] = runtime.run('make') as string[];
  const { stores } = runtime;
  const open = (id: string) =>
    viewOf(stores.drive, stores.spreadsheets.byId, stores.spreadsheet.id, id) as FileView;

  it('shows a PDF inline, and a Doc as its PDF export', () => {
    for (const id of [pdf!, doc!]) {
      const view = open(id);
      expect(view.contentType).toBe('application/pdf');
      expect(view.headers?.['content-disposition']).toMatch(/^inline;/);
      expect(Buffer.from(view.body).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('shows a CSV as text, and a folder as the list of its files', () => {
    const text = open(csv!);
    expect(text.contentType).toBe('text/plain; charset=utf-8');
    expect(text.body.toString()).toBe('Nom;Login\nABEL;abel');
    const list = open(folder!);
    expect(list.contentType).toBe('text/html; charset=utf-8');
    expect(list.body).toContain(`<a href="/emulator/view/${csv}">Sélection.csv</a>`);
    expect(list.body).toContain(`<a href="/emulator/view/${pdf}">`);
  });

  it('shows a spreadsheet as tables; the bound one is the page itself; an unknown id is a 404', () => {
    expect(
      viewOf(stores.drive, stores.spreadsheets.byId, stores.spreadsheet.id, stores.spreadsheet.id),
    ).toEqual({
      redirect: '/',
    });
    const other = runScript('', [
      ['Nom', 'Login'],
      ['<b>ABEL</b>', 'abel'],
    ]).stores.spreadsheet;
    const byId = new Map([[other.id, other]]);
    const table = viewOf(stores.drive, byId, 'another', other.id) as FileView;
    expect(table.body).toContain('<caption>Comptes</caption>');
    expect(table.body).toContain('<td>&lt;b&gt;ABEL&lt;/b&gt;</td><td>abel</td>');
    expect(open('emu-file-9999').status).toBe(404);
  });
});
