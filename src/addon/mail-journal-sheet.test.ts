import { describe, expect, it } from 'vitest';
import { makeAccounts } from '../../test/helpers/mail-accounts';
import { MailWorld } from '../../test/helpers/mail-world';
import { SENT, type JournalEntry } from '../core/mail/journal';
import { buildMessage } from '../core/mail/message';
import { runCampaignStep } from '../core/mail/step';
import { SheetJournalStore, type JournalSheet } from './mail-journal-sheet';

/** A sheet grid that counts the calls Apps Script would bill. */
function fakeSheet() {
  const grid: unknown[][] = [];
  const calls = { getValues: 0, setValues: 0 };
  const sheet: JournalSheet = {
    getLastRow: () => grid.length,
    getRange: (row, column, numRows, numColumns) => ({
      getValues() {
        calls.getValues++;
        return grid
          .slice(row - 1, row - 1 + numRows)
          .map((r) => r.slice(column - 1, column - 1 + numColumns));
      },
      setValues(values) {
        calls.setValues++;
        expect(values).toHaveLength(numRows);
        values.forEach((value, i) => {
          expect(value).toHaveLength(numColumns);
          grid[row - 1 + i] = value.slice();
        });
      },
    }),
  };
  return { sheet, grid, calls };
}

const entry = (login: string, status: JournalEntry['status'] = SENT): JournalEntry => ({
  campaignId: 'c1',
  login,
  name: 'N',
  email: `${login}@example.org`,
  status,
  error: '',
  attempts: 1,
  time: '2026-09-01T08:00:00.000Z',
});

describe('the journal tab', () => {
  it('writes a header, then one setValues per save, rows updated in place', () => {
    const { sheet, grid, calls } = fakeSheet();
    const store = new SheetJournalStore(sheet);
    expect(store.load('c1')).toEqual([]);
    store.save([entry('a'), entry('b'), entry('c')]);
    store.save([{ ...entry('b'), attempts: 2 }, entry('d')]);
    expect(grid.map((row) => row[2])).toEqual(['Identifiant', 'a', 'b', 'c', 'd']);
    expect(grid[2]![7]).toBe('2');
    expect(calls.setValues).toBe(3);
    expect(new SheetJournalStore(sheet).load('c1').map((e) => e.login)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('keeps a formula-like login as text and reads it back', () => {
    const { sheet, grid } = fakeSheet();
    new SheetJournalStore(sheet).save([entry('=HYPERLINK("x")')]);
    expect(grid[1]![2]).toBe('\'=HYPERLINK("x")');
    expect(new SheetJournalStore(sheet).load('c1')[0]!.login).toBe('=HYPERLINK("x")');
  });

  it('takes 1,500 recipients in a number of sheet writes that grows by batch', () => {
    const { sheet, calls } = fakeSheet();
    const world = new MailWorld();
    const accounts = makeAccounts(1500);
    const settings = {
      entName: 'ENT',
      entUrl: 'https://ent.example.org',
      schoolName: 'C',
      contact: '',
    };
    for (let step = 0; step < 100; step++) {
      // Each step is a new server call: a new store reads the tab once.
      const report = runCampaignStep({
        campaignId: 'c1',
        accounts,
        store: new SheetJournalStore(sheet),
        build: (a) => buildMessage(a, settings, { language: 'fr' }),
        send: world.send,
        now: () => 0,
        remainingQuota: 1500,
        maxMessages: 100,
        batchSize: 50,
      });
      if (report.state === 'complete') break;
    }
    expect(world.sendCalls).toBe(1500);
    // Header + plan + (claim + outcome) per batch of 50; one read per step but the first.
    expect(calls.setValues).toBe(1 + 1 + 2 * 30);
    expect(calls.getValues).toBe(14);
  });
});
