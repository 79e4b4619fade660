import { describe, expect, it } from 'vitest';
import { ACCEPTED_HEADERS, FIELDS, fieldOfHeader, recognizeHeaders } from './headers';
import { headerKey } from './normalize';

describe('recognising headers', () => {
  it('accepts exactly the normalised headers of SPEC §1', () => {
    const spec: Record<string, string[]> = {
      lastName: ['nom', 'last name', 'lastname', 'nom de famille'],
      firstName: ['prenom', 'first name', 'firstname'],
      login: ['identifiant', 'login'],
      profile: ['type', 'profil', 'profile'],
      loginAlias: ['login personnalise alias', 'alias de login', 'login alias', 'alias'],
      activationCode: ['code d activation', 'activation code', 'code'],
      email: ['courriel', 'email', 'e mail', 'mail', 'adresse courriel', 'adresse e mail'],
      classes: ['classes', 'classe', 'classe s', 'class'],
      level: ['niveau', 'level'],
      children: ['enfants', 'enfant s', 'children'],
      parents: ['parents', 'parent s', 'relatives'],
      functions: ['fonctions', 'fonction s', 'functions'],
      localAdmin: ['administrateur local', 'admin local', 'local admin'],
      createdAt: ['date de creation', 'creation date', 'created', 'cree le'],
      lastLogin: ['derniere connexion', 'last login'],
      blocked: ['bloque', 'blocked'],
    };
    for (const field of FIELDS) {
      expect(ACCEPTED_HEADERS[field].map(headerKey), field).toEqual(spec[field]);
    }
  });

  it('matches whatever the accents, case and punctuation', () => {
    expect(fieldOfHeader('PRÉNOM')).toBe('firstName');
    expect(fieldOfHeader('Code d’activation')).toBe('activationCode');
    expect(fieldOfHeader(' e_mail ')).toBe('email');
    expect(fieldOfHeader('Identifiant SIECLE')).toBeNull();
    expect(fieldOfHeader('Établissements')).toBeNull();
  });

  it('reports found, absent and ignored columns', () => {
    const result = recognizeHeaders([
      'Type',
      'Nom',
      'Prénom',
      'Login',
      'Alias de login',
      'Téléphone',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.columns.found.loginAlias).toEqual({ index: 4, header: 'Alias de login' });
    expect(result.columns.found.createdAt).toBeUndefined();
    expect(result.columns.found.lastName).toEqual({ index: 1, header: 'Nom' });
    expect(result.columns.ignored).toEqual(['Téléphone']);
  });

  it('keeps the first of two columns for one field and says so', () => {
    const result = recognizeHeaders(['Nom', 'Prénom', 'Login', 'Profil', 'Classe', 'Classes']);
    expect(result.ok && result.columns.found.classes?.header).toBe('Classe');
    expect(result.ok && result.warnings[0]).toMatch(
      /«\u00a0Classe\u00a0» est utilisée, «\u00a0Classes\u00a0» est ignorée/,
    );
  });

  it('names the missing required fields', () => {
    const result = recognizeHeaders(['Nom', 'Courriel']);
    expect(result).toEqual({
      ok: false,
      missingRequired: ['firstName', 'login', 'profile'],
      headers: ['Nom', 'Courriel'],
    });
  });
});
