// Thin adapter over DriveApp: the add-on's own folder, and files written into it. With the
// drive.file scope, the add-on sees only what it created, which is all it needs.
export const FOLDER_NAME = 'Publipostage ENT';

export function addonFolder(): GoogleAppsScript.Drive.Folder {
  const found = DriveApp.getFoldersByName(FOLDER_NAME);
  return found.hasNext() ? found.next() : DriveApp.createFolder(FOLDER_NAME);
}

export function saveTextFile(name: string, content: string, mimeType: string) {
  const file = addonFolder().createFile(name, content, mimeType);
  return { name: file.getName(), url: file.getUrl(), id: file.getId() };
}
