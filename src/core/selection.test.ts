import { describe, expect, it } from 'vitest';
import { selectAccounts, selectionFingerprint } from './selection';
import { load, logins } from './test-accounts';

describe('selectAccounts', () => {
  const accounts = load([
    ['Nom', 'Prénom', 'Login', 'Profil', "Code d'activation", 'Courriel', 'Classes'],
    ['BAHOUS', 'Abel', 'abel.bahous2', 'Enseignant', 'pxrzfcs', '', ''],
    ['ARSENNE', 'Slimane', 'slimane.arsenne', 'Enseignant', 'b6yhsp6', 's@ex.fr', '6eme 3'],
    ['BAHOUS', 'Abel', 'abel.bahous', 'Enseignant', 'faw9yyk', 'a@ex.fr', '3eme 2'],
    ['BRALIM', 'Eric', 'eric.bralim', 'Personnel', '', 'eric.davenc@hahin', ''],
    ['PEREZ', 'Léna', 'lena.perez', 'Élève', 'x', '', '6eme 1'],
  ]);

  it('filters, sorts and counts in one call', () => {
    const selection = selectAccounts(accounts, { profiles: ['Teacher', 'Personnel'] }, 'alpha');
    expect(logins(selection.accounts)).toEqual([
      'slimane.arsenne',
      'abel.bahous',
      'abel.bahous2',
      'eric.bralim',
    ]);
    expect(selection.summary).toEqual({
      total: 4,
      withoutEmail: 1,
      invalidEmail: 1,
      activated: 1,
      notActivated: 3,
      byProfile: { Teacher: 3, Personnel: 1 },
      duplicates: [['abel.bahous', 'abel.bahous2']],
    });
  });

  it('reports duplicates only within the selection', () => {
    const selection = selectAccounts(accounts, { email: 'with' }, 'class');
    expect(logins(selection.accounts)).toEqual(['abel.bahous', 'slimane.arsenne']);
    expect(selection.summary.duplicates).toEqual([]);
  });

  it('defaults to everything, alphabetically', () => {
    expect(selectAccounts(accounts).accounts.map((a) => a.lastName)).toEqual([
      'ARSENNE',
      'BAHOUS',
      'BAHOUS',
      'BRALIM',
      'PEREZ',
    ]);
  });

  it('keeps a profile written like an object member as any other profile', () => {
    const odd = load([
      ['Nom', 'Prénom', 'Login', 'Profil'],
      ['A', 'A', 'a', 'constructor'],
      ['B', 'B', 'b', 'toString'],
      ['C', 'C', 'c', '__proto__'],
      ['D', 'D', 'd', '__proto__'],
      ['E', 'E', 'e', 'Enseignant'],
    ]);
    const selection = selectAccounts(odd, { profiles: ['__proto__', 'toString'] }, 'profile');
    expect(logins(selection.accounts)).toEqual(['c', 'd', 'b']);
    const all = selectAccounts(odd, {}, 'profile');
    expect(logins(all.accounts)).toEqual(['c', 'd', 'a', 'e', 'b']);
    expect(Object.entries(all.summary.byProfile)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['Teacher', 1],
      ['toString', 1],
    ]);
  });
});

describe('selectionFingerprint', () => {
  it('changes with the logins and their order, not with anything else of an account', () => {
    const accounts = load([
      ['Nom', 'Prénom', 'Login', 'Profil'],
      ['PEREZ', 'Léna', 'lena.perez', 'Élève'],
      ['BAHOUS', 'Abel', 'abel.bahous', 'Enseignant'],
    ]);
    const print = selectionFingerprint(accounts);
    expect(print).toMatch(/^2-[0-9a-f]+$/);
    expect(selectionFingerprint(accounts.map((a) => ({ ...a, firstName: 'X' })))).toBe(print);
    expect(selectionFingerprint([...accounts].reverse())).not.toBe(print);
    expect(selectionFingerprint(accounts.slice(0, 1))).not.toBe(print);
  });
});
