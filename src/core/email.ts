// E-mail status of an account (SPEC §1).
import type { EmailStatus } from './types';

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const TOP_LABEL = /^[a-z]{2,}$/i;

/**
 * valid: exactly one @, a local part without white space, a domain of two labels or more (letters,
 * digits, inner hyphens), the last one of two letters or more; missing: empty.
 */
export function emailStatus(email: string): EmailStatus {
  if (email === '') return 'missing';
  // Exactly one @, found without splitting into an array (one call per account).
  const at = email.indexOf('@');
  if (at < 0 || email.indexOf('@', at + 1) >= 0) return 'invalid';
  if (at === 0 || /\s/.test(email.slice(0, at))) return 'invalid';
  const domain = email.slice(at + 1);
  let valid = domains.get(domain);
  if (valid === undefined) {
    valid = isDomain(domain);
    if (domains.size >= 10_000) domains.clear();
    domains.set(domain, valid);
  }
  return valid ? 'valid' : 'invalid';
}

// A school's addresses share a few domains: check each once.
const domains = new Map<string, boolean>();

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return TOP_LABEL.test(labels[labels.length - 1]!);
}
