// The registry of emulated services: each module adds its globals (SpreadsheetApp, DriveApp…)
// and keeps its state in `stores`. DocumentApp, GmailApp and MailApp slot in as more modules.
import { TIME_ZONE } from './cell-input';
import { CallCounters } from './counters';
import { DocumentStore, EmuDocumentApp } from './document';
import { documentToPdf } from './document-pdf';
import { DriveStore, EmuDriveApp } from './drive';
import { EmuDriveV3 } from './drive-v3';
import type { GasObject } from './gas-object';
import { ExecutionState } from './execution';
import { EmuDocs } from './docs-api';
import { LATENCY_TABLES, type LatencyName, type LatencyTable } from './latency';
import { EmuGmailApp, EmuMailApp, MailStore, type SentMessage } from './gmail';
import { EmuHtmlService, type HtmlFileLoader } from './html';
import { EmuLockService } from './lock';
import { advancedService, PROJECT_MANIFEST, type Manifest } from './manifest';
import { EmuConsole, EmuLogger, type LogEntry } from './logger';
import { EmuMimeType, MIME_TYPES } from './mime-type';
import { EmuScriptApp, TriggerStore } from './script-app';
import { EmuSession } from './session';
import { EmuSpreadsheet, EmuSpreadsheetApp, SpreadsheetRegistry } from './spreadsheet';
import { ContextPropertiesService, ExecutionContext } from './context';
import { EmuUi, UiState } from './ui';
import { EmuBlob, EmuUtilities } from './utilities';

export type { SentMessage } from './gmail';

export interface GoogleServicesOptions {
  /** The active spreadsheet; an empty one named "Sans titre" by default. */
  spreadsheet?: EmuSpreadsheet;
  /** Reads the project's HTML files (dist/<name>.html for the add-on). */
  htmlFiles?: HtmlFileLoader;
  /** The add-on's name, shown as its menu's caption. */
  addonName?: string;
  userEmail?: string;
  timeZone?: string;
  locale?: string;
  scriptId?: string;
  /** The emulator's clock (file and message dates); Date.now by default. */
  now?: () => number;
  /** The pushed manifest (dist/appsscript.json): scopes and advanced services. The repo's by default. */
  manifest?: Manifest;
  /**
   * What each service call costs on the script's clock (latency.ts): 'realistic' by default,
   * 'slow' or 'fast' for tests of the time limit, or a table of one's own.
   */
  latency?: LatencyName | LatencyTable;
}

export interface Stores {
  /** The spreadsheet the emulator opened (the page's); others join `spreadsheets`. */
  spreadsheet: EmuSpreadsheet;
  /** Every spreadsheet by id (SpreadsheetApp.openById), and the execution's active one. */
  spreadsheets: SpreadsheetRegistry;
  /** Who runs the current execution, in which document (context.ts). */
  context: ExecutionContext;
  ui: UiState;
  properties: ContextPropertiesService;
  locks: EmuLockService;
  triggers: TriggerStore;
  drive: DriveStore;
  documents: DocumentStore;
  logs: LogEntry[];
  outbox: SentMessage[];
  utilities: EmuUtilities;
  session: EmuSession;
  /** GmailApp's and MailApp's state: quota, faults, the Sent folder (`outbox`). */
  mail: MailStore;
  /** The current execution; a service may stop it (the time limit). */
  execution: ExecutionState;
  /** The manifest the project was pushed with. */
  manifest: Manifest;
}

export interface GoogleServices {
  /** Host objects by global name; the runtime hands them to the script through its membrane. */
  globals: Record<string, GasObject>;
  counters: CallCounters;
  stores: Stores;
}

/** A service module: adds globals, reading and writing the shared stores. */
export type ServiceModule = (
  stores: Stores,
  options: GoogleServicesOptions,
) => Record<string, GasObject>;

const spreadsheetModule: ServiceModule = (stores, options) => {
  const ui = new EmuUi(stores.ui, options.addonName ?? 'Module complémentaire');
  return { SpreadsheetApp: new EmuSpreadsheetApp(stores.spreadsheets, ui) };
};
const htmlModule: ServiceModule = (_stores, options) => ({
  HtmlService: new EmuHtmlService(options.htmlFiles ?? (() => null)),
});
const baseModule: ServiceModule = (stores, options) => ({
  PropertiesService: stores.properties,
  LockService: stores.locks,
  Session: stores.session,
  Utilities: stores.utilities,
  ScriptApp: new EmuScriptApp(
    stores.triggers,
    options.scriptId ?? 'emulated-script',
    stores.context,
  ),
  Logger: new EmuLogger(stores.logs),
  console: new EmuConsole(stores.logs),
  MimeType: new EmuMimeType(),
});
/**
 * DriveApp, and the advanced Drive service (v3) under the name the manifest gives it, only when
 * the manifest enables it (https://developers.google.com/apps-script/guides/services/advanced).
 */
const driveModule: ServiceModule = (stores) => {
  const globals: Record<string, GasObject> = { DriveApp: new EmuDriveApp(stores.drive) };
  const drive = advancedService(stores.manifest, 'drive', 'v3');
  if (drive)
    globals[drive.userSymbol] = new EmuDriveV3(
      stores.drive,
      stores.manifest,
      () => stores.context.user,
    );
  return globals;
};
/**
 * DocumentApp, Drive's export of its Docs to PDF (drawn by document-pdf.ts), and the empty
 * document behind a Google Docs file made through Drive (Drive.Files.create).
 */
const documentModule: ServiceModule = (stores) => {
  stores.drive.creators.set(MIME_TYPES.GOOGLE_DOCS, (file) =>
    stores.documents.registerDocument(file.id),
  );
  stores.drive.exporters.set(MIME_TYPES.GOOGLE_DOCS, (file, contentType) => {
    // Docs also export to Markdown (blob-source#getAs): a real conversion the emulator lacks.
    if (contentType === 'text/markdown')
      throw new TypeError(
        "L'export d'un Doc en text/markdown n'est pas émulé (voir docs/EMULATOR.md).",
      );
    if (contentType !== MIME_TYPES.PDF)
      throw new Error(`Converting from ${file.mimeType} to ${contentType} is not supported.`);
    const document = stores.documents.documents.get(file.id);
    if (!document) throw new Error(`Document ${file.id} introuvable.`);
    return new EmuBlob(
      documentToPdf(document, file.name),
      MIME_TYPES.PDF,
      withExtension(file.name, 'pdf'),
    );
  });
  return { DocumentApp: new EmuDocumentApp(stores.documents) };
};
/**
 * A Google Sheets file made through Drive (Drive.Files.create) is an empty spreadsheet of one
 * sheet that SpreadsheetApp.openById opens, as on Google (guess 44 for its sheet's name).
 */
const sheetsModule: ServiceModule = (stores) => {
  stores.drive.creators.set(MIME_TYPES.GOOGLE_SHEETS, (file) => {
    stores.spreadsheets.add(emptySpreadsheet(file.name, file.id));
  });
  return {};
};
/** The Advanced Docs service, under the manifest's userSymbol, only when the manifest enables it. */
const docsModule: ServiceModule = (stores) => {
  const service = advancedService(stores.manifest, 'docs', 'v1');
  return service ? { [service.userSymbol]: new EmuDocs(stores.documents) } : {};
};
const mailModule: ServiceModule = (stores) => ({
  GmailApp: new EmuGmailApp(stores.mail),
  MailApp: new EmuMailApp(stores.mail),
});

/** Every module, in order. */
export const SERVICE_MODULES: readonly ServiceModule[] = [
  spreadsheetModule,
  htmlModule,
  baseModule,
  driveModule,
  documentModule,
  sheetsModule,
  docsModule,
  mailModule,
];

export function createGoogleServices(options: GoogleServicesOptions = {}): GoogleServices {
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? TIME_ZONE;
  const drive = new DriveStore(now);
  const outbox: SentMessage[] = [];
  const latency = options.latency ?? 'realistic';
  const execution = new ExecutionState(
    typeof latency === 'string' ? LATENCY_TABLES[latency] : latency,
  );
  const userEmail = options.userEmail ?? 'referent.ent@example.org';
  const spreadsheet = options.spreadsheet ?? emptySpreadsheet();
  const spreadsheets = new SpreadsheetRegistry(spreadsheet);
  const context = new ExecutionContext(userEmail, spreadsheet.id);
  const stores: Stores = {
    spreadsheet,
    spreadsheets,
    context,
    ui: new UiState(),
    properties: new ContextPropertiesService(context),
    locks: new EmuLockService(),
    triggers: new TriggerStore(),
    drive,
    documents: new DocumentStore(drive, execution),
    logs: [],
    outbox,
    utilities: new EmuUtilities(execution),
    session: new EmuSession(userEmail, timeZone, options.locale ?? 'fr'),
    mail: new MailStore(outbox, execution, now, userEmail),
    execution,
    manifest: options.manifest ?? PROJECT_MANIFEST,
  };
  // The execution's document and user, as every service sees them.
  Object.defineProperty(spreadsheets, 'activeId', { get: () => context.documentId });
  stores.locks.hasDocument = () => context.documentId !== null;
  stores.session.current = () => context.user;
  stores.mail.currentUser = () => context.user;
  const globals: Record<string, GasObject> = {};
  for (const module of SERVICE_MODULES) Object.assign(globals, module(stores, options));
  return { globals, counters: new CallCounters(), stores };
}

/**
 * The name getAs gives a converted blob: the part after the last period is taken for an
 * extension and replaced ("ShoppingList.12.25.2014" → "ShoppingList.12.25.pdf"), as
 * https://developers.google.com/apps-script/reference/base/blob-source#getAs(String) says.
 */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

/** A spreadsheet of one sheet, `Feuille 1`: the page's own, or a Sheets file made through Drive. */
function emptySpreadsheet(name = 'Sans titre', id?: string): EmuSpreadsheet {
  const spreadsheet = new EmuSpreadsheet(name, id);
  spreadsheet.addSheet('Feuille 1', 0);
  return spreadsheet;
}
