import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCsvFile } from '../local/csv';
import { loadAccounts } from './accounts';
import { findDuplicates } from './duplicates';
import { summarize, summaryLines } from './summary';
import { load } from './test-accounts';

describe('summary of a selection', () => {
  it('counts the rows of the user document', () => {
    const result = loadAccounts(
      readCsvFile(join(import.meta.dirname, '../../test/fixtures/rules/screenshot.csv')).rows,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(summarize(result.accounts)).toEqual({
      total: 7,
      withoutEmail: 2,
      invalidEmail: 0,
      activated: 2,
      notActivated: 5,
      byProfile: { Teacher: 6, Personnel: 1 },
      duplicates: [['abel.bahous', 'abel.bahous2']],
    });
  });

  it('words the counts as the ENT console does', () => {
    const base = { invalidEmail: 0, activated: 0, notActivated: 0, byProfile: {}, duplicates: [] };
    expect(summaryLines({ ...base, total: 39, withoutEmail: 3 })).toEqual([
      '39 comptes sélectionnés au total',
      '3 comptes sans adresse courriel',
    ]);
    expect(summaryLines({ ...base, total: 1, withoutEmail: 0 })).toEqual([
      '1 compte sélectionné au total',
      '0 compte sans adresse courriel',
    ]);
  });

  it('counts invalid e-mails apart from missing ones', () => {
    const summary = summarize(
      load([
        ['Nom', 'Prénom', 'Login', 'Profil', 'Courriel'],
        ['A', 'A', 'a', 'Personnel', 'eric.davenc@hahin'],
        ['B', 'B', 'b', 'Personnel', ''],
        ['C', 'C', 'c', 'Personnel', 'c@ex.fr'],
      ]),
    );
    expect([summary.withoutEmail, summary.invalidEmail]).toEqual([1, 1]);
  });
});

describe('possible duplicates', () => {
  it('groups the same names under different logins, whatever the accents and case', () => {
    const accounts = load([
      ['Nom', 'Prénom', 'Login', 'Profil'],
      ['BAHOUS', 'Abel', 'abel.bahous2', 'Enseignant'],
      ['Bahous', 'ABEL', 'abel.bahous', 'Enseignant'],
      ['NOËL', 'Anaïs', 'anais.noel', 'Parent'],
      ['NOEL', 'Anais', 'anais.noel1', 'Parent'],
      ['NOEL', 'Anais', 'anais.noel1', 'Parent'],
      ['MARTIN', 'Jules', 'jules.martin', 'Élève'],
    ]);
    expect(findDuplicates(accounts)).toEqual([
      ['abel.bahous', 'abel.bahous2'],
      ['anais.noel', 'anais.noel1'],
    ]);
  });

  it('does not report one login seen twice', () => {
    const accounts = load([
      ['Nom', 'Prénom', 'Login', 'Profil'],
      ['A', 'A', 'x', 'Élève'],
      ['A', 'A', 'x', 'Élève'],
    ]);
    expect(findDuplicates(accounts)).toEqual([]);
  });
});
