// Which OAuth scopes let a script call a method, as Google's reference says
// (https://developers.google.com/apps-script/concepts/scopes; each method's "Authorization"
// section). Built-in services come from the generated table (scopes.generated.ts, `npm run
// scopes`); advanced services (Drive v3, Docs v1), which that table lacks, declare theirs from
// their REST reference with registerScopes(). The runtime checks every call against the
// manifest's oauthScopes (runtime.ts).
import { ServiceError } from './errors';
import { GAS_SERVICE, type GasObject } from './gas-object';
import { REFERENCE_SCOPES } from './scopes.generated';

type ScopeTable = Record<string, readonly string[]>;
/** The error a refused call raises: an advanced service answers with its API's own 403. */
export type Refusal = (key: string, scopes: readonly string[]) => Error;

/** Tables declared by advanced-service modules, by the service name their objects carry. */
const registered = new Map<string, ScopeTable>();
const refusals = new Map<string, Refusal>();

/**
 * Declares the scopes of an advanced service's methods, keyed `Class.method` as the call
 * counters name them, each with the scopes its REST reference lists, in the reference's order
 * (e.g. `Files.create`: drive, drive.appdata, drive.file, from
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create). The
 * service's emulated objects carry `[GAS_SERVICE] = service`. A key declared twice throws.
 * `refusal` makes the error a refused call raises (by default Apps Script's permission error).
 */
export function registerScopes(service: string, table: ScopeTable, refusal?: Refusal): void {
  if (REFERENCE_SCOPES[service])
    throw new Error(`${service} est un service de la référence : ses autorisations sont générées.`);
  const known = registered.get(service) ?? {};
  for (const [key, scopes] of Object.entries(table)) {
    if (key in known) throw new Error(`Autorisations de ${service} ${key} déjà déclarées.`);
    known[key] = scopes;
  }
  registered.set(service, known);
  if (refusal) refusals.set(service, refusal);
}

/**
 * The error for a call none of whose scopes is granted: the service's own (an advanced
 * service's API error) or Apps Script's permission error.
 */
export function refusalOf(service: string, key: string, scopes: readonly string[]): Error {
  return (
    refusals.get(service)?.(key, scopes) ?? new ServiceError('permission', key, scopeList(scopes))
  );
}

/**
 * The scopes that let a script call `key` (`Class.method`) of `service` (the reference's
 * namespace: `Spreadsheet`, `Base`, `Drive`… or a registered advanced service); [] when none is
 * needed; null when neither the reference nor a registration knows the method.
 */
export function acceptedScopes(service: string, key: string): readonly string[] | null {
  return REFERENCE_SCOPES[service]?.[key] ?? registered.get(service)?.[key] ?? null;
}

/** The service an emulated object belongs to; '' for one that does not say. */
export function serviceOf(host: GasObject): string {
  return (host as Partial<Record<typeof GAS_SERVICE, string>>)[GAS_SERVICE] ?? '';
}

/**
 * Google's way of listing them in the permission error: one scope as is, several as
 * `(a || b)` ("Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly
 * || https://www.googleapis.com/auth/spreadsheets)", as developers report it).
 */
export function scopeList(scopes: readonly string[]): string {
  return scopes.length === 1 ? (scopes[0] ?? '') : `(${scopes.join(' || ')})`;
}
