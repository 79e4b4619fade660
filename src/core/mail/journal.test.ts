import { describe, expect, it } from 'vitest';
import {
  FAILED,
  JOURNAL_HEADER,
  MemoryJournalStore,
  SENT,
  UNVERIFIED,
  WAITING_QUOTA,
  entryToRow,
  isFinal,
  rowToEntry,
  type JournalEntry,
} from './journal';

const entry: JournalEntry = {
  campaignId: 'c1',
  login: 'zoe.celik',
  name: 'Zoë ÇELIK',
  email: 'zoe@example.org',
  status: FAILED,
  error: 'Invalid email: zoe@example.org',
  attempts: 2,
  time: '2026-09-01T08:00:00.000Z',
};

describe('the journal', () => {
  it('has final states and waiting ones', () => {
    expect(isFinal(SENT)).toBe(true);
    expect(isFinal(UNVERIFIED)).toBe(true);
    expect(isFinal(WAITING_QUOTA)).toBe(false);
  });

  it('writes a row per entry under its header, and reads it back', () => {
    const row = entryToRow(entry);
    expect(row).toHaveLength(JOURNAL_HEADER.length);
    expect(rowToEntry(row)).toEqual(entry);
  });

  it('reads a status typed without accents, and a date cell from a sheet', () => {
    const row: unknown[] = entryToRow({ ...entry, status: SENT });
    row[5] = 'ENVOYE';
    row[1] = new Date('2026-09-01T08:00:00.000Z');
    row[7] = 3;
    expect(rowToEntry(row)).toMatchObject({ status: SENT, time: entry.time, attempts: 3 });
  });

  it('never sends blindly nor drops an entry whose status it cannot read', () => {
    const row = entryToRow(entry);
    row[5] = 'peut-être';
    expect(rowToEntry(row)).toMatchObject({
      status: UNVERIFIED,
      error: 'statut illisible : « peut-être »',
    });
  });

  it('skips rows without a campaign or a login', () => {
    expect(rowToEntry(['', '', 'x'])).toBeNull();
    expect(rowToEntry(['c1', '', ''])).toBeNull();
  });

  it('keys entries by campaign and login in the memory store', () => {
    const store = new MemoryJournalStore();
    store.save([entry, { ...entry, campaignId: 'c2' }]);
    store.save([{ ...entry, status: SENT }]);
    expect(store.load('c1')).toEqual([{ ...entry, status: SENT }]);
    expect(store.load('c2')).toEqual([{ ...entry, campaignId: 'c2' }]);
    expect(store.saves).toBe(2);
  });
});
