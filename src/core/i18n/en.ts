import type { Messages } from './fr';
import { count as countFr } from '../plural';

// English: only 1 takes the singular (« 0 accounts »).
const count = (n: number, one: string, many: string) => countFr(n, one, many, 'en');

/** 3000 → 3,000. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const en: Messages = {
  sidebar: {
    title: 'Account mail merge',
    loading: 'Reading the sheet…',
    source: 'Source',
    sheet: 'Accounts sheet',
    accountsFound: (n) => `${count(n, 'account', 'accounts')} read`,
    columnsFound: 'Columns recognised',
    warnings: (n) => `${n} data ${n === 1 ? 'warning' : 'warnings'}`,
    columnsMissing: 'Missing columns',
    filters: 'Filter the list',
    profiles: 'Profiles',
    levels: 'Levels',
    classes: 'Classes',
    classesHint: 'Choose one or more levels first.',
    activation: 'Activation',
    activationAll: 'All',
    activationNot: 'Not activated',
    activationDone: 'Activated',
    email: 'E-mail',
    emailAll: 'All',
    emailWith: 'With e-mail',
    emailWithout: 'Without e-mail',
    localAdmins: 'Local admins only',
    created: 'Creation date',
    createdAfter: 'Created from',
    createdBefore: 'Created until',
    blocked: 'Blocked accounts',
    blockedAll: 'All',
    blockedOnly: 'Blocked',
    blockedNot: 'Not blocked',
    options: 'Options',
    sort: 'Sort',
    sortAlpha: 'Alphabetical',
    sortClass: 'By class',
    sortProfile: 'By profile',
    layout: 'Layout',
    layout1: '1 per page',
    layout2: '2 per page',
    layout8: '8 per page',
    hideCodes: 'Hide activation codes',
    preview: 'Run the preview',
    exportCsv: 'Export the selection (CSV)',
    previewReplaces: 'Running it again replaces the “Aperçu publipostage” tab.',
    working: 'Working…',
    open: 'Open',
    unavailable: 'unavailable',
  },
  summary: {
    total: (n) => `${count(n, 'account', 'accounts')} selected in total`,
    withoutEmail: (n) => `${count(n, 'account', 'accounts')} without an e-mail address`,
    invalidEmail: (n) => `${n} invalid e-mail ${n === 1 ? 'address' : 'addresses'}`,
    activation: (activated, notActivated) =>
      `${activated} activated, ${notActivated} not activated`,
    duplicates: (n) => `${n} possible ${n === 1 ? 'duplicate' : 'duplicates'}`,
  },
  previewTab: {
    title: 'Mail merge preview',
    generatedAt: (when) => `Preview of ${when}`,
    filters: 'Filters',
    legend: 'Legend',
    headers: [
      'Last name',
      'First name',
      'Profile',
      'Login',
      'Status',
      'Activation code',
      'E-mail',
      'Class(es)',
      'Created',
      'Remark',
    ],
    activated: 'Activated',
    notActivated: 'Not activated',
    remarkMissingEmail: 'missing e-mail',
    remarkInvalidEmail: 'invalid e-mail',
    remarkDuplicate: 'possible duplicate',
    written: (n, tab) => `${count(n, 'account', 'accounts')} written to the “${tab}” tab.`,
  },
  progress: {
    cancel: 'Cancel',
    cancelling: 'Cancelling after the current step…',
    cancelled: 'Cancelled. What was done is kept.',
    stalled: 'The job is not moving any more: try again in a moment.',
    of: (processed, total) => `${processed} of ${total}`,
  },
  importer: {
    title: 'Import an ENT export',
    hint:
      'The CSV file downloaded from the ENT console (Imports/Exports). It is read here, then ' +
      'written to a new tab with every value as text: leading zeros of codes and phone numbers ' +
      'stay, and so do accents.',
    file: 'CSV file of the export',
    button: 'Import an ENT export',
    noFile: 'Choose the CSV file exported from the ENT first.',
    reading: 'Reading the file…',
    lines: (done, total) => `${grouped(done)} / ${grouped(total)} lines`,
    done: (lines, sheet) =>
      `${grouped(lines)} ${lines > 1 ? 'lines' : 'line'} imported into the “${sheet}” tab, now the source.`,
    sheetName: (stamp) => `ENT export ${stamp}`,
    pendingName: (name) => `${name} (import in progress)`,
    empty: 'the file is empty: no header line, no account.',
    cellTooLong: (line, column, max) =>
      `line ${line}, column ${column}: more than ${grouped(max)} characters, the most a Google Sheets cell holds.`,
    tooManyCells: (cells, max) =>
      `${grouped(cells)} cells, more than the ${grouped(max)} of a Google Sheets spreadsheet: split the export (by profile or level).`,
    rowTooLarge: (line) =>
      `line ${line} is too long to be sent at once: check the file (a quote never closed?).`,
    lost: 'The import was interrupted: the tab it began no longer exists or was renamed. Import again.',
    refused: (reason) => `Import refused (${reason}). Import again.`,
    why: {
      shape: 'malformed data',
      size: 'call too large',
      order: 'rows out of the expected order',
      rows: 'more rows than announced',
      width: 'a row of another width than announced',
    },
    incomplete: (written, total) =>
      `Incomplete import: ${grouped(written)} lines received of ${grouped(total)}. Import again.`,
    abandoned: 'The tab it began was deleted.',
  },
  letters: {
    title: 'Letters (PDF)',
    generate: 'Generate PDF',
    split: 'Files',
    splitNone: 'One PDF',
    splitClass: 'One PDF per class',
    splitProfile: 'One PDF per profile',
    hint: 'A Google Doc and its PDF in the « Publipostage ENT » folder of your Drive; beyond 100 pages, several parts.',
    placeholderTitle: 'Settings to check before generating',
    placeholderIntro: 'These settings are still examples:',
    generateAnyway: 'Generate anyway',
    openSettings: 'Open the settings',
    prefix: (layout) =>
      layout === 8 ? 'Cards 8 per page' : layout === 2 ? 'A5 letters' : 'Letters',
    all: 'Selection',
    partOf: (part, count) => `part ${part} of ${count}`,
    step: (part, count, label) =>
      count > 1 ? `File ${part} of ${count} (${label})` : `File « ${label} »`,
    exporting: (label) => `Converting to PDF: ${label}`,
    done: (files, letters) =>
      `${count(letters, 'letter', 'letters')} in ${count(files, 'file', 'files')}.`,
    doc: 'Google Doc',
    pdf: 'PDF',
    pages: (n) => count(n, 'page', 'pages'),
    nothingSelected: 'No account selected: nothing to print. Widen the filters.',
    unknownJob:
      'This generation no longer exists (finished, cancelled or too old): run « Generate PDF » again.',
    sheetChanged:
      'The accounts sheet changed during the generation: the files already made are kept, run « Generate PDF » again for the others.',
    busy: 'Another generation of letters is running in this spreadsheet: wait for it to finish.',
    needsConfirmation: (message) =>
      `${message} Fix the address in the settings or confirm « Generate anyway ».`,
    pendingTitle: (processed, total) => `Letters under way: ${processed} of ${total}`,
    pendingFiles: 'Files already made:',
    frozenNote:
      'Frozen selection of a letters generation under way (Publipostage ENT): do not edit. This tab is deleted when the generation ends.',
    resume: 'Resume',
    abandon: 'Abandon',
    selectionLost:
      'The selection saved for this generation changed or cannot be read: the files already made are kept, run « Generate PDF » again.',
    checkFailed: (part, detail) =>
      `« ${part} »: ${detail} The generation is stopped; this Google Doc and the files already made are kept.`,
    slotName: (letter, slot, page) => (letter ? `letter ${slot}` : `card ${slot} (page ${page})`),
    checkMoved: (slot, expected, found) =>
      `${slot} should hold the login « ${expected} », it holds « ${found} ».`,
    checkMissing: (slot, expected) =>
      `${slot} should hold the login « ${expected} », it holds no login.`,
    checkExtra: (slot, found) => `${slot} should be empty, it holds « ${found} ».`,
    checkDocPages: (found, expected) => `the Google Doc has ${found} pages instead of ${expected}.`,
    checkPdfPages: (found, expected) =>
      `the PDF has ${found} pages instead of ${expected}; it is not saved.`,
  },
  settings: {
    title: 'Letters and e-mails settings',
    entName: 'ENT name',
    entUrl: 'ENT address',
    schoolName: 'School',
    contact: 'Contact line',
    senderName: 'Sender name (e-mails)',
    replyTo: 'Reply-to address (e-mails)',
    save: 'Save the settings',
    saved: 'Settings saved for this spreadsheet.',
  },
  mail: {
    title: 'E-mail',
    send: 'Send by e-mail',
    strategy: 'E-mail to those with an address, PDF for the others',
    test: 'Send me a test',
    resume: 'Resume',
    confirm: 'Confirm sending',
    cancel: 'Cancel',
    confirmTitle: 'Before sending',
    toSend: (n) => `${count(n, 'message will be sent', 'messages will be sent')} now`,
    waitingQuota: (n) => `${n} waiting for quota (sent on the next days, resumed automatically)`,
    skippedNoEmail: (n) => `${n} skipped: no e-mail`,
    skippedInvalid: (n) => `${n} skipped: invalid e-mail`,
    alreadySent: (n) => `${n} already sent by this campaign (not sent again)`,
    failedToRetry: (n) => `including ${count(n, 'failure', 'failures')} tried again`,
    unverified: (n) => `${n} to check in your sent messages (never resent automatically)`,
    remainingQuota: (n) => `Quota left today: ${count(n, 'message', 'messages')}`,
    unfinished: (id) => `Campaign “${id}” is not finished: sending continues it on this selection.`,
    nothingToSend: 'No message to send for this selection.',
    progress: (sent, total) => `${sent} sent of ${count(total, 'account', 'accounts')}`,
    resultTitle: 'Sending result',
    sent: (n) => `${n} sent`,
    skipped: (n) => `${n} skipped (no e-mail or invalid e-mail)`,
    failed: (n) =>
      `${count(n, 'failure', 'failures')} (see the “Journal publipostage” tab; “Resume” tries them again)`,
    toCheck: (n) => `${n} to check`,
    waiting: (n, when) =>
      `${n} waiting for quota; resumed every hour, at the latest around ${when}`,
    complete: 'Campaign complete.',
    cancelled: 'Sending stopped. “Resume” continues it; nothing is sent twice.',
    journal: 'Per-account detail: the “Journal publipostage” tab.',
    testSent: (n, to) => `${count(n, 'test message', 'test messages')} sent to ${to}.`,
    skippedTitle: (n) => `${count(n, 'account', 'accounts')} without a usable address: PDF letter`,
    letters: (n) => `PDF for ${n === 1 ? 'the other one' : `the ${n} others`}`,
    selection: (sentence, total) =>
      `Selection: ${sentence} — ${count(total, 'account', 'accounts')}.`,
    differsFromPreview:
      'Careful: this is not the selection of the last preview (“Aperçu publipostage” tab); check it before sending.',
    quotaSpentNow: (when) =>
      `Quota spent: nothing was sent this time. Automatic resume around ${when} (or “Resume” then).`,
    fromEarlier: (n) => `of which ${n} from an earlier selection, still waiting`,
    sentNow: (n, total) => `${n} sent by this run (${total} since the campaign started)`,
    stopped:
      'The sending step was stopped by Google’s time limit. Click “Resume”: sending goes on where it stopped, without sending again what already left.',
    errors: {
      placeholder: (problem) =>
        `${problem} Fill in the settings before sending: an e-mail cannot be corrected once sent.`,
      queueFull:
        'Too many selections already wait in this campaign: let it finish or “Resume” before adding one.',
      busy: 'A sending is already running on this spreadsheet (another window, another referent or the automatic resume): try again in two minutes, then “Resume”.',
      noCampaign: 'No campaign to resume.',
      noReferentAddress: 'Cannot read your Google account’s address: the test cannot be sent.',
      quotaSpent: 'Today’s sending quota is spent: try again tomorrow.',
      sendFailed: (error) => `Sending failed: ${error}`,
    },
  },
  share: {
    title: 'Share the preview',
    addresses: 'Addresses of the management (one per line)',
    role: 'Access',
    reader: 'Viewer',
    commenter: 'Commenter',
    button: 'Share the preview',
    warning:
      'Do not share this spreadsheet: it holds the export and its activation codes. This button shares a separate spreadsheet holding only the preview, codes masked.',
    fileName: (workbook) => `Shared mail-merge preview — ${workbook}`,
    emailMessage: (workbook, n) =>
      `Preview of the ENT accounts mail merge (${n} ${n === 1 ? 'account' : 'accounts'}), from the spreadsheet “${workbook}”. Activation codes are not in it.`,
    noAddress: 'Type at least one e-mail address before sharing.',
    badAddresses: (bad) =>
      bad.length > 1
        ? `Invalid addresses: ${bad.map((a) => `“${a}”`).join(', ')}. Correct them; nothing was shared.`
        : `Invalid address: “${bad[0]}”. Correct it; nothing was shared.`,
    badRole: 'Unknown access: choose “Viewer” or “Commenter”.',
    busy: 'Another share of the preview is running on this spreadsheet: try again in a moment.',
    done: (n) =>
      `Preview shared: ${n} ${n === 1 ? 'account' : 'accounts'}, activation codes masked.`,
    open: 'Open the shared spreadsheet',
    created: 'Shared spreadsheet made in the “Publipostage ENT” folder of your Drive.',
    updated: 'Shared spreadsheet updated: its link does not change.',
    lost: 'The earlier shared spreadsheet was deleted or trashed: a new one was made, its link replaces the old one.',
    sharedWith: (list) => `Shared with: ${list}`,
    alreadyShared: (list) => `Already had access (no new e-mail): ${list}`,
    failed: (address, reason) => `Sharing refused for ${address}: ${reason}`,
    access: (list) => `Current access: ${list}`,
    roles: { reader: 'viewer', commenter: 'commenter', writer: 'editor', owner: 'owner' },
  },
  filterSentence: {
    none: 'no filter: every account',
    profiles: (list) => `profiles ${list}`,
    levels: (list) => `levels ${list}`,
    classes: (list) => `classes ${list}`,
    activated: 'activated accounts',
    notActivated: 'accounts not activated',
    withEmail: 'with an e-mail',
    withoutEmail: 'without a valid e-mail',
    localAdmins: 'local admins',
    createdAfter: (date) => `created from ${date}`,
    createdBefore: (date) => `created until ${date}`,
    blocked: 'blocked accounts',
    notBlocked: 'accounts not blocked',
  },

  steps: {
    names: ['Source and filters', 'Preview', 'Letters', 'E-mails'],
    short: ['Source', 'Preview', 'Letters', 'E-mails'],
    indicator: 'Steps',
    current: (n, total, name) => `Step ${n} of ${total}: ${name}`,
    previous: '‹ Back',
    next: (name) => `Next: ${name} ›`,
    settings: 'Settings',
    settingsOpen: 'Settings (open)',
    settingsClose: 'Close the settings',
    settingsExamples:
      'The settings still hold the examples: fill them in before the letters and the e-mails.',
    count: 'Count the chosen accounts',
    counting: 'Reading the sheet and the filters…',
    counted: (n) =>
      n === 0 ? 'No account chosen' : `${n} ${n === 1 ? 'account' : 'accounts'} chosen`,
    sourceIntro:
      'Choose the accounts: nothing ticked means every account. “Count” says how many are left.',
    previewIntro:
      'The preview writes the selection onto the “Aperçu publipostage” tab: check it before printing or sending.',
    lettersIntro: 'The selection’s letters, in the chosen layout.',
    mailIntro:
      'One message to each account of the selection with a valid address. Send yourself a test first.',
    planning: 'Step 1: reading the selection…',
    writing: (written, total) =>
      `Step 2: ${written.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} ${total === 1 ? 'row' : 'rows'} written`,
    exporting: (n) =>
      `Step 2 of 2: writing the CSV file (${n} ${n === 1 ? 'account' : 'accounts'})…`,
    previewChanged:
      'The accounts sheet changed while the preview was being written: run the preview again.',
    tabUntouched: 'The “Aperçu publipostage” tab was not changed.',
    empty: 'No account matches these filters.',
    emptySheet: 'The sheet holds no readable account.',
    activeFilters: (list) => `Active filters: ${list}.`,
    relax: (group, n) =>
      `Relax “${group}” first: without it, ${n} ${n === 1 ? 'account would be' : 'accounts would be'} chosen.`,
    relaxSeveral: 'No single filter removed is enough: untick several.',
    editFilters: 'Change the filters',
    groups: {
      profiles: 'Profiles',
      classes: 'Levels and classes',
      activation: 'Activation',
      email: 'E-mail',
      localAdmins: 'Local admins',
      created: 'Creation date',
      blocked: 'Blocked accounts',
    },
    dateFormat: 'dd/mm/yyyy',
    dateInvalid: (field, text) =>
      `“${field}”: “${text}” is not a date written dd/mm/yyyy (for example 02/09/2024).`,
    datesFix: 'Correct the creation dates before going on.',
  },
  typography: {
    labelled: (label, value) => `${label}: ${value}`,
    heading: (label) => `${label}:`,
    quoted: (text) => `“${text}”`,
    separator: '; ',
  },
};
