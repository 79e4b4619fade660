import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/helpers/accounts';
import { EXAMPLES_PER_VARIANT, maskCode, textExamples } from './text-examples';
import { variantOf } from './letters/content';

const options = { showCodes: true };

describe('the accounts the text editor previews', () => {
  it('puts the account with the longest name and most classes first, for its variant', () => {
    const short = makeAccount({ login: 'a.b', firstName: 'Al', lastName: 'BO', row: 2 });
    const long = makeAccount({
      login: 'marie-christine.de-la-fontaine',
      firstName: 'Marie-Christine',
      lastName: 'DE LA FONTAINE',
      classes: ['6EME 1', '6EME 2', '5EME 3'],
      row: 3,
    });
    const examples = textExamples([short, long], options);
    expect(examples.letters['not-activated'].accounts.map((a) => a.login)).toEqual([
      'marie-christine.de-la-fontaine',
      'a.b',
    ]);
  });

  it('prefers more classes, names being equal', () => {
    const one = makeAccount({ login: 'one', profile: 'Teacher', classes: ['6EME 1'] });
    const three = makeAccount({
      login: 'two',
      profile: 'Teacher',
      classes: ['6EME 1', '6EME 2', '6EME 3'],
    });
    const examples = textExamples([one, three], options);
    expect(examples.letters['not-activated'].accounts.map((a) => a.login)).toEqual(['two', 'one']);
  });

  it('keeps each variant to its own accounts, and e-mails to sendable addresses', () => {
    const toActivate = makeAccount({ login: 'code', activationCode: 'x1y2z3a' });
    const done = makeAccount({
      login: 'done',
      activated: true,
      activationCode: null,
      email: 'done@example.org',
      emailStatus: 'valid',
    });
    const broken = makeAccount({
      login: 'broken',
      email: 'pas une adresse',
      emailStatus: 'invalid',
    });
    const examples = textExamples([toActivate, done, broken], options);
    const logins = (list: { accounts: { login: string }[] }) => list.accounts.map((a) => a.login);
    expect(logins(examples.letters['not-activated'])).toEqual(['broken', 'code']);
    expect(logins(examples.letters.activated)).toEqual(['done']);
    expect(logins(examples.mail.activated)).toEqual(['done']);
    // No not-activated account has an address: the made-up example stands in, said as such.
    expect(examples.mail['not-activated'].fictitious).toBe(true);
    expect(examples.mail['not-activated'].accounts[0]!.login).toBe('camille.exemple');
    expect(examples.letters['not-activated'].fictitious).toBe(false);
  });

  it(`offers at most ${EXAMPLES_PER_VARIANT} accounts a variant`, () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeAccount({ login: `eleve${i}`, row: i + 2 }),
    );
    expect(textExamples(many, options).letters['not-activated'].accounts).toHaveLength(
      EXAMPLES_PER_VARIANT,
    );
  });

  it('masks codes to as many bullets unless shown, and the variant stays the same', () => {
    const account = makeAccount({ activationCode: 'b6yhsp6' });
    expect(maskCode(account).activationCode).toBe('•••••••');
    expect(variantOf(maskCode(account))).toBe('not-activated');
    const masked = textExamples([account], { showCodes: false });
    expect(masked.letters['not-activated'].accounts[0]!.activationCode).toBe('•••••••');
    const shown = textExamples([account], options);
    expect(shown.letters['not-activated'].accounts[0]!.activationCode).toBe('b6yhsp6');
  });
});
