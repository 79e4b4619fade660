import { describe, expect, it } from 'vitest';
import { loadAccounts } from './accounts';
import { chooseSource, looksLikeExport, sourceInfo } from './source';

const exportHead = [['Nom', 'Prénom', 'Identifiant', 'Type', 'Code d’activation']];
const previewHead = [['Aperçu du publipostage — …'], ['3 comptes sélectionnés au total']];

describe('the source tab', () => {
  it('recognises an export by its header, even below blank rows', () => {
    expect(looksLikeExport({ name: 'Comptes', head: exportHead })).toBe(true);
    expect(looksLikeExport({ name: 'Comptes', head: [[''], ['', ''], ...exportHead] })).toBe(true);
    expect(looksLikeExport({ name: 'Notes', head: [['Élève', 'Note']] })).toBe(false);
    expect(looksLikeExport({ name: 'Vide', head: [['']] })).toBe(false);
  });

  it('never takes the add-on’s own tabs for an export', () => {
    const journal = [['Nom', 'Prénom', 'Login', 'Profil', 'Statut']];
    expect(looksLikeExport({ name: 'Journal publipostage', head: journal })).toBe(false);
    expect(looksLikeExport({ name: 'Aperçu publipostage', head: previewHead })).toBe(false);
  });

  it('takes the requested tab, else the active export, else the first export', () => {
    const sheets = [
      { name: 'Aperçu publipostage', head: previewHead },
      { name: 'Export 2025', head: exportHead },
      { name: 'Export 2026', head: exportHead },
    ];
    expect(chooseSource(sheets, 'Export 2026', null).chosen).toBe('Export 2026');
    expect(chooseSource(sheets, 'Aperçu publipostage', null).chosen).toBe('Export 2025');
    expect(chooseSource(sheets, 'Export 2026', 'Export 2025').chosen).toBe('Export 2025');
    expect(chooseSource(sheets, 'Export 2026', 'Disparu').chosen).toBe('Export 2026');
    expect(chooseSource(sheets, 'x', null).choices.map((c) => c.looksLikeExport)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('never offers a hidden tab, such as a letters job’s frozen selection', () => {
    const sheets = [
      { name: 'Publipostage – sélection figée 1a2b3c4d', head: exportHead, hidden: true },
      { name: 'Export 2026', head: exportHead },
    ];
    const { choices, chosen } = chooseSource(sheets, 'x', null);
    expect(choices.map((c) => c.name)).toEqual(['Export 2026']);
    expect(chosen).toBe('Export 2026');
    expect(chooseSource(sheets, 'x', 'Publipostage – sélection figée 1a2b3c4d').chosen).toBe(
      'Export 2026',
    );
  });

  it('falls back to the active tab when none looks like an export, so its columns are named', () => {
    expect(chooseSource([{ name: 'Notes', head: [['a']] }], 'Notes', null).chosen).toBe('Notes');
  });
});

describe('what the sidebar shows of a source', () => {
  const table = [
    ['Nom', 'Prénom', 'Identifiant', 'Type', 'Classes', 'Enfants', 'Code d’activation'],
    ['PEREZ', 'Léna', 'lena.perez', 'Élève', '6EME 3', '', 'abc'],
    ['PEREZ', 'Alice', 'alice.perez', 'Parent', '', 'Léna PEREZ', ''],
    ['MOREL', 'Tom', 'tom.morel', 'Élève', '5EME 1', '', 'def'],
  ];
  const loaded = loadAccounts(table);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const info = sourceInfo({
    language: 'fr',
    choices: [{ name: 'Comptes', looksLikeExport: true }],
    sheetName: 'Comptes',
    ...loaded,
  });

  it('counts accounts and lists profiles with their counts, in French', () => {
    expect(info.accountCount).toBe(3);
    expect(info.options.profiles).toEqual([
      { value: 'Student', label: 'Élève', count: 2 },
      { value: 'Relative', label: 'Parent', count: 1 },
    ]);
  });

  it('offers levels with their classes', () => {
    expect(info.options.levels).toEqual([
      { name: '6EME', classes: ['6EME 3'] },
      { name: '5EME', classes: ['5EME 1'] },
    ]);
  });

  it('counts every warning, not only the lines it shows', () => {
    const rows = Array.from({ length: 14 }, (_, i) => ['X', 'Y', `x${i}`, 'Stagiaire']);
    const many = loadAccounts([['Nom', 'Prénom', 'Identifiant', 'Type'], ...rows]);
    if (!many.ok) throw new Error(many.error.message);
    const shown = sourceInfo({ language: 'fr', choices: [], sheetName: 'Comptes', ...many });
    // 14 unknown profiles and the missing activation code column: 15 warnings, 12 lines.
    expect(shown.warnings).toHaveLength(12);
    expect(shown.warningCount).toBe(15);
  });

  it('says which filters the sheet cannot serve, and why', () => {
    expect(Object.keys(info.options.unavailable).sort()).toEqual([
      'blocked',
      'created',
      'email',
      'localAdmins',
    ]);
    expect(info.options.unavailable.created).toContain('Date de création');
    expect(info.options.unavailable.activation).toBeUndefined();
  });

  it('names found columns by their header and missing ones by their French label', () => {
    const created = info.columns.find((c) => c.field === 'createdAt');
    expect(created).toEqual({
      field: 'createdAt',
      label: 'Date de création',
      header: null,
      required: false,
    });
    expect(info.columns.find((c) => c.field === 'login')?.header).toBe('Identifiant');
  });
});
