// Accounts made in tests, with the fields a letter reads; each test overrides what it checks.
import type { Account } from '../../src/core/types';

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    row: 2,
    login: 'zoe.celik',
    originalLogin: 'zoe.celik',
    lastName: 'ÇELIK',
    firstName: 'Zoë',
    profile: 'Student',
    activated: false,
    activationCode: 'b6yhsp6',
    email: null,
    emailStatus: 'missing',
    classes: ['6EME 3'],
    levels: ['6EME'],
    children: [],
    functions: [],
    localAdmin: false,
    blocked: false,
    createdAt: null,
    ...overrides,
  };
}

/** The adversarial cases of issue 6: very long name, many classes, many children, accents. */
export function adversarialAccounts(): Account[] {
  const longName = 'Marie-Charlotte-Anne-Sophie-Éléonore'; // with the last name: 60+ characters
  return [
    makeAccount({
      row: 2,
      login: 'marie-charlotte.de-la-tour-dauvergne-saint-exupery',
      firstName: longName,
      lastName: 'DE LA TOUR D’AUVERGNE-SAINT-EXUPÉRY',
      profile: 'Teacher',
      activationCode: 'kwxpcv5g',
      classes: Array.from({ length: 15 }, (_, i) => `${6 - (i % 4)}EME ${i + 1}`),
    }),
    makeAccount({
      row: 3,
      login: 'van.nguyen',
      firstName: 'Văn Đức',
      lastName: 'NGUYỄN',
      profile: 'Relative',
      activationCode: 'pxrzfcs',
      classes: ['6EME 1', '5EME 2', '4EME 3'],
      children: [
        'Anh NGUYỄN',
        'Bảo NGUYỄN',
        'Chí NGUYỄN',
        'Dũng NGUYỄN',
        'Hương NGUYỄN',
        'Khánh NGUYỄN',
      ],
    }),
    makeAccount({ row: 4, login: 'zoe.celik', firstName: 'Zoë', lastName: 'ÇELIK' }),
    makeAccount({
      row: 5,
      login: 'emre.celik',
      firstName: 'Emre',
      lastName: 'ÇELIK',
      profile: 'Personnel',
      activated: true,
      activationCode: null,
      classes: [],
      email: 'emre.celik@example.org',
      emailStatus: 'valid',
    }),
  ];
}
