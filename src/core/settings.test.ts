import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, blockingProblem, parseSettings, settingsProblems } from './settings';

const real = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.monecole.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'M. Martin, référent ENT, salle 12',
};

describe('settings', () => {
  it('flags every default as a placeholder, the address as needing confirmation', () => {
    const fields = settingsProblems(DEFAULT_SETTINGS).map((problem) => problem.field);
    expect(fields).toEqual(['entUrl', 'entName', 'schoolName', 'contact']);
    expect(blockingProblem(DEFAULT_SETTINGS)).toEqual({
      field: 'entUrl',
      message: expect.stringContaining('« https://ent.example » est un exemple'),
    });
  });

  it('blocks on the address only: other placeholders are warnings', () => {
    expect(blockingProblem({ ...real, entName: '[Nom]', contact: '[Contact]' })).toBeNull();
  });

  it('accepts real settings without a problem', () => {
    expect(settingsProblems(real)).toEqual([]);
    expect(blockingProblem(real)).toBeNull();
  });

  it('knows reserved example hosts', () => {
    for (const entUrl of [
      'https://example.com/ent',
      'http://ent.example',
      'https://x.test',
      'https://[adresse]',
    ]) {
      expect(blockingProblem({ ...real, entUrl })?.field).toBe('entUrl');
    }
    expect(blockingProblem({ ...real, entUrl: 'https://exemple-college.fr' })).toBeNull();
  });

  it('reads a settings JSON, keeping defaults for missing fields', () => {
    const result = parseSettings({ entName: ' Mon ENT ', entUrl: 'https://ent.monecole.fr' });
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, entName: 'Mon ENT', entUrl: 'https://ent.monecole.fr' },
    });
  });

  it('names the bad field in French', () => {
    const result = parseSettings({ entURL: 'x', schoolName: 3, entUrl: 'ent.fr', entName: '' });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/Réglage inconnu « entURL ».*entUrl/);
    expect(errors[1]).toMatch(/« schoolName ».*doit être du texte/);
    expect(errors[2]).toMatch(/« entUrl ».*https:\/\/.*« ent\.fr »/);
    expect(errors[3]).toMatch(/« entName ».*vide/);
    expect(parseSettings([1]).ok).toBe(false);
    expect(parseSettings(null).ok).toBe(false);
  });
});
