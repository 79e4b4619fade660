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
    // The sidebar's fold says 13 warnings, not the 12 lines shown.
    expect(list.count).toBe(13);
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

  it('counts each kind apart when kinds alternate', () => {
    const list = new WarningList();
    for (let i = 1; i <= 11; i++) {
      list.add('a', () => `a${i}`);
      list.add('b', () => `b${i}`);
    }
    list.add('a', () => 'a12');
    const lines = list.list((more) => `+${more}`);
    expect(lines.filter((line) => line.startsWith('a'))).toHaveLength(10);
    expect(lines.slice(10, 12)).toEqual(['+2', 'b1']);
    expect(lines.at(-1)).toBe('+1');
  });
});
