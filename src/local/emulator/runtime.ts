// Runs the add-on's bundle (dist/Code.js, as pushed) in a node:vm context whose only globals are
// the emulated services: no require, process, Buffer or timers. Each call from outside (a menu
// item, google.script.run, a trigger) is one "execution", as in Apps Script.
import vm from 'node:vm';
import { createHash } from 'node:crypto';
import { Membrane } from './membrane';
import { createGoogleServices, type GoogleServices, type GoogleServicesOptions } from './services';
import { isGasObject, type GasObject } from './gas-object';
import { ServiceError } from './errors';
import { acceptedScopes, refusalOf, serviceOf } from './scopes';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What a script may call in AuthMode.NONE: only the menu (the reference's authorization table). */
const ALLOWED_WITHOUT_AUTH =
  /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Ui\.createMenu|Menu\.\w+)$/;

/**
 * The script's Date: the real time at the execution's start plus the emulated time its service
 * calls took (latency.ts). Made inside the realm, so it is the script's own function; the host
 * only writes a number into `clock.now`.
 */
const GUEST_CLOCK = `(function (global) {
  var RealDate = global.Date;
  var clock = { now: RealDate.now() };
  function Date(year, month, day, hours, minutes, seconds, ms) {
    if (!new.target) return new RealDate(clock.now).toString();
    var args = arguments.length === 0 ? [clock.now] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  Date.prototype = RealDate.prototype;
  Date.now = function now() { return clock.now; };
  Date.parse = RealDate.parse;
  Date.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Object.defineProperty(global, 'Date', { value: Date, writable: true, configurable: true });
  return clock;
})(this)`;

/** An exception the script threw, carried to the host with its message. */
export class ScriptError extends Error {
  override name = 'ScriptError';
  constructor(
    message: string,
    readonly scriptErrorName: string,
    readonly scriptStack: string,
  ) {
    super(message);
  }
}

export interface RuntimeOptions extends GoogleServicesOptions {
  /** The text of the bundle, as clasp pushes it. */
  code: string;
  filename?: string;
}

/** A value google.script.run may carry: JSON-like data, no Date, no function. */
export type ClientValue =
  null | boolean | number | string | ClientValue[] | { [key: string]: ClientValue };

export class AppsScriptRuntime {
  readonly services: GoogleServices;
  readonly context: vm.Context;
  readonly codeSha256: string;
  private readonly membrane: Membrane;
  private authMode: AuthMode = 'FULL';
  /** The realm's own globals (Array, eval…), which are not the script's functions. */
  private readonly builtins: Set<string>;

  constructor(options: RuntimeOptions) {
    this.services = createGoogleServices(options);
    this.codeSha256 = createHash('sha256').update(options.code).digest('hex');
    this.context = vm.createContext({}, { codeGeneration: { strings: true, wasm: false } });
    this.membrane = new Membrane(this.context, {
      counters: this.services.counters,
      locale: () => this.services.stores.session.locale,
      beforeCall: (key, host) => {
        // A stopped execution (the time limit) goes no further: nothing after the stop happens.
        if (this.services.stores.execution.stopped) throw new ServiceError('timeLimit');
        if (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.test(key)) {
          throw new ServiceError('authModeNone', key);
        }
        this.checkScopes(key, host);
        // The call takes its time on the script's clock; past 6 minutes the run stops here.
        this.services.stores.execution.charge(key);
      },
    });
    const clock = vm.runInContext(GUEST_CLOCK, this.context) as { now: number };
    const execution = this.services.stores.execution;
    clock.now = execution.now();
    execution.onTick = (now) => (clock.now = now);
    this.builtins = new Set(this.globalFunctionNames());
    for (const [name, host] of Object.entries(this.services.globals)) {
      Object.defineProperty(this.context, name, {
        value: this.membrane.wrap(host),
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
    this.guard(() =>
      vm.runInContext(options.code, this.context, { filename: options.filename ?? 'Code.js' }),
    );
  }

  /**
   * A call goes through only if the manifest grants one of the scopes Google's reference accepts
   * for it (scopes.ts); else Apps Script's permission error. A manifest without oauthScopes
   * grants what the code uses, as Apps Script's automatic detection does
   * (https://developers.google.com/apps-script/concepts/scopes). A method no table knows fails
   * closed, so that an emulated method cannot skip the check.
   */
  private checkScopes(key: string, host: GasObject): void {
    const granted = this.services.stores.manifest.oauthScopes;
    const service = serviceOf(host);
    const scopes = acceptedScopes(service, key);
    if (scopes === null) throw new ServiceError('unknownScopes', key, service || '?');
    if (!granted || scopes.length === 0) return;
    if (!scopes.some((scope) => granted.includes(scope))) throw refusalOf(service, key, scopes);
  }

  get counters() {
    return this.services.counters;
  }
  get stores() {
    return this.services.stores;
  }

  /** Top-level functions of the script, as the editor's function list and google.script.run see them. */
  functionNames(): string[] {
    return this.globalFunctionNames()
      .filter((name) => !this.builtins.has(name))
      .sort();
  }

  private globalFunctionNames(): string[] {
    const names = vm.runInContext(
      'Object.getOwnPropertyNames(this).filter(function (n) { return typeof this[n] === "function"; }, this)',
      this.context,
    ) as string[];
    return Array.from(names);
  }

  /** One execution of a top-level function, with host arguments; returns a host value. */
  run(functionName: string, args: unknown[] = [], authMode: AuthMode = 'FULL'): unknown {
    const fn = (this.context as Record<string, unknown>)[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    this.authMode = authMode;
    this.stores.execution.begin();
    try {
      let result: unknown;
      let failure: unknown = null;
      try {
        result = this.guard(() => this.membrane.callGuest(fn, args));
      } catch (error) {
        failure = error;
      }
      // Apps Script ends a stopped run with its error, whatever the script caught or threw.
      if (this.stores.execution.stopped) {
        const message = new ServiceError('timeLimit').localized(this.stores.session.locale);
        throw new ScriptError(message, 'Error', '');
      }
      if (failure) throw failure;
      return result;
    } finally {
      this.authMode = 'FULL';
      this.stores.locks.releaseAll();
    }
  }

  /** Opening the spreadsheet: the simple trigger onOpen, in AuthMode.NONE. */
  open(authMode: AuthMode = 'NONE'): void {
    if (this.functionNames().includes('onOpen')) this.run('onOpen', [{ authMode }], authMode);
  }

  /**
   * A call from google.script.run: the function must be public (no trailing underscore), the
   * arguments JSON-like. A return value holding a Date, a function or a service object reaches
   * the page as null (docs/EMULATOR.md).
   */
  runFromClient(functionName: string, args: unknown[]): ClientValue {
    if (functionName.endsWith('_') || !this.functionNames().includes(functionName)) {
      throw new Error(`Script function not found: ${functionName}`);
    }
    for (const arg of args) assertClientValue(arg, 'argument');
    const result = this.run(functionName, args);
    return isClientValue(result) ? (result as ClientValue) : null;
  }

  /** Runs an installable trigger now, with the event object Apps Script passes a clock trigger. */
  runTrigger(id: string): unknown {
    const trigger = this.stores.triggers.triggers.find((t) => t.id === id);
    if (!trigger) throw new Error(`Déclencheur ${id} introuvable.`);
    return this.run(trigger.handler, [{ authMode: 'FULL', triggerUid: trigger.id }]);
  }

  private guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof ScriptError) throw error;
      const e = error as { name?: unknown; message?: unknown; stack?: unknown };
      // A guest Error is not a host Error: carry its fields over.
      throw new ScriptError(
        typeof e?.message === 'string' ? e.message : String(error),
        typeof e?.name === 'string' ? e.name : 'Error',
        typeof e?.stack === 'string' ? e.stack : '',
      );
    }
  }
}

function isClientValue(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return true;
  if (type === 'number') return true;
  if (type !== 'object' || value instanceof Date || isGasObject(value) || seen.has(value))
    return false;
  seen.add(value);
  const items = Array.isArray(value) ? value : Object.values(value as object);
  const ok = items.every((item) => isClientValue(item, seen));
  seen.delete(value);
  return ok;
}

function assertClientValue(value: unknown, what: string): void {
  if (!isClientValue(value)) {
    throw new TypeError(
      `google.script.run refuse cet ${what} : ni Date, ni fonction, ni objet circulaire.`,
    );
  }
}
