import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { calendarDay, isDateObject, parseDateCell, parseIsoDay } from './dates';

describe('creation dates', () => {
  it('reads French day-first text, with or without a time', () => {
    expect(parseDateCell('07/11/2017')).toEqual({ day: '2017-11-07' });
    expect(parseDateCell('7/1/2017')).toEqual({ day: '2017-01-07' });
    expect(parseDateCell('26-04-2019')).toEqual({ day: '2019-04-26' });
    expect(parseDateCell('15-05-2026 08:57')).toEqual({ day: '2026-05-15' });
    expect(parseDateCell('2017-11-07')).toEqual({ day: '2017-11-07' });
    expect(parseDateCell('2017-11-07T23:30:00Z')).toEqual({ day: '2017-11-07' });
  });

  it('takes the day of epoch milliseconds in the time zone', () => {
    // 2019-04-25T22:30:00Z is already the 26th in Paris.
    expect(parseDateCell('1556231400000')).toEqual({ day: '2019-04-26' });
    expect(parseDateCell(1556231400000, 'UTC')).toEqual({ day: '2019-04-25' });
  });

  it("takes a Sheets Date's calendar day in the spreadsheet's zone, not in UTC", () => {
    // Midnight on 7 November 2017 in Paris is 23:00 on the 6th in UTC.
    const midnightParis = new Date('2017-11-06T23:00:00Z');
    expect(parseDateCell(midnightParis, 'Europe/Paris')).toEqual({ day: '2017-11-07' });
    expect(parseDateCell(new Date('2019-07-31T22:00:00Z'), 'Europe/Paris')).toEqual({
      day: '2019-08-01',
    });
    expect(calendarDay(new Date('2017-11-07T04:00:00Z'), 'America/New_York')).toBe('2017-11-06');
  });

  it('recognises a Date made in another realm', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2020, 0, 1, 12))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(isDateObject(foreign)).toBe(true);
    expect(parseDateCell(foreign)).toEqual({ day: '2020-01-01' });
  });

  it('is no date when empty, and an invalid one otherwise', () => {
    expect(parseDateCell('')).toEqual({ day: null, invalid: false });
    expect(parseDateCell(null)).toEqual({ day: null, invalid: false });
    for (const text of [
      '31/02/2019',
      '2019/04/26',
      'hier',
      '13/13/2019',
      '26/04/19',
      '07/11/2017 midi',
    ]) {
      expect(parseDateCell(text), text).toEqual({ day: null, invalid: true });
    }
    expect(parseDateCell(new Date(Number.NaN))).toEqual({ day: null, invalid: true });
  });

  it('checks filter days', () => {
    expect(parseIsoDay('2019-02-28')).toBe('2019-02-28');
    expect(parseIsoDay('2019-02-29')).toBeNull();
    expect(parseIsoDay('28/02/2019')).toBeNull();
  });
});
