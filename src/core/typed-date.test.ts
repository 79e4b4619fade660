import { describe, expect, it } from 'vitest';
import { parseTypedDay } from './typed-date';

describe('a date typed in the sidebar', () => {
  it('reads jj/mm/aaaa, day first, as the filters’ YYYY-MM-DD', () => {
    expect(parseTypedDay('02/09/2020')).toEqual({ ok: true, day: '2020-09-02' });
    expect(parseTypedDay(' 2/9/2020 ')).toEqual({ ok: true, day: '2020-09-02' });
    expect(parseTypedDay('29.02.2024')).toEqual({ ok: true, day: '2024-02-29' });
    expect(parseTypedDay('31-12-2019')).toEqual({ ok: true, day: '2019-12-31' });
  });

  it('takes an empty field as no date', () => {
    expect(parseTypedDay('')).toEqual({ ok: true, day: null });
    expect(parseTypedDay('   ')).toEqual({ ok: true, day: null });
  });

  it('refuses a day that does not exist, another order, a short year or mixed separators', () => {
    for (const text of [
      '31/02/2024',
      '29/02/2023',
      '13/13/2020',
      '00/01/2020',
      '2020-09-02',
      '02/09/20',
      '02/09-2020',
      '2 septembre 2020',
      '02/09/2020 10:00',
    ])
      expect(parseTypedDay(text), text).toEqual({ ok: false });
  });
});
