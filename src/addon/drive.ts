// Thin adapter over the advanced Drive service (v3): the add-on's own folder, and the files it
// writes there. Under the drive.file scope the add-on sees only what it created, which is all it
// needs; DriveApp would need the whole Drive (the `drive` scope), never granted.
import type { Grant } from '../core/share';

const FOLDER_NAME = 'Publipostage ENT';

export interface DriveFileRef {
  id: string;
  name: string;
  url: string;
}

const FOLDER_KEY = 'publipostage.driveFolderId';
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const DOC_MIME = 'application/vnd.google-apps.document';
const REF_FIELDS = 'id,name,webViewLink';

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error('The advanced Drive service (v3) is not enabled in appsscript.json.');
  }
  return Drive;
}

function ref(file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): DriveFileRef {
  return { id: file.id!, name: file.name!, url: file.webViewLink! };
}

/** The stored folder, if it is still there and not in the bin (a deleted one is not found). */
function storedFolder(id: string | null): string | null {
  if (!id) return null;
  try {
    const folder = drive().Files.get(id, { fields: 'id,trashed' });
    return folder.trashed ? null : id;
  } catch {
    // Deleted for good: Drive answers "File not found"; the folder is made again.
    return null;
  }
}

/** The add-on's folder id: kept in user properties, found again, recreated if trashed or deleted. */
function addonFolderId(): string {
  const properties = PropertiesService.getUserProperties();
  const known = storedFolder(properties.getProperty(FOLDER_KEY));
  if (known) return known;
  // One maker at a time (two sidebars at first use would make two folders); past the wait, make
  // it anyway: a second folder is better than no export.
  const lock = LockService.getUserLock();
  const locked = lock.tryLock(10_000);
  try {
    const madeMeanwhile = locked ? storedFolder(properties.getProperty(FOLDER_KEY)) : null;
    if (madeMeanwhile) return madeMeanwhile;
    // Lost properties: the folder this add-on made before (drive.file lists nothing else).
    const found = drive().Files.list({
      q: `name = '${FOLDER_NAME}' and mimeType = '${FOLDER_MIME}' and trashed = false`,
      fields: 'files(id)',
      pageSize: 1,
    }).files?.[0]?.id;
    const id = found ?? drive().Files.create({ name: FOLDER_NAME, mimeType: FOLDER_MIME }).id!;
    properties.setProperty(FOLDER_KEY, id);
    return id;
  } finally {
    if (locked) lock.releaseLock();
  }
}

/** A file in the add-on's folder: text content, or a Blob (a PDF). */
export function createFileInFolder(
  name: string,
  mimeType: string,
  content: string | GoogleAppsScript.Base.Blob,
): DriveFileRef {
  const media = typeof content === 'string' ? Utilities.newBlob(content, mimeType, name) : content;
  const file = drive().Files.create({ name, mimeType, parents: [addonFolderId()] }, media, {
    fields: REF_FIELDS,
  });
  return ref(file);
}

/** An empty Google Doc in the add-on's folder (the Docs API writes its content). */
export function createGoogleDoc(name: string): DriveFileRef {
  const { id } = drive().Files.create({ name, mimeType: DOC_MIME, parents: [addonFolderId()] });
  return ref(drive().Files.get(id!, { fields: REF_FIELDS }));
}

/** Moves a file the add-on created to the bin; a file already gone is not an error. */
export function trashFile(id: string): void {
  try {
    drive().Files.update({ trashed: true }, id);
  } catch {
    // Already deleted (Drive answers "File not found"): nothing left to clean.
  }
}

const SHEETS_MIME = 'application/vnd.google-apps.spreadsheet';

/** An empty Google Sheets file in the add-on's folder (SpreadsheetApp.openById writes it). */
export function createGoogleSheet(name: string): DriveFileRef {
  const { id } = drive().Files.create({ name, mimeType: SHEETS_MIME, parents: [addonFolderId()] });
  return ref(drive().Files.get(id!, { fields: REF_FIELDS }));
}

/** A file the add-on made, if it is still there and not in the bin. */
export function liveFile(id: string | null): DriveFileRef | null {
  if (!id) return null;
  try {
    const file = drive().Files.get(id, { fields: `${REF_FIELDS},trashed` });
    return file.trashed ? null : ref(file);
  } catch {
    // Deleted for good: Drive answers "File not found".
    return null;
  }
}

/** Who may open the file: its owner and the users it is shared with. */
export function fileGrants(id: string): Grant[] {
  const list = drive().Permissions.list(id, { fields: 'permissions(id,role,emailAddress)' });
  return (list.permissions ?? []).map((p) => ({
    id: p.id!,
    role: p.role!,
    emailAddress: p.emailAddress ?? '',
  }));
}

/** Shares the file with one user; Drive e-mails them the link with `message`. */
export function grantAccess(id: string, emailAddress: string, role: string, message: string) {
  drive().Permissions.create({ type: 'user', role, emailAddress }, id, {
    sendNotificationEmail: true,
    emailMessage: message,
    fields: 'id',
  });
}

/** Changes the role of an existing grant (no e-mail: the user already has the link). */
export function changeRole(id: string, permissionId: string, role: string): void {
  drive().Permissions.update({ role }, id, permissionId, { fields: 'id' });
}
