// What the add-on keeps in properties is JSON it wrote itself, but a property can be cut short
// or edited by hand: read as nothing then, rather than an error on every later click.

/** The value of a stored JSON text; null when there is none or it cannot be read. */
export function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
