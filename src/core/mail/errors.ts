// What a failed send call means for the campaign. Apps Script gives no error codes, only texts.

/**
 * quota: the day's quota is spent, nothing was sent; permanent: the message was refused (a bad
 * address), retrying would fail again; transient: the call was turned away before sending
 * (rate limit, service unavailable), retrying is safe; uncertain: anything else, a timeout
 * first of all — the message may have left, so it is not resent without checking.
 */
export type SendErrorKind = 'quota' | 'permanent' | 'transient' | 'uncertain';

const QUOTA = /for one day|daily (quota|limit)|quota/i;
const PERMANENT =
  /invalid (email|address|recipient|argument)|adresse .*(invalide|incorrecte)|recipient.*(rejected|invalid)|no recipient|recipients per message/i;
const TRANSIENT =
  /in a short time|too many simultaneous|rate ?limit|service unavailable|temporarily unavailable|try again later|backend error|\b503\b/i;

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'erreur sans message';
}

export function classifySendError(error: unknown): SendErrorKind {
  const text = errorText(error);
  if (QUOTA.test(text)) return 'quota';
  if (PERMANENT.test(text)) return 'permanent';
  if (TRANSIENT.test(text)) return 'transient';
  return 'uncertain';
}
