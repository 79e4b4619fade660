import { describe, expect, it } from 'vitest';
import { headerText, isSendableAddress } from './address';

describe('header values', () => {
  it('turns CR, LF and other control characters into spaces', () => {
    expect(headerText('Zoë\r\nBcc: x@evil.example')).toBe('Zoë Bcc: x@evil.example');
    expect(headerText('a\u0000b\tc\u2028d\u0085e')).toBe('a b c d e');
    expect(headerText('  ÇELIK  ')).toBe('ÇELIK');
  });
});

describe('sendable addresses', () => {
  it('accepts ordinary addresses, any case', () => {
    expect(isSendableAddress('moussa.renault@Example.ORG')).toBe(true);
    expect(isSendableAddress("o'brien+ent@college-hugo.fr")).toBe(true);
  });

  it('refuses what could add a recipient or a header', () => {
    for (const address of [
      'a,b@example.org',
      'a;b@example.org',
      '"a"@example.org',
      'a <b@example.org>',
      'a@example.org\r\nBcc: x@evil.example',
      'a b@example.org',
    ]) {
      expect(isSendableAddress(address), address).toBe(false);
    }
  });

  it('refuses malformed addresses', () => {
    for (const address of [
      '',
      '@example.org',
      'a@',
      'a@b',
      'a@b.c',
      'a@@b.org',
      'a@-b.org',
      'a@b.12',
      '.a@b.org',
      'a..b@c.org',
    ]) {
      expect(isSendableAddress(address), address).toBe(false);
    }
  });
});
