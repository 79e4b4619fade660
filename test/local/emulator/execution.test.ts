import { describe, expect, it } from 'vitest';
import { ExecutionState } from '../../../src/local/emulator/execution';
import { runScript } from './helpers';

describe('ExecutionState', () => {
  it('a stop lasts until the next execution begins', () => {
    const execution = new ExecutionState();
    execution.begin();
    execution.stop();
    expect(execution.stopped).toBe('Exceeded maximum execution time');
    execution.begin();
    expect(execution).toMatchObject({ number: 2, stopped: null });
  });

  it('each run of the runtime begins unstopped, whatever the last one became', () => {
    const runtime = runScript(`
      function go() {
        try { Session.getScriptTimeZone(); } catch (e) { return 'refusé'; }
        return 'passé';
      }`);
    runtime.stores.execution.stop();
    expect(runtime.run('go')).toBe('passé');
  });
});
