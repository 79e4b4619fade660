// Accounts that letters must survive: issue 6's adversarial data.
import type { Account } from '../../src/core/types';
import { makeAccount } from './accounts';

/** A pupil of 6EME 3 with a code: the plain case. */
export function pupil(overrides: Partial<Account> = {}): Account {
  return makeAccount({ classes: ['6EME 3'], levels: ['6EME'], ...overrides });
}

/** A 60-character name with 15 classes, a parent of 6 children, « Nguyễn », « Çelik », « Zoë ». */
export function adversarialAccounts(): Account[] {
  return [
    makeAccount({
      row: 2,
      login: 'marie-charlotte.de-la-tour-dauvergne-saint-exupery',
      firstName: 'Marie-Charlotte-Anne-Sophie-Éléonore',
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
    pupil({ row: 4, login: 'zoe.celik', firstName: 'Zoë', lastName: 'ÇELIK' }),
    makeAccount({
      row: 5,
      login: 'emre.celik',
      firstName: 'Emre',
      lastName: 'ÇELIK',
      profile: 'Personnel',
      activated: true,
      activationCode: null,
      email: 'emre.celik@example.org',
      emailStatus: 'valid',
    }),
  ];
}
