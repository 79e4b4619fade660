// Who runs the current execution, and in which document: Apps Script's "current user" and
// "containing document". A sidebar or a menu runs as the referent who opened the spreadsheet,
// in it; an add-on's time-driven trigger runs as the user who made it, with no document:
// https://developers.google.com/apps-script/guides/triggers/installable (runs as its creator)
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers (add-on triggers)
// https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
// (null outside a containing document), and PropertiesService.getDocumentProperties() likewise:
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
import { asGas } from './gas-object';
import { EmuProperties, EmuPropertiesService } from './properties';

export class ExecutionContext {
  /** The effective user's address. */
  user: string;
  /** The containing document's id; null in a time-driven trigger of an add-on. */
  documentId: string | null;
  constructor(
    readonly defaultUser: string,
    readonly defaultDocumentId: string,
  ) {
    this.user = defaultUser;
    this.documentId = defaultDocumentId;
  }
  /** Runs `action` as `user` in `documentId`, then restores the default context. */
  within<T>(user: string, documentId: string | null, action: () => T): T {
    this.user = user;
    this.documentId = documentId;
    try {
      return action();
    } finally {
      this.user = this.defaultUser;
      this.documentId = this.defaultDocumentId;
    }
  }
}

/**
 * PropertiesService per user and per document: `user` and `document` (the base class's) are the
 * default user's and the primary spreadsheet's stores, others are made on first use.
 */
export class ContextPropertiesService extends EmuPropertiesService {
  private readonly users = new Map<string, EmuProperties>();
  private readonly documents = new Map<string, EmuProperties>();
  constructor(private readonly context: ExecutionContext) {
    super();
    this.users.set(context.defaultUser, this.user);
    this.documents.set(context.defaultDocumentId, this.document);
  }
  userStore(email: string): EmuProperties {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new EmuProperties()));
    return store;
  }
  override getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    const id = this.context.documentId;
    if (id === null) return null as unknown as GoogleAppsScript.Properties.Properties;
    let store = this.documents.get(id);
    if (!store) this.documents.set(id, (store = new EmuProperties()));
    return asGas(store);
  }
  override getUserProperties(): GoogleAppsScript.Properties.Properties {
    return asGas(this.userStore(this.context.user));
  }
}
