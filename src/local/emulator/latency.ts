// What each service call costs in time, so that the script's clock (Date.now in the emulator)
// moves as it would on Google and a step sized by elapsed time stops where it would there.
// Google publishes no per-call latency for Apps Script's services; each figure says whether it
// comes from a published source or is our estimate (docs/EMULATOR.md, "Latency"; guess 46).

/** Milliseconds per call, by `Class.method`, by `Class.*`, or the default. */
export interface LatencyTable {
  name: string;
  default: number;
  methods: Readonly<Record<string, number>>;
  /** Charged by a Docs batchUpdate for each request it carries, on top of the call (E). */
  docsRequest: number;
}

/**
 * Estimates (E) unless a source is named. The order of magnitude is what matters: a call that
 * goes over the network to another Google service costs hundreds of milliseconds; one on an
 * object already open in the script's process costs a few.
 */
const REALISTIC: Record<string, number> = {
  // Spreadsheet: each call a round trip to Sheets (E).
  'SpreadsheetApp.*': 30,
  'Spreadsheet.*': 30,
  'Sheet.*': 30,
  'Range.*': 40,
  'Range.getValues': 80,
  'Range.getDisplayValues': 80,
  'Range.setValues': 120,
  'Filter.*': 50,
  'Ui.*': 50,
  'Menu.*': 5,
  'HtmlService.*': 20,
  'HtmlOutput.*': 2,
  // PropertiesService, LockService (E).
  'PropertiesService.*': 5,
  'Properties.*': 40,
  'LockService.*': 5,
  'Lock.*': 40,
  'Session.*': 5,
  'Utilities.*': 1,
  'Blob.*': 5,
  'Logger.*': 1,
  'console.*': 1,
  'ScriptApp.*': 100,
  'Trigger.*': 10,
  'ClockTriggerBuilder.*': 5,
  'TriggerBuilder.*': 5,
  'SpreadsheetTriggerBuilder.*': 5,
  // DocumentApp: opening and saving go to Docs; edits of an open Doc stay in the process
  // (E; docs/LETTERS.md's 10 ms per call).
  'DocumentApp.create': 800,
  'DocumentApp.openById': 400,
  'DocumentApp.*': 5,
  'Document.saveAndClose': 600,
  'Document.*': 10,
  'Body.*': 10,
  'Paragraph.*': 10,
  'Text.*': 10,
  'Table.*': 10,
  'TableRow.*': 10,
  'TableCell.*': 10,
  // Drive (E): creating a file, converting a Doc to PDF.
  'DriveApp.*': 300,
  'DriveApp.createFile': 700,
  'DriveApp.createFolder': 500,
  'Folder.*': 200,
  'Folder.createFile': 700,
  'Folder.createFolder': 500,
  'File.*': 150,
  'File.getAs': 3000,
  'File.getBlob': 3000,
  'FileIterator.*': 50,
  'FolderIterator.*': 50,
  // Mail (E).
  'GmailApp.sendEmail': 800,
  'GmailApp.search': 400,
  'GmailApp.*': 200,
  'GmailThread.*': 50,
  'MailApp.*': 100,
  // The Docs API (E): one HTTP request each; batchUpdate also pays per request it carries.
  'Docs.Documents.get': 500,
  'Docs.Documents.create': 900,
  'Docs.Documents.batchUpdate': 700,
  'Drive.Files.*': 400,
};

export const LATENCY_TABLES = {
  /** The default: the estimates above. */
  realistic: { name: 'realistic', default: 20, methods: REALISTIC, docsRequest: 2 },
  /** Ten times slower: Google on a bad day, for tests of the time limit. */
  slow: {
    name: 'slow',
    default: 200,
    methods: Object.fromEntries(Object.entries(REALISTIC).map(([k, v]) => [k, v * 10])),
    docsRequest: 20,
  },
  /** Calls cost nothing: the clock stands still (tests that must never meet the limit). */
  fast: { name: 'fast', default: 0, methods: {}, docsRequest: 0 },
} satisfies Record<string, LatencyTable>;

export type LatencyName = keyof typeof LATENCY_TABLES;

export function costOf(table: LatencyTable, key: string): number {
  const exact = table.methods[key];
  if (exact !== undefined) return exact;
  const dot = key.lastIndexOf('.');
  const wildcard = table.methods[`${key.slice(0, dot)}.*`];
  return wildcard ?? table.default;
}
