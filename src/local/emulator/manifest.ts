// The project's manifest (appsscript.json) as the emulator reads it: the scopes granted and the
// advanced services enabled decide what the script may call, as they do on Google
// (https://developers.google.com/apps-script/manifest, .../concepts/scopes).
import projectManifest from '../../../appsscript.json';

export interface AdvancedService {
  /** The global the script sees (`Drive`, `Docs`). */
  userSymbol: string;
  serviceId: string;
  version: string;
}

export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  /** Once pinned, only these scopes are granted; none pinned: what the code uses (automatic detection). */
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: AdvancedService[] };
}

/** The manifest `clasp push` deploys: the repo's appsscript.json, copied to dist/ by the build. */
export const PROJECT_MANIFEST: Manifest = projectManifest as Manifest;

/** Parses a manifest's text, as Apps Script would refuse a manifest that is not a JSON object. */
export function parseManifest(text: string): Manifest {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('appsscript.json : le manifeste doit être un objet JSON.');
  }
  return value as Manifest;
}

/** The advanced service the manifest enables at that id and version (the one the emulator has), if any. */
export function advancedService(
  manifest: Manifest,
  serviceId: string,
  version: string,
): AdvancedService | null {
  return (
    manifest.dependencies?.enabledAdvancedServices?.find(
      (s) => s.serviceId === serviceId && s.version === version,
    ) ?? null
  );
}
