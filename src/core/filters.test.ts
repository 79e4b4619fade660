import { describe, expect, it } from 'vitest';
import { loadAccounts } from './accounts';
import { availableFilters, checkFilters, filterAccounts, filterOptions } from './filters';
import { load, logins } from './test-accounts';
import type { Filters } from './types';

// A small college: two 6EME classes, one 5EME class, a parent, a teacher, a guest without class.
const college = load([
  [
    'Type',
    'Nom',
    'Prénom',
    'Identifiant',
    'Classes',
    'Niveau',
    'Enfants',
    "Code d'activation",
    'Courriel',
    'Administrateur local',
    'Date de création',
    'Bloqué',
  ],
  ['Élève', 'A', 'Ana', 'e61', '6EME 1', '6EME', '', 'c1', 'ana@ex.fr', 'Non', '01/09/2020', ''],
  ['Élève', 'B', 'Ben', 'e62', '6EME 2', '6EME', '', '', '', 'Non', '02/09/2020', 'oui'],
  ['Élève', 'C', 'Cam', 'e51', '5EME 1', '5EME', '', 'c3', 'cam@ex', 'Non', '', ''],
  ['Parent', 'A', 'Paul', 'p1', '', '', 'Ana A', 'c4', 'paul@ex.fr', 'Non', '03/09/2020', ''],
  [
    'Enseignant',
    'D',
    'Dan',
    't1',
    '6EME 2, 5EME 1',
    '',
    '',
    '',
    'dan@ex.fr',
    'Oui',
    '04/09/2020',
    '',
  ],
  ['Invité', 'E', 'Eve', 'g1', '', '', '', 'c6', '', 'Non', '05/09/2020', ''],
  ['Élève', 'F', 'Fay', 'e5x', '', '5EME', '', 'c7', '', 'Non', '', ''],
]);
const select = (filters: Filters) => logins(filterAccounts(college, filters)).sort();

describe('filters', () => {
  it('selects everything when no filter is set', () => {
    expect(select({})).toHaveLength(college.length);
    expect(
      select({
        profiles: [],
        levels: [],
        classes: [],
        activation: 'all',
        email: 'all',
        blocked: 'all',
        localAdmins: false,
      }),
    ).toHaveLength(college.length);
  });

  it('keeps the selected profiles', () => {
    expect(select({ profiles: ['Teacher', 'Guest'] })).toEqual(['g1', 't1']);
  });

  it('counts a level whole when none of its classes is picked', () => {
    // e61, e62 by class; p1 through its child; t1 teaches 6EME 2.
    expect(select({ levels: ['6EME'] })).toEqual(['e61', 'e62', 'p1', 't1']);
  });

  it("matches an account's own level cell when that level counts whole", () => {
    expect(select({ levels: ['5EME'] })).toEqual(['e51', 'e5x', 't1']);
  });

  it('counts only the picked classes of a level that has some', () => {
    expect(select({ levels: ['6EME'], classes: ['6EME 1'] })).toEqual(['e61', 'p1']);
  });

  it('still counts picked classes whose level is not selected', () => {
    expect(select({ levels: ['6EME'], classes: ['5EME 1'] })).toEqual([
      'e51',
      'e61',
      'e62',
      'p1',
      't1',
    ]);
    expect(select({ classes: ['6EME 2'] })).toEqual(['e62', 't1']);
  });

  it('compares level and class names without case or accents', () => {
    expect(select({ classes: ['6eme 1'] })).toEqual(['e61', 'p1']);
    expect(select({ levels: ['6ème'] })).toEqual(['e61', 'e62', 'p1', 't1']);
  });

  it('filters on activation', () => {
    expect(select({ activation: 'activated' })).toEqual(['e62', 't1']);
    expect(select({ activation: 'not-activated' })).toEqual(['e51', 'e5x', 'e61', 'g1', 'p1']);
  });

  it('filters on e-mail: without means missing or invalid', () => {
    expect(select({ email: 'with' })).toEqual(['e61', 'p1', 't1']);
    expect(select({ email: 'without' })).toEqual(['e51', 'e5x', 'e62', 'g1']);
  });

  it('keeps only local admins when asked', () => {
    expect(select({ localAdmins: true })).toEqual(['t1']);
  });

  it('filters on creation date, inclusive, without the undated accounts', () => {
    expect(select({ createdAfter: '2020-09-02' })).toEqual(['g1', 'p1', 't1', 'e62'].sort());
    expect(select({ createdBefore: '2020-09-02' })).toEqual(['e61', 'e62']);
    expect(select({ createdAfter: '2020-09-02', createdBefore: '2020-09-03' })).toEqual([
      'e62',
      'p1',
    ]);
  });

  it('filters on blocked', () => {
    expect(select({ blocked: 'blocked' })).toEqual(['e62']);
    expect(select({ blocked: 'not-blocked' })).not.toContain('e62');
  });

  it('combines filters with AND', () => {
    expect(select({ levels: ['6EME'], activation: 'not-activated', email: 'with' })).toEqual([
      'e61',
      'p1',
    ]);
  });
});

describe('which filters a file allows', () => {
  const exportColumns = (headers: string[]) => {
    const result = loadAccounts([headers]);
    if (!result.ok) throw new Error(result.error.message);
    return result.columns;
  };
  const minimal = exportColumns(['Nom', 'Prénom', 'Login', 'Profil']);

  it('says why a filter is unavailable', () => {
    const filters = availableFilters(minimal);
    expect(filters.profiles).toEqual({ available: true });
    expect(filters.createdAfter).toEqual({
      available: false,
      reason: 'pas de colonne « Date de création »',
    });
    expect(filters.levels).toEqual({
      available: false,
      reason: 'pas de colonne « Classes » ni « Niveau »',
    });
    expect(filters.localAdmins).toEqual({
      available: false,
      reason: 'pas de colonne « Administrateur local » ni « Fonctions »',
    });
    expect(
      availableFilters(exportColumns(['Nom', 'Prénom', 'Login', 'Profil', 'Fonctions']))
        .localAdmins,
    ).toEqual({
      available: true,
    });
  });

  it('rejects a set filter whose column is absent, and lets unset ones pass', () => {
    expect(checkFilters({ activation: 'all', profiles: ['Teacher'] }, minimal)).toBeNull();
    const error = checkFilters({ createdAfter: '2020-01-01' }, minimal);
    expect(error?.code).toBe('filter-unavailable');
    expect(error?.message).toBe(
      "Le filtre « Date de création (après le) » n'est pas disponible pour ce fichier : pas de colonne « Date de création ». " +
        'En-têtes acceptés (Date de création : Date de création, Creation date, Created, Créé le). ' +
        'En-têtes trouvés : « Nom », « Prénom », « Login », « Profil ».',
    );
    expect(checkFilters({ blocked: 'blocked' }, minimal)?.message).toMatch(/Bloqué/);
  });
});

describe("the sidebar's lists", () => {
  it('gives profiles with counts in label order, and levels in school order with their classes', () => {
    const options = filterOptions(college);
    expect(options.profiles).toEqual([
      { profile: 'Student', count: 4 },
      { profile: 'Teacher', count: 1 },
      { profile: 'Guest', count: 1 },
      { profile: 'Relative', count: 1 },
    ]);
    expect(options.levels).toEqual([
      { level: '6EME', classes: ['6EME 1', '6EME 2'] },
      { level: '5EME', classes: ['5EME 1'] },
    ]);
  });
});
