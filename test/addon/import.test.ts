// « Importer un export ENT » through dist/Code.js in the emulator, with the sidebar's half done
// as the sidebar does it (the core's reader, grid and chunks): one export in UTF-8, Windows-1252,
// UTF-16 LE and BE gives the same tab and the same preview, codes and phones with their zeros.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadAccounts } from '../../src/core';
import { parseCsv } from '../../src/core/csv-reader';
import { asGrid, chunkRows, IMPORT_LIMITS, type ImportLimits } from '../../src/core/import';
import { readCsvFile } from '../../src/local/csv';
import { EmuSpreadsheet } from '../../src/local/emulator/spreadsheet';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { readDist } from '../helpers/dist';
import { schoolRows } from '../helpers/school';

const FIXTURE = join(import.meta.dirname, '../fixtures/college-export.csv');

type Ok<T> = { ok: true; value: T };
type Failed = { ok: false; error: { message: string } };

/** The console's export, with two activation codes of digits starting with 0 (as codes can be). */
function exportText(): string {
  const text = readFileSync(FIXTURE, 'utf8').replace(/^\uFEFF/, '');
  const zeroCodes = text
    .replace('"alice.perez";"";"sj8h6fn"', '"alice.perez";"";"0427193"')
    .replace('"romane.picard";"";"dwk5q2se"', '"romane.picard";"";"00815"');
  expect(zeroCodes).not.toBe(text);
  return zeroCodes;
}

const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'UTF-8 with BOM': (text) => new TextEncoder().encode(`\uFEFF${text}`),
  'UTF-8 without BOM': (text) => new TextEncoder().encode(text),
  'Windows-1252': (text) => iconv.encode(text, 'windows-1252'),
  'UTF-16 LE': (text) => iconv.encode(text, 'utf-16le', { addBOM: true }),
  'UTF-16 BE': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
};

function runtime(): AppsScriptRuntime {
  return new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(schoolRows(3), 'Ancien export'),
  });
}

function call<T>(rt: AppsScriptRuntime, name: string, ...args: unknown[]): T {
  const reply = rt.runFromClient(name, args) as Ok<T> | Failed;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

function fails(rt: AppsScriptRuntime, name: string, ...args: unknown[]): string {
  const reply = rt.runFromClient(name, args) as Ok<unknown> | Failed;
  expect(reply.ok).toBe(false);
  return (reply as Failed).error.message;
}

/** What the sidebar does with the file's bytes; returns the new tab's name. */
function importBytes(
  rt: AppsScriptRuntime,
  bytes: Uint8Array,
  limits: ImportLimits = IMPORT_LIMITS,
): string {
  const { rows, columns } = asGrid(parseCsv(bytes).rows);
  const ticket = call<{ importId: string }>(rt, 'beginImport', { rows: rows.length, columns });
  for (const chunk of chunkRows(rows, limits)) {
    call(rt, 'appendImport', { importId: ticket.importId, ...chunk });
  }
  return call<{ sheetName: string }>(rt, 'finishImport', ticket.importId).sheetName;
}

function previewOf(rt: AppsScriptRuntime, sheetName: string): unknown[][] {
  call(rt, 'runPreview', { sheetName, filters: {}, sort: 'alpha', showCodes: true });
  return rt.stores.spreadsheet.getSheetByName('Aperçu publipostage')!.getDataRange().getValues();
}

describe('importing an ENT export from the sidebar (dist/Code.js in the emulator)', () => {
  it('gives the same tab and preview in UTF-8, Windows-1252 and UTF-16, zeros intact', () => {
    const text = exportText();
    const results = Object.entries(ENCODINGS).map(([encoding, encode]) => {
      const rt = runtime();
      // Small calls, so that the rows cross in several chunks as a large school's would.
      const sheetName = importBytes(rt, encode(text), { ...IMPORT_LIMITS, chunkRows: 250 });
      const tab = rt.stores.spreadsheet.getSheetByName(sheetName)!;
      const source = call<{ sheetName: string; accountCount: number }>(rt, 'getSource', sheetName);
      return { encoding, sheetName, tab: tab.getDataRange().getValues(), source, rt };
    });
    const [utf8, ...others] = results;
    expect(utf8!.sheetName).toMatch(/^Export ENT \d{4}-\d{2}-\d{2} \d{2}-\d{2}$/);
    expect(utf8!.source.accountCount).toBe(1318);
    const alice = utf8!.tab.find((row) => row[5] === 'alice.perez')!;
    expect(alice[7]).toBe('0427193');
    expect(alice[15]).toBe('0693359019');
    expect(utf8!.tab[0]![4]).toBe('Prénom');
    const preview = previewOf(utf8!.rt, utf8!.sheetName);
    expect(preview.some((row) => row.includes('0427193'))).toBe(true);
    expect(preview.some((row) => row.includes('00815'))).toBe(true);
    for (const other of others) {
      expect(other.tab, other.encoding).toEqual(utf8!.tab);
      expect(other.source.accountCount, other.encoding).toBe(utf8!.source.accountCount);
      expect(previewOf(other.rt, other.sheetName), other.encoding).toEqual(preview);
    }
  });

  it('reads the same accounts as the CLI from the same file', () => {
    const rt = runtime();
    const sheetName = importBytes(rt, readFileSync(FIXTURE));
    const cli = loadAccounts(readCsvFile(FIXTURE).rows);
    const addon = loadAccounts(
      rt.stores.spreadsheet.getSheetByName(sheetName)!.getDataRange().getValues(),
    );
    expect(cli.ok && addon.ok).toBe(true);
    if (!cli.ok || !addon.ok) return;
    expect(addon.accounts).toEqual(cli.accounts);
    expect(addon.warnings).toEqual(cli.warnings);
  });

  it('formats the whole tab as plain text before writing, and shows the tab once complete', () => {
    const rt = runtime();
    const ticket = call<{ importId: string; sheetName: string }>(rt, 'beginImport', {
      rows: 2,
      columns: 3,
    });
    const pending = rt.stores.spreadsheet.getSheetById(Number(ticket.importId))!;
    expect(pending.getName()).toBe(`${ticket.sheetName} (import en cours)`);
    expect(pending.getRange(1, 1, 2, 3).getNumberFormats()).toEqual([
      ['@', '@', '@'],
      ['@', '@', '@'],
    ]);
    call(rt, 'appendImport', {
      importId: ticket.importId,
      start: 0,
      rows: [
        ['Nom', 'Téléphone', 'Formule'],
        ['ÉLODIE', '0693359019', '=1+1'],
      ],
    });
    expect(call<{ sheetName: string }>(rt, 'finishImport', ticket.importId).sheetName).toBe(
      ticket.sheetName,
    );
    expect(pending.getName()).toBe(ticket.sheetName);
    expect(pending.getRange(2, 1, 1, 3).getValues()).toEqual([['ÉLODIE', '0693359019', '=1+1']]);
    expect(rt.stores.spreadsheet.getActiveSheet().getName()).toBe(ticket.sheetName);
  });

  it('names a second import of the same minute apart', () => {
    const rt = runtime();
    const bytes = new TextEncoder().encode('Nom;Prénom\nA;B\n');
    const first = importBytes(rt, bytes);
    const second = importBytes(rt, bytes);
    expect(second).toBe(`${first} (2)`);
  });

  it('refuses rows out of order, wider than announced, or past the end, and a tab renamed', () => {
    const rt = runtime();
    const { importId } = call<{ importId: string }>(rt, 'beginImport', { rows: 2, columns: 2 });
    const append = (start: number, rows: unknown) =>
      fails(rt, 'appendImport', { importId, start, rows });
    expect(append(1, [['a', 'b']])).toMatch(/lignes hors de l’ordre attendu/);
    expect(append(0, [['a', 'b', 'c']])).toMatch(/ligne d’une autre largeur/);
    expect(
      append(0, [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ]),
    ).toMatch(/plus de lignes qu’annoncé/);
    expect(append(0, [['a', 2]])).toMatch(/données mal formées/);
    expect(append(0, [['x'.repeat(IMPORT_LIMITS.maxChunkChars), '']])).toMatch(/envoi trop grand/);
    expect(fails(rt, 'finishImport', importId)).toMatch(
      /Import incomplet\u00a0: 0 ligne reçue sur 2/,
    );
    rt.stores.spreadsheet.getSheetById(Number(importId))!.setName('Renommé');
    expect(fails(rt, 'appendImport', { importId, start: 0, rows: [['a', 'b']] })).toMatch(
      /l’onglet commencé n’existe plus ou a été renommé/,
    );
    expect(fails(rt, 'beginImport', { rows: 5_000_000, columns: 3 })).toMatch(
      /15\u00a0000\u00a0000 cellules/,
    );
  });

  it('costs one setValues per call and a constant number of other Sheets calls', () => {
    const rt = runtime();
    const rows = schoolRows(4_999); // 10,249 rows with the parents and staff
    const bytes = new TextEncoder().encode(rows.map((row) => row.join(';')).join('\n'));
    rt.counters.reset();
    importBytes(rt, bytes);
    const calls = rt.counters.snapshot();
    expect(rows).toHaveLength(10_249);
    expect(calls['Range.setValues']).toBe(11);
    expect(calls['Range.setNumberFormat']).toBe(1);
    expect(rt.stores.spreadsheet.getSheets().at(-1)!.getDataRange().getValues()).toEqual(rows);
  });

  it('forgets the state of an import whose tab was deleted by hand', () => {
    const rt = runtime();
    const { importId } = call<{ importId: string }>(rt, 'beginImport', { rows: 2, columns: 2 });
    const keys = () => [...rt.stores.properties.document.values.keys()];
    expect(keys()).toContain(`publipostage.import.${importId}`);
    rt.stores.spreadsheet.deleteSheet(rt.stores.spreadsheet.getSheetById(Number(importId))!);
    call(rt, 'beginImport', { rows: 2, columns: 2 });
    expect(keys()).not.toContain(`publipostage.import.${importId}`);
  });

  it('deletes the tab of an import that failed', () => {
    const rt = runtime();
    const before = rt.stores.spreadsheet.getSheets().map((s) => s.getName());
    const { importId } = call<{ importId: string }>(rt, 'beginImport', { rows: 3, columns: 2 });
    call(rt, 'appendImport', { importId, start: 0, rows: [['a', 'b']] });
    call(rt, 'abortImport', importId);
    expect(rt.stores.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
    expect(call(rt, 'abortImport', importId)).toBeNull();
  });
});

describe('the emulator types a string by the cell’s format (Sheets’ plain text)', () => {
  it('keeps 0693359019 as text in a plain-text cell, makes it a number otherwise', () => {
    const sheet = new EmuSpreadsheet('Classeur').addSheet('Feuille 1', 0, 2, 1);
    sheet.getRange(1, 1).setValues([['0693359019']]);
    sheet
      .getRange(2, 1)
      .setNumberFormat('@')
      .setValues([['0693359019']]);
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([[693359019], ['0693359019']]);
  });
});
