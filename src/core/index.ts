// The core's entry for the add-on's selection and the CLI: loading, filters, selection, export.
// Other parts of the core (letters, mail, settings, the preview tab) are imported from their
// own modules.
export { AccountLoader, loadAccounts, type LoadOptions, type LoadResult } from './accounts';
export { selectAccounts } from './selection';
export { checkDateOrder, checkFilters, checkFilterValues } from './filters';
export { SORT_KEYS } from './sort';
export { summaryLines } from './summary';
export { selectionToCsv, MASKED_CODE, PREVIEW_LIST_COLUMNS } from './csv-export';
export { type ColumnReport, type Field } from './headers';
export { profileFromUserText } from './profiles';
export { parseIsoDay, displayDate } from './dates';
export type * from './types';
