import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { readDist } from '../helpers/dist';

function runtimeOn(rows: string[][]) {
  return new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(rows, 'Export'),
  });
}

describe('getSheetOverview (dist/Code.js in the emulator)', () => {
  it('names the active sheet, counts the rows under the header and reads the header once', () => {
    const rt = runtimeOn([
      ['Nom', 'Prénom', 'Date de création'],
      ['ABEL', 'Léa', '20/12/2024'],
      ['BAHOUS', 'Sami', '07/11/2017'],
    ]);
    expect(rt.runFromClient('getSheetOverview', [])).toEqual({
      name: 'Export',
      dataRows: 2,
      columns: 3,
      header: ['Nom', 'Prénom', 'Date de création'],
    });
    expect(rt.counters.snapshot()).toEqual({
      'Range.getDisplayValues': 1,
      'Sheet.getLastColumn': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getName': 1,
      'Sheet.getRange': 1,
      'SpreadsheetApp.getActiveSheet': 1,
    });
  });

  it('answers an empty sheet without reading a header', () => {
    expect(runtimeOn([]).runFromClient('getSheetOverview', [])).toEqual({
      name: 'Export',
      dataRows: 0,
      columns: 0,
      header: [],
    });
  });
});
