// Logger and console: what the script logs, kept for tests and shown by the page.
import { GAS_CLASS, GAS_SERVICE, asGas } from './gas-object';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** Logger.log's template: `%s` and `%d` take the next value, as the reference shows. */
function format(data: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof data !== 'string') return show(data);
  let i = 0;
  return data.replace(/%[sd]/g, (token) => (i < values.length ? show(values[i++]) : token));
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  readonly [GAS_CLASS] = 'Logger';
  readonly [GAS_SERVICE] = 'Base';
  constructor(private readonly entries: LogEntry[]) {}
  clear(): void {
    this.entries.length = 0;
  }
  getLog(): string {
    return this.entries.map((entry) => entry.message).join('\n');
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.entries.push({ level: 'log', message: format(data, values) });
    return asGas(this);
  }
}

/** Apps Script's V8 `console`, writing to the same log. */
export class EmuConsole {
  readonly [GAS_CLASS] = 'console';
  readonly [GAS_SERVICE] = 'Base';
  constructor(private readonly entries: LogEntry[]) {}
  private write(level: LogEntry['level'], values: unknown[]): void {
    this.entries.push({ level, message: values.map(show).join(' ') });
  }
  log(...values: unknown[]): void {
    this.write('log', values);
  }
  info(...values: unknown[]): void {
    this.write('info', values);
  }
  warn(...values: unknown[]): void {
    this.write('warn', values);
  }
  error(...values: unknown[]): void {
    this.write('error', values);
  }
  debug(...values: unknown[]): void {
    this.write('debug', values);
  }
}
