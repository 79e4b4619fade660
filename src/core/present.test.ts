import { describe, expect, it } from 'vitest';
import { displayName, profileLabel, roleField, roleLine } from './present';
import { makeAccount } from '../../test/helpers/accounts';

const account = makeAccount;

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
      'Responsable de : Léna PEREZ, Tom PEREZ',
    );
    expect(roleLine(account({ classes: ['6EME 3'] }))).toBe('Élève, classe de 6EME 3');
    expect(roleLine(account({ profile: 'Personnel' }))).toBe('Personnel');
    expect(roleLine(account({ classes: ['CE1 A'] }), 'en')).toBe('Student, class CE1 A');
    expect(roleLine(account({ profile: 'Teacher', classes: ['5EME 3', '6EME 1'] }))).toBe(
      'Enseignant, classes 5EME 3, 6EME 1',
    );
    expect(roleLine(account({ classes: ['CE1 A', 'CE1 B'] }), 'en')).toBe(
      'Student, classes CE1 A, CE1 B',
    );
  });

  it('labels the role line « Compte », or « Responsable de » for a parent, never both', () => {
    const parent = account({ profile: 'Relative', children: ['Léna PEREZ', 'Tom PEREZ'] });
    expect(roleField(parent)).toEqual({ label: 'Responsable de', value: 'Léna PEREZ, Tom PEREZ' });
    expect(roleField(parent, 'en')).toEqual({ label: 'Parent of', value: 'Léna PEREZ, Tom PEREZ' });
    expect(roleField(account({ classes: ['6EME 3'] }))).toEqual({
      label: 'Compte',
      value: 'Élève, classe de 6EME 3',
    });
    expect(roleField(account({ profile: 'Personnel' }), 'en')).toEqual({
      label: 'Account',
      value: 'Staff',
    });
  });
});
