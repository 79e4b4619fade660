import { describe, expect, it } from 'vitest';
import { safeFileName, splitAccounts } from './split';
import { makeAccount } from '../../../test/helpers/accounts';

const pupil = (login: string, classes: string[]) => makeAccount({ login, classes });
const accounts = [
  pupil('a', ['6EME 10']),
  pupil('b', ['6EME 2']),
  makeAccount({
    login: 'p',
    profile: 'Relative',
    children: ['B', 'C'],
    classes: ['6EME 2', '5EME 1'],
  }),
  makeAccount({ login: 't', profile: 'Teacher', classes: ['6EME 2', '6EME 10'] }),
  pupil('c', ['5EME 1']),
  pupil('d', []),
];

describe('splitting the selection', () => {
  it('puts pupils in their class, parents in each child’s class, the others apart', () => {
    const groups = splitAccounts(accounts, 'class');
    expect(
      groups.map((g) => [g.label, g.fileName, g.accounts.map((a) => a.login).join('')]),
    ).toEqual([
      ['5EME 1', '5EME-1', 'pc'],
      ['6EME 2', '6EME-2', 'bp'],
      ['6EME 10', '6EME-10', 'a'],
      ['Hors classe', 'Hors-classe', 'td'],
    ]);
  });

  it('groups by profile under French labels, with safe names', () => {
    const groups = splitAccounts(accounts, 'profile');
    expect(groups.map((g) => [g.label, g.fileName, g.accounts.length])).toEqual([
      ['Élève', 'Eleve', 4],
      ['Enseignant', 'Enseignant', 1],
      ['Parent', 'Parent', 1],
    ]);
    expect(splitAccounts(accounts, 'profile', 'en').map((g) => g.label)).toEqual([
      'Parent',
      'Student',
      'Teacher',
    ]);
  });

  it('makes file names safe and unique whatever the class is called', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('TLE G2 / Spé Maths')).toBe('TLE-G2-Spe-Maths');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('***')).toBe('sans-nom');
    const twins = splitAccounts(
      [pupil('x', ['6e A']), pupil('y', ['6E-A']), pupil('z', ['6é a'])],
      'class',
    );
    const names = twins.map((g) => g.fileName.toLowerCase());
    expect(new Set(names).size).toBe(3);
    expect(names.map((name) => name.replace(/-\d$/, ''))).toEqual(['6e-a', '6e-a', '6e-a']);
  });
});
