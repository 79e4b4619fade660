import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { readDist } from '../helpers/dist';
import { schoolRows } from '../helpers/school';

const SHEET_SERVICES = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Filter)\./;

function runtimeOn(rows: string[][]) {
  return new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(rows, 'Export'),
  });
}

function request(overrides = {}) {
  return {
    sheetName: 'Export',
    filters: {},
    sort: 'alpha',
    showCodes: false,
    ...overrides,
  };
}

function sheetCalls(rt: AppsScriptRuntime): Record<string, number> {
  return Object.fromEntries(
    Object.entries(rt.counters.snapshot()).filter(([key]) => SHEET_SERVICES.test(key)),
  );
}

function previewTab(rt: AppsScriptRuntime) {
  const sheet = rt.stores.spreadsheet.getSheetByName('Aperçu publipostage');
  if (!sheet) throw new Error('pas d’onglet Aperçu publipostage');
  return sheet;
}

describe('runPreview (dist/Code.js in the emulator)', () => {
  it('costs the same number of Sheets calls for 2,000 and 20,000 accounts', () => {
    const costs = [1_000, 10_000].map((students) => {
      const rt = runtimeOn(schoolRows(students));
      rt.counters.reset();
      const reply = rt.runFromClient('runPreview', [request()]) as { ok: boolean };
      expect(reply.ok).toBe(true);
      return sheetCalls(rt);
    });
    expect(costs[0]).toEqual(costs[1]);
    expect(costs[0]!['Range.setValues']).toBe(1);
    expect(costs[0]!['Range.getValues']).toBe(1);
    const total = Object.values(costs[0]!).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(40);
  });

  it('writes the counts, the rows as text, masked codes and the highlights', () => {
    const rows = schoolRows(40);
    rows[1]![2] = '=HYPERLINK("http://x")';
    const rt = runtimeOn(rows);
    rt.stores.spreadsheet
      .getSheetByName('Export')!
      .getRange('E2')
      .setNumberFormat('@')
      .setValue('0042');
    const reply = rt.runFromClient('runPreview', [
      request({ filters: { profiles: ['Student'] } }),
    ]) as { ok: boolean; value: { summary: { total: number }; replaced: boolean } };
    expect(reply.ok).toBe(true);
    expect(reply.value.summary.total).toBe(40);
    expect(reply.value.replaced).toBe(false);
    const sheet = previewTab(rt);
    const values = sheet.getDataRange().getValues();
    expect(values[1]![0]).toBe('40 comptes sélectionnés au total');
    const header = values.findIndex((row) => row[0] === 'Nom');
    expect(sheet.getFrozenRows()).toBe(header + 1);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe(`A${header + 1}:J${header + 41}`);
    const pupil0 = values.find((row) => row[3] === 'eleve.0')!;
    expect(pupil0[1]).toBe('=HYPERLINK("http://x")');
    expect(
      sheet
        .getRange(header + 2, 1, 40, 10)
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const codes = values.slice(header + 1).map((row) => row[5]);
    expect(codes.filter((code) => code !== '' && code !== '********')).toEqual([]);
    expect(values.flat()).not.toContain('0042');
  });

  it('shows codes with their leading zeros when asked, and replaces the tab when run again', () => {
    const rt = runtimeOn(schoolRows(10));
    // A code kept as text in the source (a plain-text column), leading zeros included.
    rt.stores.spreadsheet
      .getSheetByName('Export')!
      .getRange('E2')
      .setNumberFormat('@')
      .setValue('0042');
    rt.runFromClient('runPreview', [request()]);
    const again = rt.runFromClient('runPreview', [
      request({ showCodes: true, filters: { profiles: ['Student'] } }),
    ]) as { value: { replaced: boolean } };
    expect(again.value.replaced).toBe(true);
    const values = previewTab(rt).getDataRange().getValues();
    expect(values[1]![0]).toBe('10 comptes sélectionnés au total');
    expect(values.find((row) => row[3] === 'eleve.0')![5]).toBe('0042');
    expect(rt.stores.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'Export',
      'Aperçu publipostage',
    ]);
  });

  // Issue 15: a sheet row that cannot be trusted never reaches the preview, a letter or an e-mail.
  it('keeps out a row with a blank login or a value beyond the header, and says which', () => {
    const rows = schoolRows(4).map((row) => [...row, '']);
    rows[1]![3] = ''; // eleve.0 without its login
    rows[4]![rows[4]!.length - 1] = 'décalé'; // eleve.1 with a cell past the last column
    const rt = runtimeOn(rows);
    const source = rt.runFromClient('getSource', [null]) as {
      value: { accountCount: number; warnings: string[] };
    };
    expect(source.value.accountCount).toBe(7);
    expect(source.value.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Ligne 2\u00a0: cellule «\u00a0Identifiant\u00a0» vide\u00a0; ligne écartée/,
        ),
        expect.stringMatching(/^Ligne 5\u00a0: une valeur en colonne 10, au-delà des colonnes/),
      ]),
    );
    rt.runFromClient('runPreview', [request()]);
    const logins = previewTab(rt)
      .getDataRange()
      .getValues()
      .map((row) => row[3]);
    expect(logins).not.toContain('eleve.1');
    expect(logins).toContain('eleve.2');
  });

  it('says that creation dates the wrong way round select nobody', () => {
    const rt = runtimeOn(schoolRows(4));
    const reply = rt.runFromClient('runPreview', [
      request({ filters: { createdAfter: '2026-01-01', createdBefore: '2025-01-01' } }),
    ]) as { ok: boolean; error: { message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toBe(
      '« Date de création (après le) » (2026-01-01) est après « Date de création (avant le) » (2025-01-01) : aucun compte ne peut correspondre. Inversez les deux dates.',
    );
  });

  it('answers a French message naming the missing columns for a sheet that is no export', () => {
    const rt = runtimeOn([
      ['Élève', 'Note'],
      ['Zoë', '12'],
    ]);
    const reply = rt.runFromClient('getSource', [null]) as {
      ok: boolean;
      error: { message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/ne ressemble pas à un export/);
    expect(reply.error.message).toMatch(/Identifiant/);
    expect(reply.error.message).toMatch(/«\u00a0Élève\u00a0», «\u00a0Note\u00a0»/);
  });
});

describe('in English, when the user’s locale is English', () => {
  it('answers the sidebar and writes the tab in English', () => {
    const rt = new AppsScriptRuntime({
      code: readDist('Code.js'),
      spreadsheet: spreadsheetFromRows(schoolRows(4), 'Export'),
      locale: 'en_GB',
    });
    const source = rt.runFromClient('getSource', [null]) as {
      value: { language: string; options: { profiles: { label: string }[] } };
    };
    expect(source.value.language).toBe('en');
    expect(source.value.options.profiles.map((p) => p.label)).toEqual([
      'Student',
      'Teacher',
      'Parent',
    ]);
    rt.runFromClient('runPreview', [request()]);
    const values = previewTab(rt).getDataRange().getValues();
    expect(values[1]![0]).toBe('9 accounts selected in total');
    expect(values.some((row) => row[0] === 'Last name')).toBe(true);
  });
});
