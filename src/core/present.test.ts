import { describe, expect, it } from 'vitest';
import { displayName, profileLabel, roleLine } from './present';
import type { Account } from './types';

const account = (overrides: Partial<Account>): Account => ({
  row: 2,
  login: 'zoe.celik',
  originalLogin: 'zoe.celik',
  lastName: 'ÇELIK',
  firstName: 'Zoë',
  profile: 'Student',
  activated: false,
  activationCode: 'b6yhsp6',
  email: null,
  emailStatus: 'missing',
  classes: [],
  levels: [],
  children: [],
  functions: [],
  localAdmin: false,
  blocked: false,
  createdAt: null,
  ...overrides,
});

describe('presenting an account', () => {
  it('labels profiles in French and English, unknown ones verbatim', () => {
    expect(profileLabel('Relative')).toBe('Parent');
    expect(profileLabel('Personnel', 'en')).toBe('Staff');
    expect(profileLabel('Stagiaire')).toBe('Stagiaire');
  });

  it('names a person first name then last name', () => {
    expect(displayName(account({}))).toBe('Zoë ÇELIK');
    expect(displayName(account({ firstName: '' }))).toBe('ÇELIK');
  });

  it("gives a parent's children, a pupil's class, or the bare profile", () => {
    expect(roleLine(account({ profile: 'Relative', children: ['Léna PEREZ', 'Tom PEREZ'] }))).toBe(
      'Responsable de : Léna PEREZ, Tom PEREZ',
    );
    expect(roleLine(account({ classes: ['6EME 3'] }))).toBe('Élève, classe de 6EME 3');
    expect(roleLine(account({ profile: 'Personnel' }))).toBe('Personnel');
    expect(roleLine(account({ classes: ['CE1 A'] }), 'en')).toBe('Student, class CE1 A');
  });
});
