import { describe, expect, it } from 'vitest';
import { runScript } from './helpers';

describe('the vm realm seen by the script', () => {
  it('has the services as globals and nothing of Node', () => {
    const rt = runScript(`function probe() {
      return ['require', 'process', 'Buffer', 'module', 'setTimeout', 'global' + 'This.process']
        .map(function (n) { return typeof this[n]; }, this)
        .concat([typeof SpreadsheetApp, typeof PropertiesService, typeof Utilities]);
    }`);
    expect(rt.run('probe')).toEqual([
      'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined',
      'object', 'object', 'object',
    ]); // prettier-ignore
  });

  it('gives arrays and dates of the script’s own realm', () => {
    const rt = runScript(`function probe() {
      var values = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
      var when = Utilities.newBlob('x').getBytes();
      return [values instanceof Array, Array.isArray(values[0]), values[0] instanceof Array,
        when instanceof Array, typeof values[1][1]];
    }`);
    expect(rt.run('probe')).toEqual([true, true, true, true, 'number']);
  });

  it('gives Date objects of the script’s realm for date cells', () => {
    const rt = runScript(
      `function probe() {
        var d = SpreadsheetApp.getActiveSheet().getRange('A2').getValue();
        return [d instanceof Date, d.getTime()];
      }`,
      [['Créé le'], ['20/12/2024']],
    );
    expect(rt.run('probe')).toEqual([true, Date.UTC(2024, 11, 19, 23)]);
  });

  it('offers no way back to Node through a service object', () => {
    const rt = runScript(`function probe() {
      var sheet = SpreadsheetApp.getActiveSheet();
      var escape = sheet.getName.constructor('return typeof process')();
      return [escape, Object.getPrototypeOf(sheet) === Object.prototype, Object.keys(sheet).length];
    }`);
    expect(rt.run('probe')).toEqual(['undefined', true, 0]);
  });

  it('rethrows service errors as the script’s own Error, catchable', () => {
    const rt = runScript(
      `function probe() {
      try { SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 2).setValues([[1]]); }
      catch (e) { return [e instanceof Error, e.message]; }
    }`,
      undefined,
      { locale: 'en' },
    );
    expect(rt.run('probe')).toEqual([
      true,
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ]);
  });

  it('names a method that is not emulated', () => {
    const rt = runScript(`function probe() { SpreadsheetApp.getActiveSheet().getCharts(); }`);
    expect(() => rt.run('probe')).toThrow("Sheet.getCharts n'est pas émulé");
  });
});

describe('call counters', () => {
  it('count each call per Service.method, and reset', () => {
    const rt = runScript(`function work() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
      var range = sheet.getDataRange();
      range.getValues();
      range.getValues();
      range.setBackgrounds(range.getBackgrounds());
    }`);
    rt.run('work');
    expect(rt.counters.snapshot()).toEqual({
      'Range.getBackgrounds': 1,
      'Range.getValues': 2,
      'Range.setBackgrounds': 1,
      'Sheet.getDataRange': 1,
      'Spreadsheet.getActiveSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(rt.counters.total()).toBe(7);
    rt.counters.reset();
    expect(rt.counters.total()).toBe(0);
  });

  it('do not count what the host reads (the page, the tests)', () => {
    const rt = runScript('');
    rt.stores.spreadsheet.sheets[0]!.range(1, 1).getValues();
    expect(rt.counters.total()).toBe(0);
  });
});
