// The advanced Drive service, v3 (global `Drive` when the manifest enables it): Files.create,
// get, update, list and remove over the DriveStore that DriveApp reads too.
// Apps Script's page: https://developers.google.com/apps-script/advanced/drive ; the methods are
// the REST API's: https://developers.google.com/workspace/drive/api/reference/rest/v3/files
// Under the drive.file scope the add-on sees only the files it made
// (https://developers.google.com/workspace/drive/api/guides/api-specific-auth): any other id is
// "File not found", as a file that does not exist. docs/EMULATOR.md lists what is a guess.
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';
import { EmuFile, EmuFolder, type DriveStore, type EmuPermission } from './drive';
import { type Manifest } from './manifest';
import { MIME_TYPES } from './mime-type';
import { registerScopes } from './scopes';
import { EmuBlob } from './utilities';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
type Item = EmuFile | EmuFolder;

const SCOPE = 'https://www.googleapis.com/auth/';
const FULL = [`${SCOPE}drive`];
const READ = [`${SCOPE}drive`, `${SCOPE}drive.readonly`];
/** files.create/update/delete: drive or drive.file; get/list also drive.readonly (each method's "Authorization scopes"). */
const WRITE_SCOPES = [`${SCOPE}drive`, `${SCOPE}drive.file`];
const READ_SCOPES = [...READ, `${SCOPE}drive.file`];

/** Every field of the v3 File resource (the reference's schema); those below are emulated. */
const FILE_FIELDS = new Set(
  (
    'appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission ' +
    'createdTime description driveId explicitlyTrashed exportLinks fileExtension folderColorRgb ' +
    'fullFileExtension hasAugmentedPermissions hasThumbnail headRevisionId iconLink id ' +
    'imageMediaMetadata isAppAuthorized kind labelInfo lastModifyingUser linkShareMetadata ' +
    'md5Checksum mimeType modifiedByMe modifiedByMeTime modifiedTime name originalFilename ' +
    'ownedByMe owners parents permissionIds permissions properties quotaBytesUsed resourceKey ' +
    'sha1Checksum sha256Checksum shared sharedWithMeTime sharingUser shortcutDetails size spaces ' +
    'starred teamDriveId thumbnailLink thumbnailVersion trashed trashedTime trashingUser version ' +
    'videoMediaMetadata viewedByMe viewedByMeTime viewersCanCopyContent webContentLink ' +
    'webViewLink writersCanShare'
  ).split(' '),
);
const EMULATED_FIELDS = [
  'kind', 'id', 'name', 'mimeType', 'parents', 'trashed', 'explicitlyTrashed', 'createdTime',
  'modifiedTime', 'size', 'webViewLink', 'ownedByMe', 'isAppAuthorized',
] as const; // prettier-ignore
/** What files.create, get and update answer without `fields` (guess 31, docs/EMULATOR.md). */
const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const LIST_FIELDS = new Set(['kind', 'files', 'nextPageToken', 'incompleteSearch']);
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** What Apps Script throws when the API answers an error: `GoogleJsonResponseException`. */
export class GoogleJsonResponseException extends Error {
  override name = 'GoogleJsonResponseException';
  constructor(method: string, message: string, resource: 'files' | 'permissions' = 'files') {
    super(`API call to drive.${resource}.${method} failed with error: ${message}`);
  }
}

/** The scope check of every call (runtime.ts), keyed as the call counters name the methods. */
registerScopes(
  'Drive_v3',
  {
    'Drive.newFile': [],
    'Drive.Files.create': WRITE_SCOPES,
    'Drive.Files.update': WRITE_SCOPES,
    'Drive.Files.remove': WRITE_SCOPES,
    'Drive.Files.get': READ_SCOPES,
    'Drive.Files.list': READ_SCOPES,
    // permissions.create, update and delete: drive or drive.file; list also drive.readonly
    // (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create …).
    'Drive.Permissions.create': WRITE_SCOPES,
    'Drive.Permissions.update': WRITE_SCOPES,
    'Drive.Permissions.remove': WRITE_SCOPES,
    'Drive.Permissions.list': READ_SCOPES,
  },
  (key) => {
    const [, collection, method = key] = key.split('.');
    return new GoogleJsonResponseException(
      method === 'remove' ? 'delete' : method,
      'Request had insufficient authentication scopes.',
      collection === 'Permissions' ? 'permissions' : 'files',
    );
  },
);

const notFound = (method: string, id: string) =>
  new GoogleJsonResponseException(method, `File not found: ${id}.`);

/** A comma-separated selector (`id,name`, `files(id,name),nextPageToken`, `*`) → top-level keys. */
function parseSelector(
  method: string,
  selector: string,
  collection: 'files' | 'permissions' = 'files',
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let depth = 0;
  let start = 0;
  const push = (part: string) => {
    const trimmed = part.trim();
    if (!trimmed) return;
    const match = /^([A-Za-z*]+)(?:\((.*)\)|\/(.*))?$/s.exec(trimmed);
    if (!match)
      throw new GoogleJsonResponseException(
        method,
        `Invalid field selection ${trimmed}`,
        collection,
      );
    out.set(match[1]!, match[2] ?? match[3] ?? null);
  };
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      push(selector.slice(start, i));
      start = i + 1;
    }
  }
  push(selector.slice(start));
  return out;
}

/** A resource's fields: all the reference lists, those emulated, those answered by default. */
interface ResourceFields {
  collection: 'files' | 'permissions';
  all: ReadonlySet<string>;
  emulated: readonly string[];
  defaults: string[];
}

/**
 * The fields a `fields` selector asks of a resource: `*` is every emulated one; a field the
 * resource does not have is the API's error, one it has but not emulated a TypeError.
 */
function fieldsOf(resource: ResourceFields, method: string, selector: string | null): string[] {
  if (selector === null || selector.trim() === '') return resource.defaults;
  const fields: string[] = [];
  for (const [field, sub] of parseSelector(method, selector, resource.collection)) {
    if (field === '*') {
      fields.push(...resource.emulated);
      continue;
    }
    if (!resource.all.has(field))
      throw new GoogleJsonResponseException(
        method,
        `Invalid field selection ${field}`,
        resource.collection,
      );
    if (!resource.emulated.includes(field) || sub !== null)
      throw new TypeError(
        `Drive.${resource.collection === 'files' ? 'Files' : 'Permissions'} : le champ ${field} n'est pas émulé (voir docs/EMULATOR.md).`,
      );
    fields.push(field);
  }
  return fields;
}

const FILE: ResourceFields = {
  collection: 'files',
  all: FILE_FIELDS,
  emulated: EMULATED_FIELDS,
  defaults: DEFAULT_FIELDS,
};
const fileFieldsOf = (method: string, selector: string | null) => fieldsOf(FILE, method, selector);

/** The value of a `q` string literal: single quotes, `\'` and `\\` escaped. */
type Token = { kind: 'word' | 'string' | 'op' | 'paren'; value: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= q.length) throw new Error('unterminated string');
        const d = q[i]!;
        if (d === '\\') {
          value += q[i + 1] ?? '';
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', value: c });
      i++;
    } else if (/[=!<>]/.test(c)) {
      const op = /^(!=|<=|>=|=|<|>)/.exec(q.slice(i))![0];
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    } else {
      const word = /^[A-Za-z0-9_.]+/.exec(q.slice(i));
      if (!word) throw new Error(`unexpected ${c}`);
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

type Predicate = (item: Item) => boolean;

/** The query terms Drive knows (ref-search-terms) beyond those emulated: said, not "Invalid Value". */
const OTHER_TERMS = new Set(
  (
    'fullText modifiedTime viewedByMeTime starred owners writers readers sharedWithMe ' +
    'createdTime properties appProperties visibility shortcutDetails.targetId'
  ).split(' '),
);

class QueryNotEmulated extends TypeError {}

/**
 * The query language of files.list, the terms the emulator knows: name (=, !=, contains),
 * mimeType (=, !=), trashed (=, !=), 'id' in parents, with and, or, not and parentheses
 * (https://developers.google.com/workspace/drive/api/guides/ref-search-terms).
 */
function parseQuery(q: string, store: DriveStore): Predicate {
  const tokens = tokenize(q);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => {
    const token = tokens[at++];
    if (!token) throw new Error('unexpected end');
    return token;
  };
  const keyword = (word: string) => {
    const token = peek();
    if (token?.kind === 'word' && token.value.toLowerCase() === word) {
      at++;
      return true;
    }
    return false;
  };
  /** `next` once, then again after each `word`: the operands of a chain of ors or of ands. */
  const operands = (word: string, next: () => Predicate): Predicate[] => {
    const parts = [next()];
    while (keyword(word)) parts.push(next());
    return parts;
  };
  const or = (): Predicate => {
    const parts = operands('or', and);
    return (item) => parts.some((part) => part(item));
  };
  const and = (): Predicate => {
    const parts = operands('and', unary);
    return (item) => parts.every((part) => part(item));
  };
  const unary = (): Predicate => {
    if (keyword('not')) {
      const inner = unary();
      return (item) => !inner(item);
    }
    const token = peek();
    if (token?.kind === 'paren' && token.value === '(') {
      at++;
      const inner = or();
      const close = take();
      if (close.value !== ')') throw new Error('missing )');
      return inner;
    }
    return term();
  };
  const term = (): Predicate => {
    const first = take();
    if (first.kind === 'string') {
      if (!keyword('in')) throw new Error('expected in');
      const collection = take();
      if (collection.kind !== 'word' || collection.value !== 'parents')
        throw new Error('unknown collection');
      const id = first.value === 'root' ? store.root.id : first.value;
      return (item) => item.parent?.id === id;
    }
    if (first.kind !== 'word') throw new Error('expected a term');
    if (OTHER_TERMS.has(first.value))
      throw new QueryNotEmulated(
        `Drive.Files.list : le terme ${first.value} n'est pas émulé (voir docs/EMULATOR.md).`,
      );
    const op = take();
    if (op.kind === 'word' && op.value === 'contains' && first.value === 'name') {
      const value = take();
      if (value.kind !== 'string') throw new Error('expected a string');
      const wanted = words(value.value);
      return (item) => {
        const have = words(item.name);
        return wanted.every((word) => have.some((token) => token.startsWith(word)));
      };
    }
    if (op.kind !== 'op' || (op.value !== '=' && op.value !== '!=')) throw new Error('operator');
    const value = take();
    const equal = (a: unknown, b: unknown) => (op.value === '=' ? a === b : a !== b);
    switch (first.value) {
      case 'name':
      case 'mimeType':
        if (value.kind !== 'string') throw new Error('expected a string');
        return first.value === 'name'
          ? (item) => equal(item.name, value.value)
          : (item) => equal(mimeTypeOf(item), value.value);
      case 'trashed':
        if (value.kind !== 'word' || !/^(true|false)$/.test(value.value))
          throw new Error('expected a boolean');
        return (item) => equal(store.inBin(item), value.value === 'true');
      default:
        throw new Error('unknown term');
    }
  };
  const predicate = or();
  if (at !== tokens.length) throw new Error('trailing tokens');
  return predicate;
}

/**
 * `name contains` matches prefixes only ("a query of name contains 'World' doesn't" find
 * HelloWorld, ref-search-terms); case-insensitive, of words cut at every character that is not
 * a letter or digit, each word of the value a prefix of one of the name's (as developers report).
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function mimeTypeOf(item: Item): string {
  return item instanceof EmuFolder ? MIME_TYPES.FOLDER : item.mimeType;
}

/** Drive's link to open the item in a browser (`usp=drivesdk`: guess 31). */
function webViewLink(item: Item): string {
  if (item instanceof EmuFolder) return `https://drive.google.com/drive/folders/${item.id}`;
  if (item.mimeType === MIME_TYPES.GOOGLE_DOCS)
    return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === MIME_TYPES.GOOGLE_SHEETS)
    return `https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}

/**
 * What a call may touch: everything under `drive` (`drive.readonly` for a read), else what the
 * app created (drive.file). Whether any scope of the method is granted at all, the runtime has
 * already checked (registerScopes above); a manifest without oauthScopes grants every scope
 * there, so it sees everything here. Files and Permissions share this rule.
 */
function reach(store: DriveStore, manifest: Manifest, read: boolean): (item: Item) => boolean {
  const granted = manifest.oauthScopes;
  const everything = !granted || (read ? READ : FULL).some((scope) => granted.includes(scope));
  return (item) => item !== store.root && (everything || item.createdByApp);
}

export class EmuDriveFiles implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'create' | 'get' | 'list' | 'remove' | 'update'
> {
  readonly [GAS_CLASS] = 'Drive.Files';
  readonly [GAS_SERVICE] = 'Drive_v3';
  constructor(
    private readonly store: DriveStore,
    private readonly manifest: Manifest,
  ) {}

  private sees(method: string): (item: Item) => boolean {
    return reach(this.store, this.manifest, method === 'get' || method === 'list');
  }

  private visible(method: string, id: unknown): Item {
    const sees = this.sees(method);
    const item = this.store.itemById(String(id));
    if (!item || !sees(item)) throw notFound(method, String(id));
    return item;
  }

  private resource(item: Item, fields: readonly string[]): Schema {
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field] = this.field(item, field);
    for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
    return out as Schema;
  }

  private field(item: Item, field: string): unknown {
    switch (field) {
      case 'kind':
        return 'drive#file';
      case 'id':
        return item.id;
      case 'name':
        return item.name;
      case 'mimeType':
        return mimeTypeOf(item);
      case 'parents':
        return item.parent ? [item.parent.id] : undefined;
      case 'trashed':
        return this.store.inBin(item);
      case 'explicitlyTrashed':
        return item.trashed;
      case 'createdTime':
      case 'modifiedTime':
        return item.created.toISOString();
      case 'size':
        // int64 fields are strings in the API's JSON; Google files have no size.
        return item instanceof EmuFile && !item.mimeType.startsWith('application/vnd.google-apps.')
          ? String(item.bytes.length)
          : undefined;
      case 'webViewLink':
        return webViewLink(item);
      case 'ownedByMe':
        return true;
      case 'isAppAuthorized':
        return item.createdByApp;
      default:
        return undefined;
    }
  }

  private parentOf(method: string, resource: Schema): EmuFolder {
    const parents = resource.parents;
    if (parents === undefined || parents === null) return this.store.root;
    if (!Array.isArray(parents)) throw new GoogleJsonResponseException(method, 'Invalid Value');
    if (parents.length === 0) return this.store.root;
    if (parents.length > 1)
      throw new GoogleJsonResponseException(
        method,
        'Increasing the number of parents is not allowed.',
      );
    return this.folder(method, String(parents[0]));
  }

  private folder(method: string, id: string): EmuFolder {
    if (id === 'root') return this.store.root;
    const item = this.visible(method, id);
    if (!(item instanceof EmuFolder))
      throw new GoogleJsonResponseException(method, 'Invalid Value');
    return item;
  }

  /**
   * files.create: metadata, optionally with media (a Blob). A folder for the folder MIME type;
   * an empty Google Doc for the Docs type without media; a binary file otherwise (the MIME type
   * given, else the blob's). Without a name: "Untitled" (the create-file guide).
   */
  create(resource: Schema): Schema;
  create(resource: Schema, mediaData: GoogleAppsScript.Base.Blob): Schema;
  create(
    resource: Schema,
    mediaData: GoogleAppsScript.Base.Blob,
    optionalArgs: Record<string, unknown>,
  ): Schema;
  create(resource: Schema, mediaData?: unknown, optionalArgs?: Record<string, unknown>): Schema {
    const meta = (resource ?? {}) as Schema;
    const fields = fileFieldsOf('create', fieldsArg(optionalArgs));
    const parent = this.parentOf('create', meta);
    const name = meta.name === undefined || meta.name === null ? 'Untitled' : String(meta.name);
    const media = mediaData === undefined || mediaData === null ? null : blobOf(mediaData);
    const mimeType = meta.mimeType ?? media?.contentType ?? 'application/octet-stream';
    let item: Item;
    if (mimeType === MIME_TYPES.FOLDER) {
      if (media) throw new GoogleJsonResponseException('create', 'Invalid Value');
      item = this.store.addFolder(name, parent);
    } else if (mimeType.startsWith('application/vnd.google-apps.')) {
      const creator = this.store.creators.get(mimeType);
      if (!creator || media)
        throw new TypeError(
          `Drive.Files.create : un fichier ${mimeType}${media ? ' importé' : ''} n'est pas émulé (voir docs/EMULATOR.md).`,
        );
      item = this.store.addFile(name, new Uint8Array(0), mimeType, parent);
      creator(item);
    } else {
      item = this.store.addFile(
        name,
        media ? media.bytes.slice() : new Uint8Array(0),
        mimeType,
        parent,
      );
    }
    return this.resource(item, fields);
  }

  /** files.get: a trashed file is still found (its `trashed` says so). `alt: 'media'` is not emulated. */
  get(fileId: string): Schema;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): Schema;
  get(fileId: string, optionalArgs?: Record<string, unknown>): Schema | string {
    if (optionalArgs?.alt !== undefined && optionalArgs.alt !== 'json')
      throw new TypeError(
        `Drive.Files.get : alt=${String(optionalArgs.alt)} n'est pas émulé (voir docs/EMULATOR.md).`,
      );
    const fields = fileFieldsOf('get', fieldsArg(optionalArgs));
    const id = String(fileId) === 'root' ? this.store.root.id : String(fileId);
    const item = this.visible('get', id);
    return this.resource(item, fields);
  }

  /**
   * files.update (patch): name, trashed, description-free metadata; addParents/removeParents
   * move the file. `parents` in the body is refused, as the API refuses it.
   */
  update(resource: Schema, fileId: string): Schema;
  update(resource: Schema, fileId: string, mediaData: GoogleAppsScript.Base.Blob): Schema;
  update(
    resource: Schema,
    fileId: string,
    mediaData: GoogleAppsScript.Base.Blob,
    optionalArgs: Record<string, unknown>,
  ): Schema;
  update(
    resource: Schema,
    fileId: string,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): Schema {
    const item = this.visible('update', fileId);
    const fields = fileFieldsOf('update', fieldsArg(optionalArgs));
    const meta = (resource ?? {}) as Record<string, unknown>;
    if ('parents' in meta)
      throw new GoogleJsonResponseException(
        'update',
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    for (const key of Object.keys(meta)) {
      if (key !== 'name' && key !== 'trashed')
        throw new TypeError(
          `Drive.Files.update : le champ ${key} n'est pas émulé (voir docs/EMULATOR.md).`,
        );
    }
    if (mediaData !== undefined && mediaData !== null) {
      if (!(item instanceof EmuFile) || item.mimeType.startsWith('application/vnd.google-apps.'))
        throw new TypeError("Drive.Files.update : le contenu d'un fichier Google n'est pas émulé.");
    }
    const add = idList(optionalArgs?.addParents);
    const remove = idList(optionalArgs?.removeParents);
    let parent = item.parent;
    for (const id of remove) {
      if (parent?.id !== id && !(id === 'root' && parent === this.store.root)) continue;
      parent = null;
    }
    for (const id of add) {
      const target = this.folder('update', id);
      // Drive refuses a parent that would make a cycle (the handle-errors guide's badRequest).
      for (let at: EmuFolder | null = target; at; at = at.parent) {
        if (at === item)
          throw new GoogleJsonResponseException('update', 'The parent would create a cycle.');
      }
      if (parent && parent !== target)
        throw new GoogleJsonResponseException(
          'update',
          'Increasing the number of parents is not allowed.',
        );
      parent = target;
    }
    if (typeof meta.name === 'string') item.name = meta.name;
    if (meta.trashed !== undefined) item.trashed = meta.trashed === true;
    if (parent !== item.parent) item.parent = parent ?? this.store.root;
    if (mediaData !== undefined && mediaData !== null && item instanceof EmuFile)
      item.bytes = blobOf(mediaData).bytes.slice();
    return this.resource(item, fields);
  }

  /**
   * files.list: every file the app may see, trashed ones included unless `q` says
   * `trashed = false` (the reference's note); pages of `pageSize` (100 by default, at most 1000).
   */
  list(): FileList;
  list(optionalArgs: Record<string, unknown>): FileList;
  list(optionalArgs?: Record<string, unknown>): FileList {
    const sees = this.sees('list');
    const args = optionalArgs ?? {};
    let predicate: Predicate = () => true;
    if (args.q !== undefined && String(args.q).trim() !== '') {
      try {
        predicate = parseQuery(String(args.q), this.store);
      } catch (error) {
        if (error instanceof QueryNotEmulated) throw error;
        throw new GoogleJsonResponseException('list', 'Invalid Value');
      }
    }
    const pageSize = args.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(args.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
      throw new GoogleJsonResponseException('list', 'Invalid Value');
    const start = args.pageToken === undefined ? 0 : Number(args.pageToken);
    if (!Number.isInteger(start) || start < 0)
      throw new GoogleJsonResponseException('list', 'Invalid Value');
    let listFields = new Map<string, string | null>([
      ['kind', null],
      ['files', DEFAULT_FIELDS.join(',')],
      ['nextPageToken', null],
      ['incompleteSearch', null],
    ]);
    const selector = fieldsArg(args);
    if (selector !== null && selector.trim() !== '') {
      listFields = parseSelector('list', selector);
      for (const key of listFields.keys())
        if (!LIST_FIELDS.has(key))
          throw new GoogleJsonResponseException('list', `Invalid field selection ${key}`);
    }
    const fileFields = fileFieldsOf('list', listFields.get('files') ?? null);
    const items = [...this.store.folders, ...this.store.files].filter(
      (item) => sees(item) && predicate(item),
    );
    const page = items.slice(start, start + pageSize);
    const out: Record<string, unknown> = {};
    if (listFields.has('kind')) out.kind = 'drive#fileList';
    if (listFields.has('incompleteSearch')) out.incompleteSearch = false;
    if (listFields.has('nextPageToken') && start + pageSize < items.length)
      out.nextPageToken = String(start + pageSize);
    if (listFields.has('files')) out.files = page.map((item) => this.resource(item, fileFields));
    return out as FileList;
  }

  /** files.delete (`remove`, delete being reserved): for good, a folder with its content. */
  remove(fileId: string): void;
  remove(fileId: string, optionalArgs: Record<string, unknown>): void;
  remove(fileId: string): void {
    const item = this.visible('delete', fileId);
    this.store.deleteForever(item.id);
  }
}

function fieldsArg(args: Record<string, unknown> | undefined): string | null {
  const fields = args?.fields;
  return fields === undefined || fields === null ? null : String(fields);
}

function idList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return String(value)
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

function blobOf(value: unknown): EmuBlob {
  if (value instanceof EmuBlob) return value;
  const source = value as { getBlob?: () => unknown };
  if (typeof source?.getBlob === 'function') return source.getBlob() as EmuBlob;
  throw new TypeError('Drive.Files : mediaData doit être un Blob.');
}

type PermissionSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;

/** Every field of the v3 Permission resource; those below are emulated. */
const PERMISSION_FIELDS = new Set(
  (
    'allowFileDiscovery deleted displayName domain emailAddress expirationTime id kind ' +
    'pendingOwner permissionDetails photoLink role teamDrivePermissionDetails type view ' +
    'inheritedPermissionsDisabled'
  ).split(' '),
);
const EMULATED_PERMISSION_FIELDS = ['kind', 'id', 'type', 'role', 'emailAddress'] as const;
/** What permissions.create and list answer without `fields` (guess 40, docs/EMULATOR.md). */
const DEFAULT_PERMISSION_FIELDS = ['kind', 'id', 'type', 'role'];
/** The roles of the Permission resource; organizer and fileOrganizer are shared drives' only. */
const ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader']);
const TYPES = new Set(['user', 'group', 'domain', 'anyone']);
/** The roles a `user` grant may have here; the owner's is the emulator's user's alone. */
const GRANTED_ROLES = ['writer', 'commenter', 'reader'];
const PERMISSION: ResourceFields = {
  collection: 'permissions',
  all: PERMISSION_FIELDS,
  emulated: EMULATED_PERMISSION_FIELDS,
  defaults: DEFAULT_PERMISSION_FIELDS,
};
/** The owner's permission id: the emulator's one user owns every file (guess 41). */
const OWNER_PERMISSION = 'emu-permission-owner';

type Grant = { id: string; type: string; role: string; emailAddress: string };

/**
 * Drive.Permissions: who else may open a file. The owner (the emulator's user) is listed first;
 * only `user` grants of reader, commenter or writer are emulated. Under drive.file the add-on
 * shares only the files it made (api-specific-auth: drive.file reaches only the app's files);
 * any other id is "File not found", as for files.
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
export class EmuDrivePermissions implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection,
  'create' | 'list' | 'remove' | 'update'
> {
  readonly [GAS_CLASS] = 'Drive.Permissions';
  readonly [GAS_SERVICE] = 'Drive_v3';
  constructor(
    private readonly store: DriveStore,
    private readonly manifest: Manifest,
    private readonly owner: () => string,
  ) {}

  private error(method: string, message: string) {
    return new GoogleJsonResponseException(method, message, 'permissions');
  }

  /** The file, when the scopes let the add-on reach it (the same rule as Drive.Files). */
  private item(method: string, fileId: unknown): Item {
    const item = this.store.itemById(String(fileId));
    if (!item || !reach(this.store, this.manifest, method === 'list')(item))
      throw this.error(method, `File not found: ${String(fileId)}.`);
    return item;
  }

  private grants(item: Item): Grant[] {
    const owner = { id: OWNER_PERMISSION, type: 'user', role: 'owner', emailAddress: this.owner() };
    return [owner, ...(this.store.permissions.get(item.id) ?? [])];
  }

  private fields(method: string, selector: string | null): string[] {
    return fieldsOf(PERMISSION, method, selector);
  }

  private resource(grant: Grant, fields: readonly string[]): PermissionSchema {
    const out: Record<string, unknown> = {};
    for (const field of fields)
      out[field] = field === 'kind' ? 'drive#permission' : grant[field as keyof Grant];
    return out as PermissionSchema;
  }

  /**
   * permissions.create: a `user` grant needs an emailAddress; sendNotificationEmail defaults to
   * true for users, and emailMessage rides in that e-mail (the method's query parameters,
   * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create).
   * Granting an address that already has a permission changes its role (guess 42); an address
   * staged as unshareable fails as Drive refuses a sharing request (guess 43).
   */
  create(resource: PermissionSchema, fileId: string): PermissionSchema;
  create(
    resource: PermissionSchema,
    fileId: string,
    optionalArgs: Record<string, unknown>,
  ): PermissionSchema;
  create(
    resource: PermissionSchema,
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): PermissionSchema {
    const item = this.item('create', fileId);
    const fields = this.fields('create', fieldsArg(optionalArgs));
    const body = (resource ?? {}) as PermissionSchema;
    if (!body.type) throw this.error('create', 'The permission type field is required.');
    if (!body.role) throw this.error('create', 'The permission role field is required.');
    if (!TYPES.has(body.type) || !ROLES.has(body.role)) throw this.error('create', 'Invalid Value');
    if (body.type !== 'user' || !GRANTED_ROLES.includes(body.role))
      throw new TypeError(
        `Drive.Permissions.create : type ${body.type}, rôle ${body.role} non émulés (voir docs/EMULATOR.md).`,
      );
    const email = String(body.emailAddress ?? '').trim();
    if (!email) throw this.error('create', 'The permission emailAddress field is required.');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw this.error('create', `Invalid Value: ${email}`);
    if (this.store.unshareable.has(email.toLowerCase()))
      throw this.error(
        'create',
        `Bad Request. User message: "Sharing with ${email} is not allowed."`,
      );
    const notify = optionalArgs?.sendNotificationEmail;
    const list = this.store.permissions.get(item.id) ?? [];
    const role = body.role as 'writer' | 'commenter' | 'reader';
    let grant = list.find((p) => p.emailAddress.toLowerCase() === email.toLowerCase());
    if (grant) grant.role = role;
    else {
      grant = {
        id: this.store.newId('permission'),
        type: 'user',
        role,
        emailAddress: email,
        notified: notify === undefined || notify === null ? true : notify === true,
        emailMessage:
          optionalArgs?.emailMessage === undefined ? null : String(optionalArgs.emailMessage),
      };
      list.push(grant);
    }
    this.store.permissions.set(item.id, list);
    return this.resource(grant, fields);
  }

  /** permissions.list: the owner first, then the grants in the order made (guess 41). */
  list(fileId: string): PermissionList;
  list(fileId: string, optionalArgs: Record<string, unknown>): PermissionList;
  list(fileId: string, optionalArgs?: Record<string, unknown>): PermissionList {
    const item = this.item('list', fileId);
    const selector = fieldsArg(optionalArgs);
    let inner: string | null = null;
    let kind = true;
    if (selector !== null && selector.trim() !== '') {
      const top = parseSelector('list', selector, 'permissions');
      for (const key of top.keys())
        if (key !== 'kind' && key !== 'permissions' && key !== 'nextPageToken')
          throw this.error('list', `Invalid field selection ${key}`);
      kind = top.has('kind');
      inner = top.get('permissions') ?? null;
      if (!top.has('permissions'))
        return (kind ? { kind: 'drive#permissionList' } : {}) as PermissionList;
    }
    const fields = this.fields('list', inner);
    const out: Record<string, unknown> = {
      permissions: this.grants(item).map((grant) => this.resource(grant, fields)),
    };
    if (kind) out.kind = 'drive#permissionList';
    return out as PermissionList;
  }

  /** permissions.update: the role of a grant (the owner's is not emulated). */
  update(resource: PermissionSchema, fileId: string, permissionId: string): PermissionSchema;
  update(
    resource: PermissionSchema,
    fileId: string,
    permissionId: string,
    optionalArgs: Record<string, unknown>,
  ): PermissionSchema;
  update(
    resource: PermissionSchema,
    fileId: string,
    permissionId: string,
    optionalArgs?: Record<string, unknown>,
  ): PermissionSchema {
    const item = this.item('update', fileId);
    const fields = this.fields('update', fieldsArg(optionalArgs));
    const grant = this.store.permissions.get(item.id)?.find((p) => p.id === String(permissionId));
    if (!grant) throw this.error('update', `Permission not found: ${String(permissionId)}.`);
    const role = (resource ?? {}).role;
    if (role !== undefined) {
      if (!ROLES.has(role)) throw this.error('update', 'Invalid Value');
      if (!GRANTED_ROLES.includes(role))
        throw new TypeError(
          `Drive.Permissions.update : rôle ${role} non émulé (voir docs/EMULATOR.md).`,
        );
      grant.role = role as EmuPermission['role'];
    }
    return this.resource(grant, fields);
  }

  /** permissions.delete (`remove`): the grant goes; the owner's cannot be removed this way. */
  remove(fileId: string, permissionId: string): void;
  remove(fileId: string, permissionId: string, optionalArgs: Record<string, unknown>): void;
  remove(fileId: string, permissionId: string): void {
    const item = this.item('delete', fileId);
    const list = this.store.permissions.get(item.id) ?? [];
    const at = list.findIndex((p) => p.id === String(permissionId));
    if (at < 0) throw this.error('delete', `Permission not found: ${String(permissionId)}.`);
    list.splice(at, 1);
  }
}

/** The `Drive` global: Files and Permissions are emulated. */
export class EmuDriveV3 implements Pick<
  GoogleAppsScript.Drive,
  'Files' | 'Permissions' | 'newFile'
> {
  readonly [GAS_CLASS] = 'Drive';
  readonly [GAS_SERVICE] = 'Drive_v3';
  readonly Files: GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
  readonly Permissions: GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
  constructor(
    store: DriveStore,
    manifest: Manifest,
    owner: () => string = () => 'referent.ent@example.org',
  ) {
    this.Files = asGas(new EmuDriveFiles(store, manifest));
    this.Permissions = asGas(new EmuDrivePermissions(store, manifest, owner));
  }
  newFile(): Schema {
    return {};
  }
}
