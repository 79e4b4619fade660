import { describe, expect, it } from 'vitest';
import { typeInput } from '../../../src/local/emulator/cell-input';
import { spreadsheetFromRows } from '../../../src/local/emulator/import';

describe('typing a text as a French-locale Google Sheet does', () => {
  it('turns all-digit text into a number, losing leading zeros', () => {
    expect(typeInput('0693359019')).toEqual({ value: 693359019 });
    expect(typeInput('1275')).toEqual({ value: 1275 });
    expect(typeInput('3,5')).toEqual({ value: 3.5 });
  });

  it('turns dd/mm/yyyy into a Date at midnight in Paris, summer or winter', () => {
    expect(typeInput('20/12/2024')).toEqual({
      value: new Date('2024-12-19T23:00:00Z'),
      numberFormat: 'dd/mm/yyyy',
    });
    expect(typeInput('01/07/2025').value).toEqual(new Date('2025-06-30T22:00:00Z'));
    expect(typeInput('09/12/2019 08:57').value).toEqual(new Date('2019-12-09T07:57:00Z'));
  });

  it('keeps impossible dates and other shapes as text', () => {
    for (const text of [
      '31/02/2024',
      '15-05-2026 08:57',
      '2024-12-20',
      '00001275-cba020',
      'b6yhsp6',
      '-',
      ' 12',
    ]) {
      expect(typeInput(text)).toEqual({ value: text });
    }
  });

  it('reads TRUE/FALSE and VRAI/FAUX as booleans, any case', () => {
    expect(['TRUE', 'vrai', 'False', 'FAUX'].map((t) => typeInput(t).value)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(typeInput('Oui')).toEqual({ value: 'Oui' });
  });

  it('makes a formula of "=…" and text of "\'…" on input, never on import', () => {
    expect(typeInput('=1+1')).toEqual({ value: '', formula: '=1+1' });
    expect(typeInput("'0693")).toEqual({ value: '0693' });
    expect(typeInput('=1+1', { formulas: false })).toEqual({ value: '=1+1' });
  });
});

describe('a spreadsheet imported from a CSV', () => {
  const spreadsheet = spreadsheetFromRows(
    [
      ['Nom', 'Téléphone', 'Date de création', 'Formule'],
      ['PEREZ', '0693359019', '20/12/2024', '=HYPERLINK("x")'],
      ['ROUX'],
    ],
    'export',
  );
  const sheet = spreadsheet.sheets[0]!;

  it('has one sheet named after the file, sized to the data', () => {
    expect(spreadsheet.getName()).toBe('export');
    expect([sheet.name, sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()]).toEqual([
      'export',
      3,
      4,
      0,
    ]);
  });

  it('holds typed values and shows them in the French way', () => {
    const range = sheet.range(2, 1, 1, 4);
    expect(range.getValues()).toEqual([
      ['PEREZ', 693359019, new Date('2024-12-19T23:00:00Z'), '=HYPERLINK("x")'],
    ]);
    expect(range.getDisplayValues()).toEqual([
      ['PEREZ', '693359019', '20/12/2024', '=HYPERLINK("x")'],
    ]);
    expect(range.getNumberFormats()[0]).toEqual([
      '0.###############',
      '0.###############',
      'dd/mm/yyyy',
      '0.###############',
    ]);
    expect(sheet.range(3, 2).getValue()).toBe('');
  });
});
