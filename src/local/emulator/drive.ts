// DriveApp's basics, and the Drive both DriveApp and the advanced Drive service (drive-v3.ts)
// read: folders and files kept in memory with their bytes so the page can offer them for
// download. Each item records whether the add-on made it (what the drive.file scope shows) or
// the user did (a test stages those with userFolder/userFile).
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';
import { MIME_TYPES } from './mime-type';
import { EmuBlob, blobBytes } from './utilities';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** One grantee's access to a file (Drive v3's Permission resource, drive-v3.ts). */
export interface EmuPermission {
  id: string;
  type: 'user';
  role: 'writer' | 'commenter' | 'reader';
  emailAddress: string;
  /** Whether Drive sent the grantee its notification e-mail, and the message in it. */
  notified: boolean;
  emailMessage: string | null;
}

export class DriveStore {
  readonly files: EmuFile[] = [];
  readonly folders: EmuFolder[] = [];
  readonly root: EmuFolder;
  /** Each item's permissions beyond its owner's, by item id (Drive v3's Permissions). */
  readonly permissions = new Map<string, EmuPermission[]>();
  /** Staged by tests: addresses Drive refuses to share with (Permissions.create fails for them). */
  readonly unshareable = new Set<string>();
  private next = 1;
  constructor(readonly now: () => number) {
    this.root = new EmuFolder(this, 'root', 'Mon Drive', null);
    this.root.createdByApp = false;
  }
  newId(kind: string): string {
    return `emu-${kind}-${String(this.next++).padStart(4, '0')}`;
  }
  fileById(id: string): EmuFile | undefined {
    return this.files.find((file) => file.id === id);
  }
  folderById(id: string): EmuFolder | undefined {
    if (id === this.root.id) return this.root;
    return this.folders.find((folder) => folder.id === id);
  }
  /** A file or a folder, by id. */
  itemById(id: string): EmuFile | EmuFolder | undefined {
    return this.fileById(id) ?? this.folderById(id);
  }
  /** A new folder (DriveApp's createFolder and the advanced service's create both go here). */
  addFolder(name: string, parent: EmuFolder): EmuFolder {
    const folder = new EmuFolder(this, this.newId('folder'), name, parent);
    this.folders.push(folder);
    return folder;
  }
  /** Trashed itself, or inside a trashed folder: Drive trashes a folder's content with it. */
  inBin(item: EmuFile | EmuFolder): boolean {
    for (let at: EmuFile | EmuFolder | null = item; at; at = at.parent) {
      if (at.trashed) return true;
    }
    return false;
  }
  /** Staged by tests: a folder the user made in My Drive, not the add-on. */
  userFolder(name: string, parent: EmuFolder = this.root): EmuFolder {
    const folder = this.addFolder(name, parent);
    folder.createdByApp = false;
    return folder;
  }
  /** Staged by tests: a file the user put in their Drive, not the add-on. */
  userFile(name: string, content: string, mimeType: string, parent = this.root): EmuFile {
    const file = this.addFile(name, blobBytes(content), mimeType, parent);
    file.createdByApp = false;
    return file;
  }
  /** Staged by tests: the user deletes an item for good (emptied from the bin), with its content. */
  deleteForever(id: string): void {
    const item = this.itemById(id);
    if (!item || item === this.root) return;
    const inside = (f: EmuFile | EmuFolder) => {
      for (let at: EmuFile | EmuFolder | null = f; at; at = at.parent) if (at === item) return true;
      return false;
    };
    for (const gone of [...this.files, ...this.folders].filter(inside))
      this.permissions.delete(gone.id);
    this.files.splice(0, this.files.length, ...this.files.filter((f) => !inside(f)));
    this.folders.splice(0, this.folders.length, ...this.folders.filter((f) => !inside(f)));
  }
  /**
   * What makes a new Google file of a type (an empty Doc for a Google Docs file): the module that
   * owns the type registers it (services.ts), as for exporters.
   */
  readonly creators = new Map<string, (file: EmuFile) => void>();
  /** A new file in a folder (DocumentApp.create makes its Docs through this). */
  addFile(name: string, bytes: Uint8Array, mimeType: string, parent: EmuFolder): EmuFile {
    const file = new EmuFile(this, this.newId('file'), name, bytes, mimeType, parent);
    this.files.push(file);
    return file;
  }
  /**
   * Drive's conversions of Google files (a Doc to PDF), by source MIME type; the module that
   * owns the type registers one (document.ts).
   */
  readonly exporters = new Map<string, (file: EmuFile, contentType: string) => EmuBlob>();
  /** The file as `contentType`: its own bytes, or a Google file converted by its exporter. */
  exportFile(file: EmuFile, contentType: string): EmuBlob {
    const exporter = this.exporters.get(file.mimeType);
    if (exporter) return exporter(file, contentType);
    return new EmuBlob(file.bytes.slice(), file.mimeType, file.name).getAs(
      contentType,
    ) as unknown as EmuBlob;
  }
}

export class EmuFileIterator implements Pick<
  GoogleAppsScript.Drive.FileIterator,
  'hasNext' | 'next'
> {
  readonly [GAS_CLASS] = 'FileIterator';
  readonly [GAS_SERVICE] = 'Drive';
  private index = 0;
  constructor(private readonly items: EmuFile[]) {}
  hasNext(): boolean {
    return this.index < this.items.length;
  }
  next(): File {
    const item = this.items[this.index++];
    if (!item) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return asGas(item);
  }
}

export class EmuFolderIterator implements Pick<
  GoogleAppsScript.Drive.FolderIterator,
  'hasNext' | 'next'
> {
  readonly [GAS_CLASS] = 'FolderIterator';
  readonly [GAS_SERVICE] = 'Drive';
  private index = 0;
  constructor(private readonly items: EmuFolder[]) {}
  hasNext(): boolean {
    return this.index < this.items.length;
  }
  next(): Folder {
    const item = this.items[this.index++];
    if (!item) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return asGas(item);
  }
}

function blobOf(source: unknown): EmuBlob {
  if (source instanceof EmuBlob) return source;
  const withBlob = source as { getBlob?: () => unknown };
  if (typeof withBlob?.getBlob === 'function') return withBlob.getBlob() as EmuBlob;
  throw new Error("The parameters don't match the method signature for DriveApp.createFile.");
}

/** createFile(blob) or createFile(name, content, mimeType?), in a folder. */
function createFileIn(store: DriveStore, parent: EmuFolder, args: unknown[]): File {
  if (typeof args[0] === 'string') {
    const [name, content, mimeType] = args as [string, unknown, string | undefined];
    return asGas(
      store.addFile(
        name,
        blobBytes(String(content ?? '')),
        mimeType ?? MIME_TYPES.PLAIN_TEXT,
        parent,
      ),
    );
  }
  const blob = blobOf(args[0]);
  return asGas(
    store.addFile(
      blob.name ?? 'Sans titre',
      blob.bytes.slice(),
      blob.contentType ?? 'application/octet-stream',
      parent,
    ),
  );
}

export class EmuFile implements Pick<
  File,
  | 'getAs'
  | 'getBlob'
  | 'getDateCreated'
  | 'getDownloadUrl'
  | 'getId'
  | 'getMimeType'
  | 'getName'
  | 'getParents'
  | 'getSize'
  | 'getUrl'
  | 'isTrashed'
  | 'moveTo'
  | 'setName'
  | 'setTrashed'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'File';
  readonly [GAS_SERVICE] = 'Drive';
  trashed = false;
  /** Made by the add-on (false: the user's own file, invisible under drive.file). */
  createdByApp = true;
  readonly created: Date;
  constructor(
    private readonly store: DriveStore,
    readonly id: string,
    public name: string,
    public bytes: Uint8Array,
    readonly mimeType: string,
    public parent: EmuFolder,
  ) {
    this.created = new Date(store.now());
  }
  /** A Google Doc as PDF goes through Drive's export (docs/EMULATOR.md). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return asGas(this.store.exportFile(this, String(contentType)));
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return asGas(new EmuBlob(this.bytes.slice(), this.mimeType, this.name));
  }
  getDateCreated(): Date {
    return new Date(this.created.getTime());
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }
  getId(): string {
    return this.id;
  }
  getMimeType(): string {
    return this.mimeType;
  }
  getName(): string {
    return this.name;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return asGas(new EmuFolderIterator([this.parent]));
  }
  getSize(): number {
    return this.bytes.length;
  }
  getUrl(): string {
    if (this.mimeType === MIME_TYPES.GOOGLE_DOCS)
      return `https://docs.google.com/document/d/${this.id}/edit`;
    return `https://drive.google.com/file/d/${this.id}/view`;
  }
  isTrashed(): boolean {
    return this.trashed;
  }
  moveTo(destination: Folder): File {
    this.parent = destination as unknown as EmuFolder;
    return asGas(this);
  }
  setName(name: string): File {
    this.name = String(name);
    return asGas(this);
  }
  setTrashed(trashed: boolean): File {
    this.trashed = Boolean(trashed);
    return asGas(this);
  }
}

export class EmuFolder implements Pick<
  Folder,
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'isTrashed'
  | 'setName'
  | 'setTrashed'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Folder';
  readonly [GAS_SERVICE] = 'Drive';
  trashed = false;
  /** Made by the add-on (false: the user's own folder, invisible under drive.file). */
  createdByApp = true;
  readonly created: Date;
  constructor(
    private readonly store: DriveStore,
    readonly id: string,
    public name: string,
    public parent: EmuFolder | null,
  ) {
    this.created = new Date(store.now());
  }
  createFile(blob: GoogleAppsScript.Base.BlobSource): File;
  createFile(name: string, content: string): File;
  createFile(name: string, content: string, mimeType: string): File;
  createFile(...args: unknown[]): File {
    return createFileIn(this.store, this, args);
  }
  createFolder(name: string): Folder {
    return asGas(this.store.addFolder(String(name), this));
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return asGas(
      new EmuFileIterator(this.store.files.filter((f) => f.parent === this && !f.trashed)),
    );
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return asGas(
      new EmuFileIterator(
        this.store.files.filter((f) => f.parent === this && !f.trashed && f.name === name),
      ),
    );
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return asGas(
      new EmuFolderIterator(this.store.folders.filter((f) => f.parent === this && !f.trashed)),
    );
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return asGas(
      new EmuFolderIterator(
        this.store.folders.filter((f) => f.parent === this && !f.trashed && f.name === name),
      ),
    );
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  isTrashed(): boolean {
    return this.trashed;
  }
  setName(name: string): Folder {
    this.name = String(name);
    return asGas(this);
  }
  setTrashed(trashed: boolean): Folder {
    this.trashed = Boolean(trashed);
    return asGas(this);
  }
}

export class EmuDriveApp implements Pick<
  GoogleAppsScript.Drive.DriveApp,
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFilesByName'
  | 'getFolderById'
  | 'getFoldersByName'
  | 'getRootFolder'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'DriveApp';
  readonly [GAS_SERVICE] = 'Drive';
  constructor(readonly store: DriveStore) {}
  createFile(blob: GoogleAppsScript.Base.BlobSource): File;
  createFile(name: string, content: string): File;
  createFile(name: string, content: string, mimeType: string): File;
  createFile(...args: unknown[]): File {
    return createFileIn(this.store, this.store.root, args);
  }
  createFolder(name: string): Folder {
    return this.store.root.createFolder(name);
  }
  getFileById(id: string): File {
    const file = this.store.fileById(String(id));
    if (!file)
      throw new Error(
        `No item with the given ID could be found, or you do not have permission to access it.`,
      );
    return asGas(file);
  }
  /** Drive-wide search by name: every folder, trashed files excluded. */
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return asGas(
      new EmuFileIterator(this.store.files.filter((f) => !f.trashed && f.name === name)),
    );
  }
  getFolderById(id: string): Folder {
    const folder =
      id === this.store.root.id ? this.store.root : this.store.folders.find((f) => f.id === id);
    if (!folder)
      throw new Error(
        `No item with the given ID could be found, or you do not have permission to access it.`,
      );
    return asGas(folder);
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return asGas(
      new EmuFolderIterator(this.store.folders.filter((f) => !f.trashed && f.name === name)),
    );
  }
  getRootFolder(): Folder {
    return asGas(this.store.root);
  }
}
