import { describe, expect, it } from 'vitest';
import { pdfFile, pdfPageCount, pdfPageText, pdfText } from '../../helpers/pdf';
import { DRIVE_SCOPE, grantingAlso, runScript } from './helpers';

describe('DocumentApp', () => {
  it('builds a Doc stored in Drive as a Google Doc, body children in order', () => {
    const runtime = runScript(`
      function make() {
        var doc = DocumentApp.create('Essai');
        var body = doc.getBody();
        body.appendParagraph('Bonjour').setAttributes({ FONT_SIZE: 14, BOLD: true });
        var table = body.appendTable([['a', 'b'], ['c', 'd']]);
        table.getCell(1, 0).appendParagraph('suite');
        doc.saveAndClose();
        return [doc.getId(), doc.getName(), doc.getUrl(), body.getNumChildren()];
      }
      function reopen(id) {
        var body = DocumentApp.openById(id).getBody();
        return [body.getChild(1).asParagraph().getText(), body.getChild(2).getType() + '',
          body.getChild(2).asTable().getCell(1, 0).getNumChildren()];
      }`);
    const [id, name, url, children] = runtime.run('make') as [string, string, string, number];
    expect(name).toBe('Essai');
    expect(url).toBe(`https://docs.google.com/document/d/${id}/edit`);
    // The empty first paragraph, ours, the table, and the paragraph that ends the body.
    expect(children).toBe(4);
    expect(runtime.run('reopen', [id])).toEqual(['Bonjour', 'TABLE', 2]);
    const file = runtime.stores.drive.fileById(id)!;
    expect(file.mimeType).toBe('application/vnd.google-apps.document');
    expect(runtime.counters.get('Body.appendParagraph')).toBe(1);
    expect(runtime.counters.get('Paragraph.setAttributes')).toBe(1);
  });

  it('refuses what Docs refuses: a closed Doc, the last paragraph, a page break in a cell', () => {
    const runtime = runScript(`
      function closed() { var d = DocumentApp.create('x'); d.saveAndClose(); d.getBody(); }
      function last() { DocumentApp.create('x').getBody().getChild(0).removeFromParent(); }
      function cell() { DocumentApp.create('x').getBody().appendTable([['a']]).getCell(0, 0)
        .getChild(0).asParagraph().appendPageBreak(); }
      function missing() { DocumentApp.openById('nope'); }`);
    expect(() => runtime.run('closed')).toThrow(/closed/);
    expect(() => runtime.run('last')).toThrow(/last paragraph/);
    expect(() => runtime.run('cell')).toThrow(/table cell/);
    expect(() => runtime.run('missing')).toThrow(/missing/);
  });

  it('exports a Doc to a real PDF through Drive: page breaks and tables make pages', () => {
    const runtime = runScript(
      `
      function make() {
        var doc = DocumentApp.create('Courriers');
        var body = doc.getBody();
        body.appendParagraph('Première page').appendPageBreak();
        body.appendParagraph('Deuxième page');
        body.appendPageBreak();
        var table = body.appendTable([['Gauche', 'Droite']]);
        table.setBorderColor('#9e9e9e');
        table.getRow(0).setMinimumHeight(200);
        doc.saveAndClose();
        var folder = DriveApp.createFolder('Publipostage ENT');
        var pdf = folder.createFile(DriveApp.getFileById(doc.getId()).getAs('application/pdf'));
        return [pdf.getName(), pdf.getMimeType(), pdf.getId()];
      }`,
      undefined,
      grantingAlso(DRIVE_SCOPE),
    );
    const [name, type, id] = runtime.run('make') as string[];
    expect(name).toBe('Courriers.pdf');
    expect(type).toBe('application/pdf');
    const path = pdfFile(runtime.stores.drive.fileById(id!)!.bytes);
    expect(pdfPageCount(path)).toBe(3);
    expect(pdfText(path)).toMatch(
      /Première page[\s\S]*\f[\s\S]*Deuxième page[\s\S]*\f[\s\S]*Gauche\s+Droite/,
    );
  });

  it('moves a table row that does not fit to the next page; long text wraps onto more pages', () => {
    const runtime = runScript(
      `
      function make() {
        var doc = DocumentApp.create('Long');
        var body = doc.getBody();
        for (var i = 1; i <= 3; i++)
          body.appendTable([['rangée' + i]]).getRow(0).setMinimumHeight(300);
        var words = [];
        for (var j = 0; j < 800; j++) words.push('mot' + j);
        body.appendParagraph(words.join(' '));
        doc.saveAndClose();
        var pdf = DriveApp.getFileById(doc.getId()).getAs('application/pdf');
        return [pdf.getContentType(), pdf.getName()];
      }`,
      undefined,
      grantingAlso(DRIVE_SCOPE),
    );
    expect(runtime.run('make')).toEqual(['application/pdf', 'Long.pdf']);
    const doc = [...runtime.stores.documents.documents.values()][0]!;
    const path = pdfFile(
      runtime.stores.drive.exportFile(runtime.stores.drive.fileById(doc.id)!, 'application/pdf')
        .bytes,
    );
    // Two 300 pt rows fit between A4's margins (697.89 pt); the third moves whole to page 2,
    // where the 800 words follow it and run on over pages 3 and 4.
    expect(pdfPageCount(path)).toBe(4);
    expect(pdfPageText(path, 1).trim()).toMatch(/^rangée1\s+rangée2$/);
    expect(pdfPageText(path, 2).trim()).toMatch(/^rangée3\s+mot0 mot1 /);
    expect(pdfPageText(path, 4).trim()).toMatch(/mot799$/);
  });

  it('stops a script mid-way when a test asks, as the time limit does', () => {
    const runtime = runScript(`
      function make() { var b = DocumentApp.create('x').getBody();
        for (var i = 0; i < 10; i++) b.appendParagraph('p' + i); }`);
    runtime.stores.documents.stopAfter = 4;
    expect(() => runtime.run('make')).toThrow("Temps d'exécution maximal dépassé");
    const doc = [...runtime.stores.documents.documents.values()][0]!;
    expect(doc.body.children.length).toBe(1 + 4);
  });

  it('a script that catches the time limit cannot go on: later calls fail, the run ends with it', () => {
    const runtime = runScript(`
      function make() {
        var b = DocumentApp.create('x').getBody();
        try { for (var i = 0; i < 10; i++) b.appendParagraph('p' + i); } catch (e) {}
        try { b.appendParagraph('après'); } catch (e) { PropertiesService.getScriptProperties()
          .setProperty('after', e.message); }
        return 'fini';
      }
      function later() { return DocumentApp.create('y').getBody().getNumChildren(); }`);
    runtime.stores.documents.stopAfter = 4;
    expect(() => runtime.run('make')).toThrow("Temps d'exécution maximal dépassé");
    const doc = [...runtime.stores.documents.documents.values()][0]!;
    expect(doc.body.children.length).toBe(1 + 4);
    // Even the property write in the catch did not happen: every call of the run refuses.
    expect(runtime.stores.properties.getScriptProperties().getProperty('after')).toBeNull();
    // The next run is a new execution.
    expect(runtime.run('later')).toBe(1);
  });
  it('Document.getAs gives the PDF export, named as getAs names a converted blob', () => {
    const runtime = runScript(`
      function make() {
        var out = [];
        ['Courriers', 'Liste.12.25.2014'].forEach(function (name) {
          var doc = DocumentApp.create(name);
          doc.getBody().appendParagraph('Bonjour ' + name);
          doc.saveAndClose();
          var pdf = DocumentApp.openById(doc.getId()).getAs('application/pdf');
          out.push([pdf.getContentType(), pdf.getName(), pdf.getBytes().length > 0]);
        });
        try { DocumentApp.create('x').getAs('image/png'); } catch (e) { out.push(e.message); }
        return out;
      }`);
    expect(runtime.run('make')).toEqual([
      ['application/pdf', 'Courriers.pdf', true],
      ['application/pdf', 'Liste.12.25.pdf', true],
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    ]);
    expect(runtime.counters.get('Document.getAs')).toBe(3);
  });
});
