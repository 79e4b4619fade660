// The core's public API: what the add-on, the sidebar, the letters, the mail and the CLI use.
export { AccountLoader, loadAccounts, type LoadOptions, type LoadResult } from './accounts';
export { selectAccounts } from './selection';
export {
  availableFilters,
  checkFilters,
  filterAccounts,
  filterOptions,
  FILTER_LABELS,
  FILTER_NAMES,
  isFilterSet,
  type FilterAvailability,
  type FilterName,
  type LevelOption,
  type ProfileOption,
} from './filters';
export { sortAccounts, naturalCompare, SORT_KEYS } from './sort';
export { summarize, summaryLines } from './summary';
export { findDuplicates } from './duplicates';
export { selectionToCsv, safeCell, MASKED_CODE, PREVIEW_LIST_COLUMNS } from './csv-export';
export { FIELD_LABELS, ACCEPTED_HEADERS, type ColumnReport, type Field } from './headers';
export { profileFromUserText } from './profiles';
export { parseIsoDay, displayDate, DEFAULT_TIME_ZONE } from './dates';
export type * from './types';
