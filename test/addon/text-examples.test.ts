// getTextExamples in dist/Code.js on the emulator: the text editor's preview data for a selection.
import { describe, expect, it } from 'vitest';
import type { Reply, TextExamplesView } from '../../src/core/contract';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { readDist } from '../helpers/dist';
import { EXPORT_HEADER } from '../helpers/school';

const ROWS = [
  EXPORT_HEADER,
  ['Élève', 'BO', 'Al', 'al.bo', 'k8ancxa', '', '6EME 1', '', '01/09/2025'],
  [
    'Élève',
    'DE LA FONTAINE',
    'Marie-Christine',
    'mc.delafontaine',
    'p3rt9za',
    '',
    '6EME 2',
    '',
    '01/09/2025',
  ],
  ['Enseignant', 'LI', 'Bo', 'bo.li', '', 'bo.li@example.org', '6EME 1, 6EME 2', '', '01/09/2025'],
];

function examples(showCodes: boolean, filters = {}): Reply<TextExamplesView> {
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(ROWS, 'Export'),
  });
  return runtime.runFromClient('getTextExamples', [
    { sheetName: 'Export', filters, sort: 'alpha', showCodes },
  ]) as unknown as Reply<TextExamplesView>;
}

describe('getTextExamples (dist/Code.js in the emulator)', () => {
  it('gives the widest account of the selection first, per variant, with the settings', () => {
    const reply = examples(true);
    if (!reply.ok) throw new Error(reply.error.message);
    const { examples: found, settings, total } = reply.value;
    expect(total).toBe(3);
    expect(found.letters['not-activated'].accounts.map((a) => a.login)).toEqual([
      'mc.delafontaine',
      'al.bo',
    ]);
    expect(found.letters['not-activated'].accounts[0]!.activationCode).toBe('p3rt9za');
    expect(found.mail.activated.accounts.map((a) => a.login)).toEqual(['bo.li']);
    expect(found.mail['not-activated'].fictitious).toBe(true);
    expect(settings.entUrl).toBe('https://ent.example');
  });

  it('masks the codes when the referent hides them, and follows the filters', () => {
    const reply = examples(false, { profiles: ['Student'] });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.total).toBe(2);
    expect(reply.value.examples.letters['not-activated'].accounts[0]!.activationCode).toBe(
      '•••••••',
    );
    expect(reply.value.examples.letters.activated.fictitious).toBe(true);
  });

  it('says in French when the sheet is gone', () => {
    const runtime = new AppsScriptRuntime({
      code: readDist('Code.js'),
      spreadsheet: spreadsheetFromRows(ROWS, 'Export'),
    });
    const reply = runtime.runFromClient('getTextExamples', [
      { sheetName: 'Absent', filters: {}, sort: 'alpha', showCodes: false },
    ]) as unknown as Reply<TextExamplesView>;
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('Absent');
  });
});
