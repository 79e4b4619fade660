// A failed send call, as text for the journal. What it means is never read from its words:
// Apps Script's messages are in the user's language (a French referent's quota error is French),
// so the step decides from facts instead (step.ts): the Sent folder (did it leave?), then
// MailApp.getRemainingDailyQuota() read again (is the quota spent?), then a retry after a pause.

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'erreur sans message';
}

/** The pause before the n-th retry of a message (1 s, 2 s, 4 s…): Utilities.sleep's argument. */
export function backoffMs(retry: number): number {
  return 1000 * 2 ** Math.max(0, retry - 1);
}
