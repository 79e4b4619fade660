import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/helpers/accounts';
import { activeGroups, relaxOptions } from './widen';

const accounts = [
  makeAccount({
    login: 'e1',
    profile: 'Student',
    classes: ['6EME 1'],
    levels: ['6EME'],
    activated: true,
  }),
  makeAccount({ login: 'e2', profile: 'Student', classes: ['6EME 2'], levels: ['6EME'] }),
  makeAccount({ login: 'e3', profile: 'Student', classes: ['5EME 1'], levels: ['5EME'] }),
  makeAccount({ login: 'p1', profile: 'Relative', blocked: true }),
  makeAccount({ login: 't1', profile: 'Teacher', activated: true, createdAt: '2020-09-01' }),
];

describe('widening an empty selection', () => {
  it('names the groups of filters set, levels with classes and both dates as one', () => {
    expect(activeGroups({})).toEqual([]);
    expect(
      activeGroups({
        classes: ['6EME 1'],
        levels: ['6EME'],
        createdAfter: '2020-01-01',
        createdBefore: '2021-01-01',
        activation: 'all',
        blocked: 'blocked',
      }),
    ).toEqual(['classes', 'created', 'blocked']);
  });

  it('counts what relaxing each filter alone would give, most first', () => {
    // Blocked teachers activated: nobody. Without « blocked », t1; without the profile, p1 is
    // blocked but not activated: nobody; without « activation », nobody (no blocked teacher).
    const options = relaxOptions(accounts, {
      profiles: ['Teacher'],
      activation: 'activated',
      blocked: 'blocked',
    });
    expect(options).toEqual([
      { group: 'blocked', count: 1 },
      { group: 'profiles', count: 0 },
      { group: 'activation', count: 0 },
    ]);
  });

  it('relaxes levels and classes together; a tie keeps the sidebar’s order', () => {
    const options = relaxOptions(accounts, {
      profiles: ['Teacher'],
      levels: ['6EME'],
      classes: ['6EME 1'],
    });
    expect(options).toEqual([
      { group: 'profiles', count: 1 },
      { group: 'classes', count: 1 },
    ]);
  });
});
