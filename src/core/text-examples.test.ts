import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/helpers/accounts';
import { variantOf } from './letters/content';
import { examplesByVariant, maskCode, previewAccounts } from './text-examples';

const card = { format: 'card' as const, variant: 'not-activated' as const };
const mail = { format: 'mail' as const, variant: 'not-activated' as const };

describe('the accounts the text editor previews', () => {
  it('keeps the server’s order (fullest first) for a letter or a card', () => {
    const accounts = [makeAccount({ login: 'a' }), makeAccount({ login: 'b' })];
    const found = previewAccounts(accounts, card, { showCodes: true });
    expect(found.accounts.map((a) => a.login)).toEqual(['a', 'b']);
    expect(found.fictitious).toBe(false);
  });

  it('puts the accounts an e-mail can go to first', () => {
    const accounts = [
      makeAccount({ login: 'none' }),
      makeAccount({ login: 'bad', email: 'pas une adresse', emailStatus: 'invalid' }),
      makeAccount({ login: 'ok', email: 'ok@example.org', emailStatus: 'valid' }),
    ];
    expect(
      previewAccounts(accounts, mail, { showCodes: true }).accounts.map((a) => a.login),
    ).toEqual(['ok', 'none', 'bad']);
  });

  it('shows a made-up account, said as such, when the selection has none of the variant', () => {
    const activated = previewAccounts(
      [],
      { format: 'card', variant: 'activated' },
      {
        showCodes: true,
      },
    );
    expect(activated.fictitious).toBe(true);
    expect(variantOf(activated.accounts[0]!)).toBe('activated');
    const toActivate = previewAccounts([], card, { showCodes: true });
    expect(variantOf(toActivate.accounts[0]!)).toBe('not-activated');
  });

  it('masks codes to as many bullets unless shown, and the variant stays the same', () => {
    const account = makeAccount({ activationCode: 'b6yhsp6' });
    expect(maskCode(account).activationCode).toBe('•••••••');
    expect(variantOf(maskCode(account))).toBe('not-activated');
    expect(previewAccounts([account], card, { showCodes: false }).accounts[0]!.activationCode).toBe(
      '•••••••',
    );
    expect(previewAccounts([account], card, { showCodes: true }).accounts[0]!.activationCode).toBe(
      'b6yhsp6',
    );
  });
});

describe('the accounts getTextExamples sends', () => {
  const short = makeAccount({ login: 'li.an', firstName: 'Li', lastName: 'AN', row: 2 });
  const long = makeAccount({
    login: 'marie-charlotte.de-la-tour',
    firstName: 'Marie-Charlotte',
    lastName: 'DE LA TOUR',
    classes: ['6EME 1', '6EME 2'],
    row: 3,
  });
  const done = makeAccount({ login: 'done', activated: true, activationCode: null, row: 4 });

  it('gives each variant its fullest accounts, the picked one first in its own variant', () => {
    expect(examplesByVariant([short, long, done], null, 5)).toEqual({
      'not-activated': [long, short],
      activated: [done],
    });
    expect(examplesByVariant([short, long, done], 'li.an', 1)).toEqual({
      'not-activated': [short, long],
      activated: [done],
    });
  });

  it('falls back on the made-up accounts, one of each variant, when the selection is empty', () => {
    const examples = examplesByVariant([], null, 5);
    expect(examples['not-activated'].length).toBeGreaterThan(0);
    expect(examples.activated.length).toBeGreaterThan(0);
    expect(examples['not-activated'].every((a) => variantOf(a) === 'not-activated')).toBe(true);
    expect(examples.activated.every((a) => variantOf(a) === 'activated')).toBe(true);
  });
});
