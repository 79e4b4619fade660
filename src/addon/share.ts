// « Partager l'aperçu »: the preview, codes always masked, in a spreadsheet of its own in the
// add-on's folder, shared with the addresses the referent typed. Sharing the workbook itself
// would share the export and its codes. Under drive.file the add-on may share this file because
// it made it; the file's id is kept in the document's properties so that a new preview updates
// the same file and the direction's link keeps working.
import type { Reply, ShareRequest, ShareResult } from '../core/contract';
import { messages } from '../core/i18n';
import {
  grantSteps,
  parseAddresses,
  SHARE_ROLES,
  sharedAccess,
  sharedPreviewGrid,
} from '../core/share';
import { changeRole, createGoogleSheet, fileGrants, grantAccess, liveFile } from './drive';
import { fail, language, localNow, readSelection } from './selection';
import { writeGrid } from './spreadsheet';

export const SHARED_PREVIEW_KEY = 'publipostage.sharedPreviewId';

/** The message of a failed Drive call, without Apps Script's "API call to … failed" prefix. */
function reasonOf(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.replace(/^API call to [\w.]+ failed with error: /, '');
}

/** Only the preview's tab: the new spreadsheet's first sheet goes once the preview is written. */
function keepOnly(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): void {
  for (const sheet of spreadsheet.getSheets())
    if (sheet.getName() !== name) spreadsheet.deleteSheet(sheet);
}

export function sharePreview(request: ShareRequest): Reply<ShareResult> {
  const t = messages(language()).share;
  if (!SHARE_ROLES.includes(request.role)) return fail(t.badRole);
  const parsed = parseAddresses(String(request.addresses ?? ''));
  if (!parsed.ok) return fail(t.badAddresses(parsed.bad));
  if (parsed.addresses.length === 0) return fail(t.noAddress);

  const workbook = SpreadsheetApp.getActiveSpreadsheet();
  // « Masquer les codes » does not matter here: the shared copy never holds a code.
  const selection = readSelection(workbook, { ...request, showCodes: false });
  if (!selection.ok) return selection;
  const grid = sharedPreviewGrid(selection.value.accounts, selection.value.summary, {
    filters: request.filters,
    language: language(),
    generatedAt: localNow(workbook, "yyyy-MM-dd'T'HH:mm"),
  });

  // Two shares at once would make two files, and the second id would hide the first.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) return fail(t.busy);
  try {
    const properties = PropertiesService.getDocumentProperties();
    const knownId = properties.getProperty(SHARED_PREVIEW_KEY);
    let file = liveFile(knownId);
    const created = file === null;
    if (!file) {
      file = createGoogleSheet(t.fileName(workbook.getName()));
      properties.setProperty(SHARED_PREVIEW_KEY, file.id);
    }
    const shared = SpreadsheetApp.openById(file.id);
    writeGrid(shared, grid);
    keepOnly(shared, grid.name);

    const result: ShareResult = {
      fileName: file.name,
      url: file.url,
      count: selection.value.accounts.length,
      created,
      replacedLost: created && knownId !== null,
      shared: [],
      alreadyShared: [],
      failed: [],
      access: [],
    };
    const message = t.emailMessage(workbook.getName(), result.count);
    for (const step of grantSteps(parsed.addresses, fileGrants(file.id), request.role)) {
      try {
        if (step.need === 'create') grantAccess(file.id, step.address, request.role, message);
        else if (step.need === 'update') changeRole(file.id, step.grantId, request.role);
        (step.need === 'none' ? result.alreadyShared : result.shared).push(step.address);
      } catch (error) {
        // One refused address (no account, a domain's policy) leaves the others shared.
        result.failed.push({ address: step.address, reason: reasonOf(error) });
      }
    }
    result.access = sharedAccess(fileGrants(file.id));
    return { ok: true, value: result };
  } finally {
    lock.releaseLock();
  }
}
