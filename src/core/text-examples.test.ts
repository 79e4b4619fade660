import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/helpers/accounts';
import { variantOf } from './letters/content';
import { maskCode, previewAccounts } from './text-examples';

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
