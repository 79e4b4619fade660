import { describe, expect, it } from 'vitest';
import { WarningList } from './warnings';

describe('warning list', () => {
  it('keeps ten of a kind, builds only those, and says how many more', () => {
    const list = new WarningList();
    let built = 0;
    for (let i = 1; i <= 12; i++) {
      list.add('a', () => {
        built++;
        return `a${i}`;
      });
    }
    list.add('b', () => 'b1');
    expect(built).toBe(10);
    expect(list.list((more) => `+${more}`)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
      'a8',
      'a9',
      'a10',
      '+2',
      'b1',
    ]);
  });
});
