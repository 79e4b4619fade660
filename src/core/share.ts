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

/** A user's access to a Drive file, as Permissions.list gives it. */
export interface Grant {
  id: string;
  role: string;
  emailAddress: string;
}

export type GrantStep =
  | { address: string; need: 'create' | 'none' }
  | { address: string; need: 'update'; grantId: string };

/** What each address needs on the file, matched to its grant whatever the case of either. */
export function grantSteps(
  addresses: readonly string[],
  grants: readonly Grant[],
  wanted: ShareRole,
): GrantStep[] {
  return addresses.map((address) => {
    const grant = grants.find((g) => g.emailAddress.toLowerCase() === address.toLowerCase());
    const need = grantNeeded(grant?.role ?? null, wanted);
    return need === 'update' ? { address, need, grantId: grant!.id } : { address, need };
  });
}

/** Who the file is shared with, as the referent is told: the owner (the referent) left out. */
export function sharedAccess(grants: readonly Grant[]): { address: string; role: string }[] {
  return grants
    .filter((g) => g.role !== 'owner')
    .map((g) => ({ address: g.emailAddress, role: g.role }));
}
