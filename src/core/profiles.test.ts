import { describe, expect, it } from 'vitest';
import { knownProfileOf, profileFromUserText } from './profiles';

describe('profiles', () => {
  it('maps the values of SPEC §1 whatever their case and accents', () => {
    const cases: [string, string][] = [
      ['Enseignant', 'Teacher'],
      ['TEACHER', 'Teacher'],
      ['Élève', 'Student'],
      ['eleve', 'Student'],
      ['student', 'Student'],
      ['Parent', 'Relative'],
      ['relative', 'Relative'],
      ['Responsable', 'Relative'],
      ['Personnel', 'Personnel'],
      ['Personnels', 'Personnel'],
      ['Invité', 'Guest'],
      ['guest', 'Guest'],
    ];
    for (const [value, profile] of cases) expect(knownProfileOf(value), value).toBe(profile);
    expect(knownProfileOf('Stagiaire')).toBeNull();
  });

  it("reads the referent's names on the command line, codes and labels alike", () => {
    expect(profileFromUserText('Teacher')).toBe('Teacher');
    expect(profileFromUserText('élève')).toBe('Student');
    expect(profileFromUserText('Staff')).toBe('Personnel');
    expect(profileFromUserText(' Stagiaire ')).toBe('Stagiaire');
  });
});
