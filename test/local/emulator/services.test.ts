import { describe, expect, it } from 'vitest';
import { createGoogleServices } from '../../../src/local/emulator/services';
import { formatJavaDate } from '../../../src/local/emulator/format';
import { DRIVE_SCOPE, grantingAlso, runScript } from './helpers';

describe('Ui dialogs', () => {
  const script = `
    function ask() {
      var ui = SpreadsheetApp.getUi();
      var sure = ui.alert('Envoi', 'Envoyer 3 courriels ?', ui.ButtonSet.YES_NO);
      var name = ui.prompt('Nom du dossier ?', ui.ButtonSet.OK_CANCEL);
      return [sure === ui.Button.YES, String(name.getSelectedButton()), name.getResponseText()];
    }`;

  it('answer with the affirmative button when nothing is queued', () => {
    const rt = runScript(script);
    expect(rt.run('ask')).toEqual([true, 'OK', '']);
    expect(rt.stores.ui.dialogs.map((d) => [d.kind, d.title, d.prompt, d.buttons])).toEqual([
      ['alert', 'Envoi', 'Envoyer 3 courriels ?', ['YES', 'NO']],
      ['prompt', '', 'Nom du dossier ?', ['OK', 'CANCEL']],
    ]);
  });

  it('answer from the queue, first in first out', () => {
    const rt = runScript(script);
    rt.stores.ui.answers.push({ button: 'NO' }, { button: 'OK', text: 'Lettres 6e' });
    expect(rt.run('ask')).toEqual([false, 'OK', 'Lettres 6e']);
    expect(rt.stores.ui.answers).toEqual([]);
  });

  it('refuse a queued answer the dialog does not offer', () => {
    const rt = runScript(script);
    rt.stores.ui.answers.push({ button: 'CANCEL' });
    expect(() => rt.run('ask')).toThrow("n'offre que YES, NO");
  });
});

describe('PropertiesService', () => {
  it('keeps strings per store and enforces the 9 kB value quota', () => {
    const rt = runScript(`function save() {
      var props = PropertiesService.getDocumentProperties();
      props.setProperty('layout', 8);
      props.setProperties({ entName: 'ENT' });
      return [typeof props.getProperty('layout'), props.getKeys().sort(), PropertiesService.getUserProperties().getProperty('layout')];
    }
    function tooBig() { PropertiesService.getScriptProperties().setProperty('x', new Array(9300).join('a')); }`);
    expect(rt.run('save')).toEqual(['string', ['entName', 'layout'], null]);
    expect(() => rt.run('tooBig')).toThrow('Argument trop grand : value');
  });
});

describe('LockService', () => {
  it('times out when another execution holds the lock', () => {
    const rt = runScript(`function take() { return LockService.getDocumentLock().tryLock(5000); }
      function wait() { LockService.getDocumentLock().waitLock(5000); }`);
    rt.stores.locks.document.heldElsewhere = true;
    expect(rt.run('take')).toBe(false);
    expect(() => rt.run('wait')).toThrow("Délai d'attente du verrou dépassé");
  });
});

describe('ScriptApp triggers', () => {
  const script = `
    function install() { return ScriptApp.newTrigger('resume').timeBased().everyHours(1).create().getUniqueId(); }
    function tooOften() { ScriptApp.newTrigger('resume').timeBased().everyMinutes(5).create(); }
    function resume(e) { PropertiesService.getUserProperties().setProperty('resumed', e.triggerUid); }
    function count() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
    function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`;

  it('records a trigger and runs it on demand', () => {
    const rt = runScript(script);
    const id = rt.run('install') as string;
    expect(rt.stores.triggers.triggers).toMatchObject([
      { id, handler: 'resume', eventType: 'CLOCK', schedule: ['everyHours(1)'] },
    ]);
    rt.runTrigger(id);
    expect(rt.stores.properties.user.getProperty('resumed')).toBe(id);
    expect(rt.run('count')).toEqual(['resume']);
    rt.run('removeAll');
    expect(rt.stores.triggers.triggers).toEqual([]);
  });

  it('keeps the add-on rules: at most hourly, one clock trigger per document', () => {
    const rt = runScript(script);
    expect(() => rt.run('tooOften')).toThrow('plus d’une fois par heure');
    rt.run('install');
    expect(() => rt.run('install')).toThrow("qu'un déclencheur CLOCK");
  });
});

describe('Utilities', () => {
  it('formats dates in a given time zone with Java patterns', () => {
    const date = new Date('2024-12-19T23:00:00Z');
    expect(formatJavaDate(date, 'Europe/Paris', 'yyyy-MM-dd HH:mm')).toBe('2024-12-20 00:00');
    expect(formatJavaDate(date, 'UTC', "dd/MM/yy 'à' H'h'")).toBe('19/12/24 à 23h');
    expect(formatJavaDate(new Date('2025-07-01T10:00:00Z'), 'Europe/Paris', 'Z')).toBe('+0200');
  });

  it('makes blobs with signed bytes, base64 and a name', () => {
    const rt = runScript(`function blob() {
      var b = Utilities.newBlob('é', 'text/plain', 'a.txt');
      return [b.getBytes(), b.getName(), b.getDataAsString(), Utilities.base64Encode('é'),
        Utilities.formatDate(new Date(0), 'Europe/Paris', 'dd/MM/yyyy HH:mm'), Utilities.formatString('%s : %d', 'Total', 3.7)];
    }`);
    expect(rt.run('blob')).toEqual([
      [-61, -87],
      'a.txt',
      'é',
      'w6k=',
      '01/01/1970 01:00',
      'Total : 3',
    ]);
  });
});

describe('DriveApp', () => {
  it('creates folders and files the page can list and download', () => {
    const rt = runScript(
      `function save() {
      var it = DriveApp.getFoldersByName('Publipostage ENT');
      var folder = it.hasNext() ? it.next() : DriveApp.createFolder('Publipostage ENT');
      var file = folder.createFile(Utilities.newBlob('%PDF-1.4', MimeType.PDF, 'Lettres.pdf'));
      return [file.getName(), file.getMimeType(), file.getSize(), file.getUrl().indexOf(file.getId()) > 0,
        DriveApp.getFilesByName('Lettres.pdf').hasNext()];
    }`,
      undefined,
      grantingAlso(DRIVE_SCOPE),
    );
    expect(rt.run('save')).toEqual(['Lettres.pdf', 'application/pdf', 8, true, true]);
    rt.run('save');
    expect(rt.stores.drive.folders).toHaveLength(1);
    expect(rt.stores.drive.files.map((f) => [f.name, f.parent.name])).toEqual([
      ['Lettres.pdf', 'Publipostage ENT'],
      ['Lettres.pdf', 'Publipostage ENT'],
    ]);
  });
});

describe('Logger and console', () => {
  it('keep what the script logs, with %s templates', () => {
    const rt = runScript(
      `function log() { Logger.log('%s comptes', 39); console.warn('quota', { left: 2 }); return Logger.getLog(); }`,
    );
    expect(rt.run('log')).toBe('39 comptes\nquota {"left":2}');
    expect(rt.stores.logs.map((e) => e.level)).toEqual(['log', 'warn']);
  });
});

describe('createGoogleServices', () => {
  it('gives globals, counters and stores; an empty spreadsheet by default', () => {
    const services = createGoogleServices();
    // The project's manifest enables the Advanced Drive and Docs services: `Drive`, `Docs`.
    expect(Object.keys(services.globals).sort()).toEqual([
      'Docs', 'DocumentApp', 'Drive', 'DriveApp', 'GmailApp', 'HtmlService', 'LockService', 'Logger', 'MailApp',
      'MimeType', 'PropertiesService', 'ScriptApp', 'Session', 'SpreadsheetApp', 'Utilities',
      'console',
    ]); // prettier-ignore
    expect(services.stores.spreadsheet.sheets.map((s) => s.name)).toEqual(['Feuille 1']);
    expect(services.counters.total()).toBe(0);
  });
});
