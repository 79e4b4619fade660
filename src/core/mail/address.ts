// What may go into a mail header: a value from the export must never add a header or a recipient.

/** Control characters (CR and LF first), and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A value made safe for a header (subject, display name): every control character becomes a
 * space, so "Zoë\r\nBcc: x@evil" stays one line of text and adds no header.
 */
export function headerText(value: string): string {
  return value.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Whether an address can be handed to GmailApp as the only recipient. Stricter than the export's
 * "valid" (SPEC §1): GmailApp reads `to` as a comma-separated list, so a local part holding a
 * comma, a semicolon, angle brackets or quotes could add recipients; such an address is skipped
 * as invalid rather than sent.
 */
export function isSendableAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) || local.length > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(label))) {
    return false;
  }
  return /^[A-Za-z]{2,}$/.test(labels[labels.length - 1]!);
}
