// « Partager l'aperçu »: the addresses the referent types, read and checked before anything is
// shared; and the preview grid made for the direction, whose codes are always masked.
import { isSendableAddress } from './mail/address';
import { buildPreviewTab, type PreviewOptions, type SheetGrid } from './preview-tab';
import type { Account, Summary } from './types';

export type ShareRole = 'reader' | 'commenter';
export const SHARE_ROLES: readonly ShareRole[] = ['reader', 'commenter'];

export type ParsedAddresses = { ok: true; addresses: string[] } | { ok: false; bad: string[] };

/**
 * The addresses of a free text: one per line, or separated by commas, semicolons or spaces, as
 * pasted from a mail client (`Nom <adresse>` keeps the address). Each once, whatever its case.
 * Any address that would not reach a mailbox is returned, so the message can name them all.
 */
export function parseAddresses(text: string): ParsedAddresses {
  const withoutNames = text.replace(/[^<>,;\n]*<([^<>]*)>/g, ' $1 ');
  const tokens = withoutNames.split(/[\s,;]+/).filter(Boolean);
  const seen = new Set<string>();
  const addresses: string[] = [];
  const bad: string[] = [];
  for (const token of tokens) {
    const key = token.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    (isSendableAddress(token) ? addresses : bad).push(token);
  }
  return bad.length > 0 ? { ok: false, bad } : { ok: true, addresses };
}

/** The preview tab's grid for sharing: the same builder, codes masked whatever was asked. */
export function sharedPreviewGrid(
  accounts: readonly Account[],
  summary: Summary,
  options: Omit<PreviewOptions, 'showCodes'>,
): SheetGrid {
  return buildPreviewTab(accounts, summary, { ...options, showCodes: false });
}

/** Whether a grant already gives what is asked; an owner or a writer is never lowered. */
export function grantNeeded(
  current: string | null,
  wanted: ShareRole,
): 'create' | 'update' | 'none' {
  if (current === null) return 'create';
  if (current === wanted || current === 'owner' || current === 'writer') return 'none';
  return 'update';
}
