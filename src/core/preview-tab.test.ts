import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/helpers/accounts';
import { filtersSentence } from './filters-sentence';
import { asTypedText, buildPreviewTab, COLORS } from './preview-tab';
import type { Account, Summary } from './types';

const accounts: Account[] = [
  makeAccount({
    login: 'abel.bahous2',
    lastName: 'BAHOUS',
    firstName: 'Abel',
    profile: 'Teacher',
    activationCode: 'pxrzfcs',
    createdAt: '2019-04-26',
  }),
  makeAccount({
    login: 'abel.bahous',
    lastName: 'BAHOUS',
    firstName: 'Abel',
    profile: 'Teacher',
    activationCode: '0042',
    email: 'abel.bahous@yopmail.com',
    emailStatus: 'valid',
    classes: ['3EME 2', '5EME 3'],
  }),
  makeAccount({
    login: 'eric.davenc@hahin',
    lastName: 'BRALIM',
    firstName: '=HYPERLINK("x")',
    profile: 'Personnel',
    activated: true,
    activationCode: null,
    email: 'eric.davenc@hahin',
    emailStatus: 'invalid',
  }),
];
const summary: Summary = {
  total: 3,
  withoutEmail: 1,
  invalidEmail: 1,
  activated: 1,
  notActivated: 2,
  byProfile: { Teacher: 2, Personnel: 1 },
  duplicates: [['abel.bahous', 'abel.bahous2']],
};
const options = {
  filters: { profiles: ['Teacher', 'Personnel'] },
  showCodes: false,
  language: 'fr' as const,
  generatedAt: '2026-09-03T08:05',
};

describe('the « Aperçu publipostage » tab', () => {
  const grid = buildPreviewTab(accounts, summary, options);
  const table = grid.values.slice(grid.table.row - 1);

  it('opens with the counts worded as the ENT console words them', () => {
    const head = grid.values.slice(0, grid.table.row - 1).map((row) => row[0]);
    expect(grid.name).toBe('Aperçu publipostage');
    expect(head).toContain('3 comptes sélectionnés au total');
    expect(head).toContain('1 compte sans adresse courriel');
    expect(head).toContain('1 adresse courriel invalide');
    expect(head).toContain('1 activé, 2 non activés');
    expect(head).toContain('Filtres : profils Enseignant et Personnel');
    expect(head[0]).toBe('Aperçu du publipostage — Prétraitement du 03/09/2026 à 08:05');
  });

  it('lists the accounts in the given order with status, masked code and remarks', () => {
    expect(table[0]).toEqual([
      'Nom',
      'Prénom',
      'Profil',
      'Login',
      'Statut',
      'Code d’activation',
      'Courriel',
      'Classe(s)',
      'Date de création',
      'Remarque',
    ]);
    expect(table.slice(1).map((row) => row[3])).toEqual([
      'abel.bahous2',
      'abel.bahous',
      'eric.davenc@hahin',
    ]);
    expect(table[1]).toEqual([
      'BAHOUS',
      'Abel',
      'Enseignant',
      'abel.bahous2',
      'Non activé',
      '********',
      '',
      '',
      '26/04/2019',
      'courriel manquant, doublon possible',
    ]);
    expect(table[3]![4]).toBe('Activé');
    expect(table[3]![5]).toBe('');
    expect(table[3]![9]).toBe('courriel invalide');
  });

  it('shows codes, leading zeros kept, only when asked', () => {
    const shown = buildPreviewTab(accounts, summary, { ...options, showCodes: true });
    expect(shown.values[shown.table.row + 1]![5]).toBe('0042');
    expect(grid.values.flat()).not.toContain('0042');
    expect(grid.values.flat()).not.toContain('pxrzfcs');
  });

  it('highlights missing and invalid e-mails in two colours, with a legend', () => {
    const rows = grid.backgrounds.slice(grid.table.row);
    expect(rows.map((row) => row[0])).toEqual([
      COLORS.missingEmail,
      COLORS.plain,
      COLORS.invalidEmail,
    ]);
    const legend = grid.values[grid.table.row - 2]!;
    expect(legend.slice(0, 3)).toEqual(['Légende :', 'courriel manquant', 'courriel invalide']);
    expect(grid.backgrounds[grid.table.row - 2]!.slice(1, 3)).toEqual([
      COLORS.missingEmail,
      COLORS.invalidEmail,
    ]);
  });

  it('freezes everything down to the table header and describes the table for the filter', () => {
    expect(grid.frozenRows).toBe(9);
    expect(grid.table).toEqual({ row: 9, rows: 4, columns: 10 });
    expect(grid.values.every((row) => row.length === 10)).toBe(true);
    expect(grid.backgrounds).toHaveLength(grid.values.length);
    expect(grid.fontWeights).toHaveLength(grid.values.length);
    expect(grid.columnWidths).toHaveLength(10);
  });

  it('is written as typed text: every value behind an apostrophe, which Sheets drops', () => {
    const typed = asTypedText(grid.values);
    expect(table[3]![1]).toBe('=HYPERLINK("x")');
    expect(typed[grid.table.row + 2]![1]).toBe(`'=HYPERLINK("x")`);
    expect(typed[grid.table.row]![8]).toBe(`'26/04/2019`);
    expect(typed[grid.table.row]![6]).toBe('');
    expect(grid.values.flat().every((cell) => typeof cell === 'string')).toBe(true);
  });

  it('speaks English when asked', () => {
    const english = buildPreviewTab(accounts, summary, { ...options, language: 'en' });
    expect(english.values[1]![0]).toBe('3 accounts selected in total');
    expect(english.values[english.table.row]![4]).toBe('Not activated');
  });
});

describe('the filters in one sentence', () => {
  it('says every filter that is set, French dates', () => {
    expect(
      filtersSentence(
        {
          profiles: ['Relative'],
          classes: ['6EME 3'],
          activation: 'not-activated',
          email: 'without',
          createdAfter: '2025-09-01',
          blocked: 'not-blocked',
        },
        'fr',
      ),
    ).toBe(
      'profils Parent ; classes 6EME 3 ; comptes non activés ; sans courriel valide ; créés à partir du 01/09/2025 ; comptes non bloqués',
    );
  });

  it('says when nothing is filtered', () => {
    expect(filtersSentence({}, 'fr')).toBe('aucun filtre : tous les comptes');
    expect(filtersSentence({ activation: 'all', email: 'all' }, 'en')).toBe(
      'no filter: every account',
    );
  });
});
