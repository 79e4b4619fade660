import { describe, expect, it } from 'vitest';
import { ExecutionState } from '../../../src/local/emulator/execution';
import { LATENCY_TABLES, costOf } from '../../../src/local/emulator/latency';
import { DRIVE_SCOPE, grantingAlso, runScript } from './helpers';

describe('the latency table', () => {
  it('a method costs its own figure, else its class wildcard, else the default', () => {
    const table = LATENCY_TABLES.realistic;
    expect(costOf(table, 'Range.setValues')).toBe(120);
    expect(costOf(table, 'Range.getA1Notation')).toBe(40);
    expect(costOf(table, 'Docs.Documents.batchUpdate')).toBe(700);
    expect(costOf(table, 'Nothing.known')).toBe(20);
    expect(costOf(LATENCY_TABLES.slow, 'Range.setValues')).toBe(1200);
    expect(costOf(LATENCY_TABLES.fast, 'Range.setValues')).toBe(0);
  });

  it('the clock stops an execution past six minutes, and the next one starts from zero', () => {
    const execution = new ExecutionState(
      { name: 't', default: 1000, methods: {}, docsRequest: 0 },
      () => 5_000,
    );
    execution.begin();
    for (let i = 0; i < 360; i++) execution.charge('X.y');
    expect(execution.now()).toBe(5_000 + 360_000);
    expect(() => execution.charge('X.y')).toThrow('Exceeded maximum execution time');
    expect(execution.stopped).toBe('Exceeded maximum execution time');
    execution.begin();
    expect([execution.elapsed, execution.stopped]).toEqual([0, null]);
  });
});

describe("the script's clock", () => {
  const code = `
    function elapsed() {
      var start = Date.now();
      var first = new Date().getTime();
      for (var i = 0; i < 3; i++) Session.getScriptTimeZone();
      return [first - start, Date.now() - start, new Date().getTime() - start,
        typeof Date(), new Date(0).getTime(), new Date(2026, 0, 2).getFullYear(),
        DriveApp.createFile('a.txt', 'a').getDateCreated() instanceof Date];
    }
    // A step sized by elapsed time: as many calls as four minutes allow.
    function step() {
      var start = Date.now(), n = 0;
      while (Date.now() - start < 4 * 60 * 1000) { PropertiesService.getUserProperties().getProperty('k'); n++; }
      return n;
    }
    function forever() {
      for (;;) { try { Session.getScriptTimeZone(); } catch (e) { break; } }
      return 'caught';
    }`;

  it('Date in the script reads the real start plus the time its calls took', () => {
    const runtime = runScript(code, undefined, {
      ...grantingAlso(DRIVE_SCOPE),
      latency: { name: 'test', default: 100, methods: {}, docsRequest: 0 },
    });
    const before = Date.now();
    const result = runtime.run('elapsed') as unknown[];
    // Three calls of 100 ms (createFile and getDateCreated come after the readings).
    expect(result.slice(0, 3)).toEqual([0, 300, 300]);
    expect(result.slice(3)).toEqual(['string', 0, 2026, true]);
    expect(runtime.stores.execution.startedAt).toBeGreaterThanOrEqual(before);
    expect(runtime.stores.execution.elapsed).toBe(500);
  });

  it('a step sized by elapsed time makes fewer calls when Google is slower', () => {
    const realistic = runScript(code).run('step') as number;
    const slow = runScript(code, undefined, { latency: 'slow' }).run('step') as number;
    // Two calls a turn: PropertiesService.getUserProperties (5 ms) and getProperty (40 ms).
    expect(realistic).toBe(Math.ceil(240_000 / 45));
    expect(slow).toBe(Math.ceil(240_000 / 450));
  });

  it('an execution that runs past six minutes ends with the time limit, caught or not', () => {
    const runtime = runScript(code, undefined, { ...grantingAlso(DRIVE_SCOPE), latency: 'slow' });
    expect(() => runtime.run('forever')).toThrow("Temps d'exécution maximal dépassé");
    // Session.* costs 50 ms on the slow table: 7,200 calls make six minutes; the next one is
    // refused before it happens (and is not counted).
    expect(runtime.counters.get('Session.getScriptTimeZone')).toBe(7_200);
    // The next execution starts a new six minutes: its three Session calls cost 50 ms each.
    expect((runtime.run('elapsed') as unknown[]).slice(0, 3)).toEqual([0, 150, 150]);
  });

  it('Utilities.sleep waits on the script’s clock, and counts in the six minutes', () => {
    const runtime = runScript(
      `function nap() { var t = Date.now(); Utilities.sleep(1500); return Date.now() - t; }
       function long() { for (var i = 0; i < 5; i++) Utilities.sleep(100000); }`,
      undefined,
      { latency: 'fast' },
    );
    expect(runtime.run('nap')).toBe(1500);
    expect(() => runtime.run('long')).toThrow("Temps d'exécution maximal dépassé");
  });

  it('the fast table never moves the clock', () => {
    const runtime = runScript(code, undefined, { ...grantingAlso(DRIVE_SCOPE), latency: 'fast' });
    const result = runtime.run('elapsed') as unknown[];
    expect(result.slice(0, 3)).toEqual([0, 0, 0]);
  });
});
