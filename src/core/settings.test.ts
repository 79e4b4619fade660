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
      message: expect.stringContaining('« https://ent.example » est un exemple'),
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
    expect(errors[0]).toMatch(/Réglage inconnu «\u00a0entURL\u00a0».*entUrl/);
    expect(errors[1]).toMatch(/«\u00a0schoolName\u00a0».*doit être du texte/);
    expect(errors[2]).toMatch(/«\u00a0entUrl\u00a0».*https:\/\/.*«\u00a0ent\.fr\u00a0»/);
    expect(errors[3]).toMatch(/«\u00a0entName\u00a0».*vide/);
    expect(parseSettings([1]).ok).toBe(false);
    expect(parseSettings(null).ok).toBe(false);
  });

  it('keeps each field to 200 characters, so that the settings fit a 9 kB property', () => {
    // The worst case once control characters are refused: 3 UTF-8 bytes a character.
    const worst = '€'.repeat(200);
    const longest = Object.fromEntries(
      ['entName', 'schoolName', 'contact', 'senderName', 'replyTo'].map((k) => [k, worst]),
    );
    const fits = parseSettings({ ...longest, entUrl: `https://ent.fr/${worst.slice(15)}` });
    expect(fits.ok).toBe(true);
    const bytes = new TextEncoder().encode(JSON.stringify(fits.ok && fits.settings)).length;
    expect(bytes).toBeGreaterThan(3000);
    expect(bytes).toBeLessThanOrEqual(9 * 1024);
    const tooLong = parseSettings({ ...real, contact: 'x'.repeat(201) });
    expect(tooLong).toEqual({
      ok: false,
      errors: [
        'Le réglage « contact » (ligne de contact) est trop long : 201 caractères, 200 au plus.',
      ],
    });
  });
});
