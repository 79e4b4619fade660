import { describe, expect, it } from 'vitest';
import { emailStatus } from './email';

describe('e-mail status', () => {
  it('is missing when empty', () => {
    expect(emailStatus('')).toBe('missing');
  });

  it.each([
    'abel.bahous@yopmail.com',
    'moussa.renault@Example.ORG',
    'a@b-c.d-e.fr',
    'x+tag@mail.example.co',
  ])('accepts %s', (email) => {
    expect(emailStatus(email)).toBe('valid');
  });

  it.each([
    ['eric.davenc@hahin', 'one label only (the user document)'],
    ['a@@b.fr', 'two @'],
    ['a@b@c.fr', 'two @'],
    ['@b.fr', 'empty local part'],
    ['jean dupont@b.fr', 'white space in the local part'],
    ['a@b..fr', 'empty label'],
    ['a@-b.fr', 'label starting with a hyphen'],
    ['a@b-.fr', 'label ending with a hyphen'],
    ['a@b.f', 'last label of one letter'],
    ['a@b.c0m', 'digit in the last label'],
    ['a@b_c.fr', 'underscore in the domain'],
    ['a.fr', 'no @'],
  ])('rejects %s (%s)', (email) => {
    expect(emailStatus(email)).toBe('invalid');
  });
});
