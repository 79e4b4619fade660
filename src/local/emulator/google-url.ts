// The id in a Google address the add-on shows, so that the emulator's page and sidebar can open
// the emulated file instead of a Google page that does not know it. No import: the sidebar's
// shim bundles this file.

/**
 * The Drive item a Google address names, as Apps Script gives them (File.getUrl, Document.getUrl,
 * Folder.getUrl, Spreadsheet.getUrl, the advanced service's webViewLink): its id, or null.
 */
export function idOfGoogleUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^(docs|drive)\.google\.com$/.test(parsed.hostname)) return null;
  const inPath = /\/(?:d|folders)\/([\w-]+)/.exec(parsed.pathname);
  return inPath?.[1] ?? parsed.searchParams.get('id');
}

/** Where the emulator shows the item a Google address names, or null for any other address. */
export function emulatorViewOf(url: string): string | null {
  const id = idOfGoogleUrl(url);
  return id === null ? null : `/emulator/view/${encodeURIComponent(id)}`;
}
