// The boundary between Node (the host, where the emulated services live) and the vm context
// that runs dist/Code.js (the guest). Everything crossing it is copied into the other realm, so
// the bundle sees its own Array, Date and Object (instanceof and Array.isArray behave as in Apps
// Script) and never holds a Node object it could climb out through (`x.constructor.constructor`).
// Every method call on an emulated object is counted here, as `Class.method`.
import vm from 'node:vm';
import { CallCounters } from './counters';
import { ServiceError } from './errors';
import { GAS_CLASS, isGasObject, type GasObject } from './gas-object';

/** Made inside the context, so that what they create belongs to the guest realm. */
interface GuestHelpers {
  array(): unknown[];
  object(): Record<string, unknown>;
  date(time: number): Date;
  error(name: string, message: string): Error;
  method(
    invoke: (args: ArrayLike<unknown>) => Outcome,
    name: string,
  ): (...args: unknown[]) => unknown;
}

type Outcome = { threw: false; value: unknown } | { threw: true; name: string; message: string };

const GUEST_HELPERS = `({
  array: function () { return []; },
  object: function () { return {}; },
  date: function (time) { return new Date(time); },
  error: function (name, message) {
    var error = name === 'TypeError' ? new TypeError(message) : new Error(message);
    if (name !== 'TypeError' && name !== 'Error') error.name = name;
    return error;
  },
  method: function (invoke, name) {
    var helpers = this;
    var f = function () {
      var outcome = invoke(arguments);
      if (outcome.threw) throw helpers.error(outcome.name, outcome.message);
      return outcome.value;
    };
    Object.defineProperty(f, 'name', { value: name });
    return f;
  },
})`;

/** Keys that callers probe on any object: never answered with a "not emulated" method. */
const NOT_METHODS = new Set([
  'then',
  'toJSON',
  'constructor',
  'valueOf',
  'inspect',
  'asymmetricMatch',
]);

export interface MembraneOptions {
  counters: CallCounters;
  /**
   * Runs before each counted call, with the emulated object called; throwing refuses the call
   * (AuthMode.NONE, a scope the manifest does not grant…).
   */
  beforeCall?: (key: string, host: GasObject) => void;
  /** The user's locale, in which a ServiceError reaches the script ('en' if not given). */
  locale?: () => string;
}

/** Error raised by the host and rethrown in the guest as an Error of the guest realm. */
function outcomeOfError(error: unknown, locale = 'en'): Outcome {
  const e = error as { name?: unknown; message?: unknown };
  return {
    threw: true,
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message:
      error instanceof ServiceError
        ? error.localized(locale)
        : typeof e?.message === 'string'
          ? e.message
          : String(error),
  };
}

export class Membrane {
  private readonly guest: GuestHelpers;
  private readonly proxies = new WeakMap<object, object>();
  private readonly hosts = new WeakMap<object, GasObject>();

  constructor(
    readonly context: vm.Context,
    private readonly options: MembraneOptions,
  ) {
    this.guest = vm.runInContext(GUEST_HELPERS, context) as GuestHelpers;
  }

  /** A host value as the guest must see it. */
  toGuest(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'object') {
      if (typeof value === 'function')
        throw new TypeError('A host function cannot cross into the script.');
      return value;
    }
    if (this.hosts.has(value)) return value;
    if (isGasObject(value)) return this.wrap(value);
    if (value instanceof Date) return this.guest.date(value.getTime());
    if (Array.isArray(value)) {
      const array = this.guest.array();
      for (const item of value) array.push(this.toGuest(item));
      return array;
    }
    const object = this.guest.object();
    for (const [key, item] of Object.entries(value)) object[key] = this.toGuest(item);
    return object;
  }

  /** A guest value as the host receives it: plain host data, or the emulated object behind a proxy. */
  toHost(value: unknown, seen = new Set<object>()): unknown {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function')
        throw new TypeError('Functions cannot be passed to a service.');
      return value;
    }
    const host = this.hosts.get(value);
    if (host) return host;
    if (seen.has(value)) throw new TypeError('Circular structures cannot be passed to a service.');
    seen.add(value);
    try {
      if (Object.prototype.toString.call(value) === '[object Date]') {
        return new Date((value as Date).getTime());
      }
      if (Array.isArray(value)) return Array.from(value, (item) => this.toHost(item, seen));
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.toHost(item, seen);
      return copy;
    } finally {
      seen.delete(value);
    }
  }

  /** Calls a guest function (an entry point) with host arguments; returns a host value. */
  callGuest(fn: unknown, args: unknown[]): unknown {
    if (typeof fn !== 'function') throw new TypeError('Not a function of the script.');
    const guestArgs = this.guest.array();
    for (const arg of args) guestArgs.push(this.toGuest(arg));
    return this.toHost((fn as (...a: unknown[]) => unknown)(...guestArgs));
  }

  /** The guest's view of an emulated object: a proxy on a guest-made empty object. */
  wrap(host: GasObject): object {
    const known = this.proxies.get(host);
    if (known) return known;
    const className = host[GAS_CLASS];
    const methods = new Map<string, unknown>();
    const handler: ProxyHandler<object> = {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        const cached = methods.get(key);
        if (cached) return cached;
        const member = (host as unknown as Record<string, unknown>)[key];
        if (key === 'toString' || (member === undefined && !NOT_METHODS.has(key))) {
          if (key !== 'toString' && !/^[a-z][A-Za-z0-9]*$/.test(key)) return undefined;
          const stub = this.guest.method(
            () =>
              key === 'toString'
                ? { threw: false, value: className }
                : outcomeOfError(
                    new TypeError(`${className}.${key} n'est pas émulé (voir docs/EMULATOR.md).`),
                  ),
            key,
          );
          methods.set(key, stub);
          return stub;
        }
        if (typeof member !== 'function') return this.toGuest(member);
        if (key.startsWith('_') || NOT_METHODS.has(key)) return undefined;
        const counterKey = `${className}.${key}`;
        const method = this.guest.method((args) => {
          try {
            this.options.beforeCall?.(counterKey, host);
            this.options.counters.increment(counterKey);
            const hostArgs = Array.from(args, (arg) => this.toHost(arg));
            return { threw: false, value: this.toGuest(member.apply(host, hostArgs)) };
          } catch (error) {
            return outcomeOfError(error, this.options.locale?.());
          }
        }, key);
        methods.set(key, method);
        return method;
      },
      set: () => false,
      has: (_target, key) => typeof key === 'string' && key in host,
      ownKeys: () => [],
      defineProperty: () => false,
      deleteProperty: () => false,
    };
    const proxy = new Proxy(this.guest.object(), handler);
    this.proxies.set(host, proxy);
    this.hosts.set(proxy, host);
    return proxy;
  }
}
