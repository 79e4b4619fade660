// What marks a host object as an emulated Apps Script object, and how it is named in counters.

/** The class name Apps Script gives the object (`Range`, `SpreadsheetApp`…): the counters' prefix. */
export const GAS_CLASS = Symbol('gasClass');

/**
 * The service the object belongs to, as the reference's namespace names it (`Spreadsheet`,
 * `Document`, `Base`… or an advanced service's registered name): class names collide across
 * services (`Range`, `Table`, `File`), so the scope a call needs is looked up by both.
 */
export const GAS_SERVICE = Symbol('gasService');

export interface GasObject {
  readonly [GAS_CLASS]: string;
}

export function isGasObject(value: unknown): value is GasObject {
  return typeof value === 'object' && value !== null && GAS_CLASS in value;
}

/**
 * An emulated object typed as the official interface it stands for. The emulated classes
 * implement a Pick of that interface; what they return is typed as the official type so that
 * their signatures stay exactly the official ones. Methods outside the Pick fail loudly at run
 * time (the membrane says which one is not emulated).
 */
export function asGas<T>(value: GasObject): T {
  return value as unknown as T;
}

/** Apps Script's enums, emulated by their names (see docs/EMULATOR.md). */
export function gasEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as T;
}
