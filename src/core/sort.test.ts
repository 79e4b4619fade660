import { describe, expect, it } from 'vitest';
import { firstClass, naturalCompare, sortKeyed } from './sort';
import type { Account, SortKey } from './types';

import { load, logins } from './test-accounts';

const sortAccounts = (accounts: readonly Account[], key: SortKey = 'alpha') =>
  sortKeyed(accounts, key).accounts;

describe('natural order of class names', () => {
  it('compares digit runs as numbers and other runs by their key', () => {
    const names = [
      '6EME 10',
      '6eme 2',
      '5EME 1',
      'CE1 A',
      'CE1 a',
      'CM2',
      'CE2',
      '6EME 2',
      'TLE G2',
      '2NDE 1',
    ];
    expect([...names].sort(naturalCompare)).toEqual([
      '2NDE 1',
      '5EME 1',
      '6EME 2',
      '6eme 2',
      '6EME 10',
      'CE1 A',
      'CE1 a',
      'CE2',
      'CM2',
      'TLE G2',
    ]);
  });

  it('puts a digit run before any other run', () => {
    expect(naturalCompare('A1', 'AB')).toBeLessThan(0);
    expect(naturalCompare('1', 'a')).toBeLessThan(0);
  });

  it('compares long digit runs without losing precision', () => {
    expect(naturalCompare('C 90071992547409930', 'C 90071992547409931')).toBeLessThan(0);
    expect(naturalCompare('C 007', 'C 7')).not.toBe(0);
  });
});

const accounts = load([
  ['Nom', 'Prénom', 'Login', 'Profil', 'Classes'],
  ['Émile', 'Zoé', 'z1', 'Parent', ''],
  ['EMILE', 'Anne', 'a2', 'Élève', '6EME 10'],
  ['emile', 'anne', 'a1', 'Enseignant', '6EME 10, 6EME 2'],
  ['DURAND', 'Luc', 'l1', 'Invité', ''],
  ['ZOLA', 'Émile', 'e1', 'Personnel', '5EME 1'],
  ['ABEL', 'Bob', 'b1', 'Stagiaire', '6EME 2'],
]);

describe('sorts', () => {
  it('alpha: last name, first name, login, by comparison key', () => {
    expect(logins(sortAccounts(accounts, 'alpha'))).toEqual(['b1', 'l1', 'a1', 'a2', 'z1', 'e1']);
  });

  it('class: first class in natural order, then alpha; without a class last', () => {
    expect(firstClass(accounts[2]!)).toBe('6EME 2');
    expect(logins(sortAccounts(accounts, 'class'))).toEqual(['e1', 'b1', 'a1', 'a2', 'l1', 'z1']);
  });

  it('profile: by French label (élève < enseignant < invité < parent < personnel), then alpha', () => {
    // An unknown profile sorts by its own name ("stagiaire", after "personnel").
    expect(logins(sortAccounts(accounts, 'profile'))).toEqual(['a2', 'a1', 'l1', 'z1', 'e1', 'b1']);
  });

  it('leaves its input alone and breaks full ties by row', () => {
    const twins = load([
      ['Nom', 'Prénom', 'Login', 'Profil'],
      ['A', 'A', 'x', 'Élève'],
      ['A', 'A', 'x', 'Élève'],
    ]);
    const reversed = [...twins].reverse();
    expect(sortAccounts(reversed).map((a) => a.row)).toEqual([2, 3]);
    expect(reversed.map((a) => a.row)).toEqual([3, 2]);
  });
});
