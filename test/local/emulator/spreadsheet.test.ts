import { describe, expect, it } from 'vitest';
import { spreadsheetFromRows } from '../../../src/local/emulator/import';
import type { EmuRange, EmuSheet } from '../../../src/local/emulator/spreadsheet';

function school() {
  const spreadsheet = spreadsheetFromRows(
    [
      ['Nom', 'Prénom'],
      ['ABEL', 'Léa'],
      ['BAHOUS', 'Sami'],
    ],
    'Comptes',
  );
  return { spreadsheet, sheet: spreadsheet.sheets[0]! };
}
const range = (r: unknown) => r as EmuRange;
const sheetOf = (s: unknown) => s as EmuSheet;

describe('Sheet', () => {
  it('gives the data range from A1 to the last row and column holding a value', () => {
    const { sheet } = school();
    expect(range(sheet.getDataRange()).getA1Notation()).toBe('A1:B3');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
  });

  it('takes ranges by coordinates and by A1 notation, and refuses ranges off the sheet', () => {
    const { sheet } = school();
    expect(range(sheet.getRange('B2')).getValue()).toBe('Léa');
    expect(range(sheet.getRange(2, 1, 2, 2)).getValues()).toEqual([
      ['ABEL', 'Léa'],
      ['BAHOUS', 'Sami'],
    ]);
    expect(range(sheet.getRange('A:A')).getNumRows()).toBe(3);
    expect(() => sheet.getRange(4, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  it('grows by rows and columns and shrinks by rows, moving the cells beyond', () => {
    const { sheet } = school();
    sheet.insertColumnsAfter(1, 2);
    sheet.insertRowsAfter(1, 1);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([4, 4]);
    expect(range(sheet.getDataRange()).getValues()).toEqual([
      ['Nom', '', '', 'Prénom'],
      ['', '', '', ''],
      ['ABEL', '', '', 'Léa'],
      ['BAHOUS', '', '', 'Sami'],
    ]);
    sheet.deleteRows(2, 1);
    expect(range(sheet.getDataRange()).getValues()).toEqual([
      ['Nom', '', '', 'Prénom'],
      ['ABEL', '', '', 'Léa'],
      ['BAHOUS', '', '', 'Sami'],
    ]);
    expect(() => sheet.deleteRows(3, 5)).toThrow('outside the dimensions');
  });

  it('freezes rows and keeps one filter per sheet', () => {
    const { sheet } = school();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    const filter = range(sheet.getDataRange()).createFilter();
    expect(range(filter.getRange()).getA1Notation()).toBe('A1:B3');
    expect(() => range(sheet.getDataRange()).createFilter()).toThrow('already has a filter');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('Range writes', () => {
  it('setValues checks the dimensions and types strings as a person typing them', () => {
    const { sheet } = school();
    const target = range(sheet.getRange(2, 1, 1, 2));
    expect(() => target.setValues([['a']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    target.setValues([['0693', '=A1']]);
    expect(target.getValues()).toEqual([[693, '#ERROR!']]);
    expect(target.getFormulas()).toEqual([['', '=A1']]);
  });

  it('keeps strings as written in cells formatted as plain text (@)', () => {
    const { sheet } = school();
    const target = range(sheet.getRange(2, 1, 1, 2)).setNumberFormat('@');
    range(target).setValues([['0693', '=A1']]);
    expect(range(target).getValues()).toEqual([['0693', '=A1']]);
  });

  it('stores backgrounds as lower-case #rrggbb, white by default, null resetting', () => {
    const { sheet } = school();
    const target = range(sheet.getRange('A1:B1'));
    expect(target.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    target.setBackgrounds([['#FCE8E6', 'red']]);
    expect(target.getBackgrounds()).toEqual([['#fce8e6', '#ff0000']]);
    target.setBackground(null);
    expect(target.getBackground()).toBe('#ffffff');
    expect(() => target.setBackground('pas une couleur')).toThrow('Invalid color');
  });

  it('writes notes and font weights, and clears contents but not formats', () => {
    const { sheet } = school();
    const target = range(sheet.getRange('A2'));
    target.setNote('Doublon possible').setFontWeight('bold');
    range(target).setBackground('#fce8e6');
    expect([target.getNote(), target.getFontWeight()]).toEqual(['Doublon possible', 'bold']);
    range(sheet.getRange('A2')).clearContent();
    expect([target.getValue(), target.getBackground()]).toEqual(['', '#fce8e6']);
  });
});

describe('Spreadsheet', () => {
  it('inserts a sheet after the active one, 1000 × 26, and makes it active', () => {
    const { spreadsheet } = school();
    const preview = sheetOf(spreadsheet.insertSheet('Aperçu'));
    expect(spreadsheet.getSheets().map((s) => sheetOf(s).getName())).toEqual(['Comptes', 'Aperçu']);
    expect([preview.getMaxRows(), preview.getMaxColumns(), preview.getIndex()]).toEqual([
      1000, 26, 2,
    ]);
    expect(sheetOf(spreadsheet.getActiveSheet()).getName()).toBe('Aperçu');
    expect(() => spreadsheet.insertSheet('Aperçu')).toThrow(
      'A sheet with the name "Aperçu" already exists. Please enter another name.',
    );
  });

  it('deletes a sheet but never the last one', () => {
    const { spreadsheet, sheet } = school();
    const other = spreadsheet.insertSheet('Aperçu');
    spreadsheet.deleteSheet(other);
    expect(spreadsheet.getSheetByName('Aperçu')).toBeNull();
    expect(() => spreadsheet.deleteSheet(sheet as never)).toThrow(
      "You can't remove all the sheets",
    );
  });

  it('finds ranges of another sheet by A1 notation with its name', () => {
    const { spreadsheet } = school();
    spreadsheet.insertSheet("L'aperçu");
    expect(range(spreadsheet.getRange("'Comptes'!A2")).getValue()).toBe('ABEL');
  });
});
