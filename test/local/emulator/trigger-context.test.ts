// Google's published rules for an add-on's time-driven trigger, users and documents: no active
// document in the trigger, triggers per user and per document, the quota per user over 24 hours.
import { describe, expect, it } from 'vitest';
import { EmuSpreadsheet } from '../../../src/local/emulator/spreadsheet';
import { runScript } from './helpers';

const script = `
  function install() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
  function tick() {
    PropertiesService.getUserProperties().setProperty('seen', JSON.stringify({
      active: SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'doc',
      docProps: PropertiesService.getDocumentProperties() === null ? null : 'props',
      docLock: LockService.getDocumentLock() === null ? null : 'lock',
      user: Session.getEffectiveUser().getEmail(),
      opened: SpreadsheetApp.openById('emulated-spreadsheet').getName(),
    }));
  }
  function mine() { return ScriptApp.getProjectTriggers().length; }
  function here() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length; }
  function there(id) { return ScriptApp.getUserTriggers(SpreadsheetApp.openById(id)).length; }
  function open(id) { return SpreadsheetApp.openById(id).getName(); }
  function meta() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.addDeveloperMetadata('k', 'v1', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    ss.getDeveloperMetadata()[0].setValue('v2');
    return ss.getDeveloperMetadata().map(function (m) { return m.getKey() + '=' + m.getValue(); });
  }`;

describe('an add-on time-driven trigger', () => {
  it('runs as its creator with no document: no active spreadsheet, document properties or document lock', () => {
    const rt = runScript(script);
    const id = rt.run('install') as string;
    rt.runTrigger(id);
    expect(JSON.parse(rt.stores.properties.user.getProperty('seen')!)).toEqual({
      active: null,
      docProps: null,
      docLock: null,
      user: 'referent.ent@example.org',
      opened: 'Comptes',
    });
    // A sidebar's execution has all three.
    expect(rt.run('here')).toBe(1);
  });

  it('belongs to its user and its document: getUserTriggers per document, getProjectTriggers per user', () => {
    const rt = runScript(script);
    const other = new EmuSpreadsheet('Autre classeur', 'other-spreadsheet');
    other.addSheet('Feuille 1', 0);
    rt.stores.spreadsheets.add(other);
    rt.run('install');
    expect(rt.run('open', ['other-spreadsheet'])).toBe('Autre classeur');
    expect(rt.run('there', ['other-spreadsheet'])).toBe(0);
    expect(rt.run('here')).toBe(1);
    expect(rt.run('mine')).toBe(1);
    // Another referent sees none of them, and may make their own in the same document.
    expect(rt.asUser('adjoint@example.org', () => rt.run('mine'))).toBe(0);
    rt.asUser('adjoint@example.org', () => rt.run('install'));
    expect(rt.stores.triggers.triggers.map((t) => t.owner)).toEqual([
      'referent.ent@example.org',
      'adjoint@example.org',
    ]);
    // One clock trigger per user and document.
    expect(() => rt.run('install')).toThrow("qu'un déclencheur CLOCK");
    expect(() => rt.run('open', ['missing'])).toThrow(/openById/);
  });

  it('keeps developer metadata in the spreadsheet', () => {
    const rt = runScript(script);
    expect(rt.run('meta')).toEqual(['k=v2']);
    expect(rt.stores.spreadsheet.metadata.items[0]!.visibility).toBe('PROJECT');
    // Past 30,000 characters the metadata is refused, and not kept.
    expect(() => rt.stores.spreadsheet.metadata.add('big', 'x'.repeat(30_000), 'PROJECT')).toThrow(
      '30 000',
    );
    expect(rt.stores.spreadsheet.metadata.items.map((m) => m.key)).toEqual(['k']);
  });
});

describe('the mail quota', () => {
  it('is per user and renews 24 hours after the first send, not at midnight', () => {
    let now = Date.UTC(2026, 11, 6, 22, 0);
    const rt = runScript(
      `function send(to) { GmailApp.sendEmail(to, 's', 'b'); return MailApp.getRemainingDailyQuota(); }
       function left() { return MailApp.getRemainingDailyQuota(); }`,
      undefined,
      { now: () => now },
    );
    rt.stores.mail.setFaults({ dailyQuota: 2 });
    expect(rt.run('send', ['a@example.org'])).toBe(1);
    now += 3 * 3600_000; // past midnight: still the same window
    expect(rt.run('send', ['b@example.org'])).toBe(0);
    expect(() => rt.run('send', ['c@example.org'])).toThrow('too many times for one day');
    // Another user has their own quota.
    expect(rt.asUser('adjoint@example.org', () => rt.run('left'))).toBe(2);
    now += 21 * 3600_000; // 24 hours after the first send
    expect(rt.run('left')).toBe(2);
  });
});
