// Service errors speak the user's language (errors.ts): each has an English and a French text
// with the same arguments, and says where each text comes from.
import { describe, expect, it } from 'vitest';
import {
  errorLanguage,
  SERVICE_ERRORS,
  ServiceError,
  serviceErrorText,
} from '../../../src/local/emulator/errors';
import { runScript } from './helpers';

describe('the catalogue of service errors', () => {
  it('gives every error both texts, the same arguments, and a source or « guess » for each', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const [id, error] of Object.entries(SERVICE_ERRORS)) {
      expect(placeholders(error.fr), id).toEqual(placeholders(error.en));
      expect(error.fr, id).not.toBe(error.en);
      expect(error.enSource.length, id).toBeGreaterThan(4);
      expect(error.frSource.length, id).toBeGreaterThan(4);
    }
  });

  it('answers French to a French locale, English to any other', () => {
    expect(['fr', 'fr_FR', 'fr-CA', 'FR'].map(errorLanguage)).toEqual(['fr', 'fr', 'fr', 'fr']);
    expect(['en', 'en_GB', 'de', 'frr', ''].map(errorLanguage)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('puts the arguments in place', () => {
    expect(serviceErrorText('rowsMismatch', 'en', 1, 2)).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    const error = new ServiceError('sheetNameTaken', 'Aperçu');
    expect(error.message).toBe(
      'A sheet with the name "Aperçu" already exists. Please enter another name.',
    );
    expect(error.localized('fr_FR')).toBe(
      'Une feuille nommée « Aperçu » existe déjà. Veuillez saisir un autre nom.',
    );
  });
});

describe('a service error reaching the script', () => {
  const code = `function twice() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Aperçu');
    try { ss.insertSheet('Aperçu'); } catch (e) { return e.message; }
  }`;

  it('is in French for the French referent (the session’s locale, fr by default)', () => {
    expect(runScript(code).run('twice')).toBe(
      'Une feuille nommée « Aperçu » existe déjà. Veuillez saisir un autre nom.',
    );
  });

  it('is in English for an English-speaking user', () => {
    expect(runScript(code, undefined, { locale: 'en_US' }).run('twice')).toBe(
      'A sheet with the name "Aperçu" already exists. Please enter another name.',
    );
  });

  it('ends a run stopped by the time limit in the user’s language', () => {
    const stop = `function make() {
      var doc = DocumentApp.create('x');
      for (var i = 0; i < 10; i++) { try { doc.getBody().appendParagraph('p'); } catch (e) {} }
      return 'fini';
    }`;
    for (const [locale, text] of [
      ['fr', "Temps d'exécution maximal dépassé"],
      ['en', 'Exceeded maximum execution time'],
    ]) {
      const rt = runScript(stop, undefined, { locale });
      rt.stores.documents.stopAfter = 2;
      expect(() => rt.run('make')).toThrow(text);
    }
  });
});
