// Properties of the selection that hold for any export (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadAccounts } from './accounts';
import { compileFilters } from './filters';
import { selectAccounts } from './selection';
import { sortKeyed, sortKeyedByComparison } from './sort';
import { duplicatesInNameOrder, findDuplicates } from './duplicates';
import type { Account, Filters } from './types';

const HEADER = [
  'Nom',
  'Prénom',
  'Login',
  'Profil',
  "Code d'activation",
  'Courriel',
  'Classes',
  'Niveau',
  'Enfants',
  'Date de création',
  'Admin local',
  'Bloqué',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const name = pick([
  'Abel',
  'ABEL',
  'Émile',
  'emile',
  'Zoë',
  'zoe',
  'Œdipe',
  'Noël',
  '',
  'Léna',
  'de la Tour',
  // An astral letter, and U+0000 (which the joined sort key uses as a separator).
  '\u{1d49c}dam',
  'ab\u0000c',
]);
const cls = pick(['6EME 1', '6EME 2', '6EME 10', '5EME 1', 'CE1 A', 'TLE G2', '2NDE 3']);
// Without U+0000 the sort takes its packed path; empty names often, so that two meet.
const plainName = pick(['', '', 'Abel', 'ABEL', 'Émile', 'emile', 'Zoë', '\u{1d49c}dam']);
const rowWith = (nameArb: fc.Arbitrary<string>) =>
  fc.tuple(
    nameArb,
    nameArb,
    pick(['a', 'b', 'a2', 'abel.bahous', 'z.z', 'É']),
    pick(['Élève', 'Enseignant', 'Parent', 'Personnel', 'Invité', 'Stagiaire']),
    pick(['', 'null', '-', 'abc123', 'xyz']),
    pick(['', 'a@ex.fr', 'eric.davenc@hahin', 'x@@y.fr', 'B@EX.ORG']),
    fc.uniqueArray(cls, { maxLength: 3 }).map((list) => list.join(', ')),
    pick(['', '6EME', '5EME', 'CE1']),
    pick(['', 'Abel Abel', 'Zoë Léna', 'emile zoe']),
    pick(['', '01/09/2020', '2021-03-04', '15-05-2026 08:57', 'hier']),
    pick(['', 'Oui', 'non']),
    pick(['', 'x', 'non']),
  );
const row = rowWith(name);
const accountsOf = (rowArb: typeof row) =>
  fc.array(rowArb, { maxLength: 30 }).map((rows): Account[] => {
    const result = loadAccounts([HEADER, ...rows]);
    if (!result.ok) throw new Error(result.error.message);
    return result.accounts;
  });
const accountsArb = accountsOf(row);
const plainAccountsArb = accountsOf(rowWith(plainName));

const filtersArb: fc.Arbitrary<Filters> = fc.record(
  {
    profiles: fc.subarray(['Student', 'Teacher', 'Relative', 'Personnel', 'Guest', 'Stagiaire']),
    levels: fc.subarray(['6EME', '5EME', 'CE1', 'TLE', '2NDE']),
    classes: fc.subarray(['6EME 1', '6EME 10', '5EME 1', 'CE1 A', 'TLE G2']),
    activation: pick(['all', 'activated', 'not-activated'] as const),
    email: pick(['all', 'with', 'without'] as const),
    localAdmins: fc.boolean(),
    createdAfter: pick(['2020-01-01', '2020-09-01', '2021-03-04']),
    createdBefore: pick(['2020-09-01', '2026-05-15']),
    blocked: pick(['all', 'blocked', 'not-blocked'] as const),
  },
  { requiredKeys: [] },
);
const sortArb = pick(['alpha', 'class', 'profile'] as const);
const rows = (accounts: readonly Account[]) => accounts.map((a) => a.row).sort((x, y) => x - y);

describe('selection properties', () => {
  it('activated + not activated = all', () => {
    fc.assert(
      fc.property(accountsArb, filtersArb, (accounts, filters) => {
        const base = { ...filters, activation: undefined };
        const all = selectAccounts(accounts, base).accounts;
        const yes = selectAccounts(accounts, { ...base, activation: 'activated' }).accounts;
        const no = selectAccounts(accounts, { ...base, activation: 'not-activated' }).accounts;
        expect(rows([...yes, ...no])).toEqual(rows(all));
        const summary = selectAccounts(accounts, base).summary;
        expect(summary.activated + summary.notActivated).toBe(summary.total);
      }),
    );
  });

  it('with + without e-mail = all', () => {
    fc.assert(
      fc.property(accountsArb, filtersArb, (accounts, filters) => {
        const base = { ...filters, email: undefined };
        const all = selectAccounts(accounts, base).accounts;
        const withEmail = selectAccounts(accounts, { ...base, email: 'with' }).accounts;
        const without = selectAccounts(accounts, { ...base, email: 'without' });
        expect(rows([...withEmail, ...without.accounts])).toEqual(rows(all));
        expect(without.summary.withoutEmail + without.summary.invalidEmail).toBe(
          without.summary.total,
        );
      }),
    );
  });

  it('a Filters of several keys selects what its keys select one after the other', () => {
    fc.assert(
      fc.property(accountsArb, filtersArb, filtersArb, (accounts, f, g) => {
        // Compiled on the whole export, as the product always does: a class's level comes from
        // the export, not from what an earlier filter left (filtered lists would make a
        // "6EME 10" picked under CE1 count or not depending on the order, a false rule).
        const apply = (list: readonly Account[], filters: Filters) =>
          list.filter(compileFilters(filters, accounts));
        const { profiles: _p, ...rest } = g;
        const both = apply(accounts, { ...rest, profiles: f.profiles });
        const oneThenOther = apply(apply(accounts, { profiles: f.profiles }), rest);
        const otherThenOne = apply(apply(accounts, rest), { profiles: f.profiles });
        expect(rows(both)).toEqual(rows(oneThenOther));
        expect(rows(both)).toEqual(rows(otherThenOne));
      }),
    );
  });

  it('sorting is deterministic and total: any input order gives the same order', () => {
    fc.assert(
      fc.property(
        accountsArb.chain((accounts) =>
          fc.tuple(
            fc.constant(accounts),
            fc.shuffledSubarray(accounts, { minLength: accounts.length }),
          ),
        ),
        sortArb,
        ([accounts, shuffled], key) => {
          const order = (list: readonly Account[]) => sortKeyed(list, key).accounts;
          const a = order(accounts).map((x) => x.row);
          const b = order(shuffled).map((x) => x.row);
          expect(b).toEqual(a);
          expect(order(order(accounts)).map((x) => x.row)).toEqual(a);
        },
      ),
    );
  });

  it('sorts by ranks of the name keys exactly as by comparing the keys', () => {
    fc.assert(
      fc.property(
        // Without U+0000 in names: with it, sortKeyed takes sortKeyedByComparison itself.
        plainAccountsArb.chain((accounts) =>
          fc.shuffledSubarray(accounts, { minLength: accounts.length }),
        ),
        sortArb,
        (accounts, key) => {
          expect(sortKeyed(accounts, key)).toEqual(sortKeyedByComparison(accounts, key));
        },
      ),
    );
  });

  it('finds the same duplicates from the alpha sort as from a map', () => {
    fc.assert(
      fc.property(fc.oneof(accountsArb, plainAccountsArb), (accounts) => {
        expect(duplicatesInNameOrder(sortKeyed(accounts, 'alpha'))).toEqual(
          findDuplicates(accounts),
        );
      }),
    );
  });
});
