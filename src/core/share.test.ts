import { describe, expect, it } from 'vitest';
import { MASKED_CODE } from './csv-export';
import { grantNeeded, grantSteps, parseAddresses, sharedAccess, sharedPreviewGrid } from './share';
import { summarize } from './summary';
import type { Account } from './types';

describe('the addresses typed for « Partager l’aperçu »', () => {
  it('reads one per line, or separated by commas, semicolons, spaces; each once', () => {
    expect(
      parseAddresses(
        ' direction@college.fr\n\nCPE <cpe@college.fr>;adjoint@college.fr , Direction@College.fr\tsecretariat@college.fr ',
      ),
    ).toEqual({
      ok: true,
      addresses: [
        'direction@college.fr',
        'cpe@college.fr',
        'adjoint@college.fr',
        'secretariat@college.fr',
      ],
    });
    expect(parseAddresses('')).toEqual({ ok: true, addresses: [] });
  });

  it('returns every address that would not reach a mailbox', () => {
    expect(parseAddresses('ok@college.fr\nsans-arobase.fr, a@b; deux@@x.fr "x"@y.fr')).toEqual({
      ok: false,
      bad: ['sans-arobase.fr', 'a@b', 'deux@@x.fr', '"x"@y.fr'],
    });
  });
});

describe('what a grant needs', () => {
  it('creates a new one, changes reader ↔ commenter, never lowers an owner or a writer', () => {
    expect(grantNeeded(null, 'reader')).toBe('create');
    expect(grantNeeded('reader', 'reader')).toBe('none');
    expect(grantNeeded('reader', 'commenter')).toBe('update');
    expect(grantNeeded('commenter', 'reader')).toBe('update');
    expect(grantNeeded('writer', 'reader')).toBe('none');
    expect(grantNeeded('owner', 'commenter')).toBe('none');
  });

  it('finds each address’s grant whatever its case, and tells the owner apart', () => {
    const grants = [
      { id: 'p0', role: 'owner', emailAddress: 'referent@college.fr' },
      { id: 'p1', role: 'reader', emailAddress: 'Direction@College.fr' },
      { id: 'p2', role: 'commenter', emailAddress: 'cpe@college.fr' },
    ];
    expect(
      grantSteps(
        ['direction@college.fr', 'CPE@college.fr', 'adjoint@college.fr'],
        grants,
        'commenter',
      ),
    ).toEqual([
      { address: 'direction@college.fr', need: 'update', grantId: 'p1' },
      { address: 'CPE@college.fr', need: 'none' },
      { address: 'adjoint@college.fr', need: 'create' },
    ]);
    expect(sharedAccess(grants)).toEqual([
      { address: 'Direction@College.fr', role: 'reader' },
      { address: 'cpe@college.fr', role: 'commenter' },
    ]);
  });
});

describe('the shared preview grid', () => {
  const account: Account = {
    row: 2,
    login: 'ada.abel',
    originalLogin: 'ada.abel',
    lastName: 'ABEL',
    firstName: 'Ada',
    profile: 'Student',
    activated: false,
    activationCode: '0042XZ',
    email: null,
    emailStatus: 'missing',
    classes: ['6EME 1'],
    levels: ['6EME'],
    children: [],
    functions: [],
    localAdmin: false,
    blocked: false,
    createdAt: null,
  };

  it('masks the codes, whatever the caller would have shown', () => {
    const grid = sharedPreviewGrid([account], summarize([account]), {
      filters: {},
      language: 'fr',
      generatedAt: '2026-12-07T09:30',
      ...({ showCodes: true } as object),
    });
    const row = grid.values.find((r) => r[3] === 'ada.abel')!;
    expect(row[5]).toBe(MASKED_CODE);
    expect(grid.values.flat().some((cell) => cell.includes('0042XZ'))).toBe(false);
  });
});
