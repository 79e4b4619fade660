// CacheService: three caches whose entries expire on the emulator's clock.
import { asGas, GAS_CLASS } from './gas-object';

type Cache = GoogleAppsScript.Cache.Cache;

/** Limits of the reference: keys of 250 characters, values of 100 kB, 6 hours at most. */
export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRATION_SECONDS = 600;
export const MAX_EXPIRATION_SECONDS = 21600;

export class EmuCache implements Pick<
  Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  readonly [GAS_CLASS] = 'Cache';
  readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number) {}

  private store(key: string, value: string, seconds: number): void {
    if (key.length > MAX_KEY_LENGTH) throw new Error(`Argument too large: key`);
    if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES)
      throw new Error(`Argument too large: value`);
    const lasting = Math.min(Math.max(seconds, 1), MAX_EXPIRATION_SECONDS);
    this.entries.set(key, { value, expires: this.now() + lasting * 1000 });
  }

  get(key: string): string | null {
    const entry = this.entries.get(String(key));
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.entries.delete(String(key));
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRATION_SECONDS): void {
    this.store(String(key), String(value), expirationInSeconds);
  }
  putAll(
    values: { [key: string]: string },
    expirationInSeconds = DEFAULT_EXPIRATION_SECONDS,
  ): void {
    for (const [key, value] of Object.entries(values))
      this.store(key, String(value), expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(String(key));
  }
}

export class EmuCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getScriptCache' | 'getUserCache'
> {
  readonly [GAS_CLASS] = 'CacheService';
  readonly document: EmuCache;
  readonly script: EmuCache;
  readonly user: EmuCache;
  constructor(now: () => number) {
    this.document = new EmuCache(now);
    this.script = new EmuCache(now);
    this.user = new EmuCache(now);
  }
  getDocumentCache(): Cache {
    return asGas(this.document);
  }
  getScriptCache(): Cache {
    return asGas(this.script);
  }
  getUserCache(): Cache {
    return asGas(this.user);
  }
}
