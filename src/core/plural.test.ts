import { describe, expect, it } from 'vitest';
import { count, plural } from './plural';

describe('singular and plural after a count', () => {
  it('puts 0 and 1 in the singular in French', () => {
    expect(count(0, 'compte écrit', 'comptes écrits')).toBe('0 compte écrit');
    expect(count(1, 'compte écrit', 'comptes écrits')).toBe('1 compte écrit');
    expect(count(2, 'compte écrit', 'comptes écrits')).toBe('2 comptes écrits');
    expect(plural(1.5, 'page', 'pages')).toBe('page');
  });

  it('puts only 1 in the singular in English', () => {
    expect(count(0, 'account', 'accounts', 'en')).toBe('0 accounts');
    expect(count(1, 'account', 'accounts', 'en')).toBe('1 account');
    expect(count(2, 'account', 'accounts', 'en')).toBe('2 accounts');
  });
});
