// Which tab holds the accounts, and what the sidebar shows of it (the source of the publipostage).
import type { ColumnInfo, FilterOptions, SheetChoice, SourceInfo } from './contract';
import { availableFilters, filterOptions } from './filters';
import {
  FIELD_LABELS,
  FIELDS,
  REQUIRED_FIELDS,
  recognizeHeaders,
  type ColumnReport,
} from './headers';
import { cellText } from './cells';
import { profileLabel, type Language } from './present';
import { JOURNAL_TAB } from './mail/journal';
import { PREVIEW_TAB } from './preview-tab';
import type { Account } from './types';

/** Tabs the add-on writes itself: never a source, even if their header matches. */
export const OWN_TABS = [PREVIEW_TAB, JOURNAL_TAB];

export interface SheetHead {
  name: string;
  /** The first rows of the tab, as getValues() returns them. */
  head: readonly (readonly unknown[])[];
  /** Hidden tabs are never offered: the add-on hides its working tabs (a letters job's frozen
   * selection), and a tab the referent hid is not the one they mean to send to. */
  hidden?: boolean;
}

/** A tab looks like an export when its first non-empty row names the four required columns. */
export function looksLikeExport(sheet: SheetHead): boolean {
  if (OWN_TABS.includes(sheet.name)) return false;
  const header = sheet.head.find((row) => row.some((cell) => cellText(cell, 'UTC') !== ''));
  return header !== undefined && recognizeHeaders(header.map((c) => cellText(c, 'UTC'))).ok;
}

/**
 * The tab to read: the one asked for; else the active tab when it looks like an export; else the
 * first that does; else the active one (so the referent gets the message naming the columns).
 */
export function chooseSource(
  sheets: readonly SheetHead[],
  active: string,
  requested: string | null,
): { choices: SheetChoice[]; chosen: string } {
  const choices = sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => ({ name: sheet.name, looksLikeExport: looksLikeExport(sheet) }));
  const exists = (name: string | null) => choices.some((c) => c.name === name);
  if (requested !== null && exists(requested)) return { choices, chosen: requested };
  if (choices.find((c) => c.name === active)?.looksLikeExport) return { choices, chosen: active };
  const first = choices.find((c) => c.looksLikeExport);
  return { choices, chosen: first?.name ?? active };
}

const FILTER_OF_CONTRACT = {
  levels: 'levels',
  activation: 'activation',
  email: 'email',
  localAdmins: 'localAdmins',
  created: 'createdAfter',
  blocked: 'blocked',
} as const;

export function sourceInfo(input: {
  language: Language;
  choices: SheetChoice[];
  sheetName: string;
  accounts: readonly Account[];
  columns: ColumnReport;
  warnings: string[];
  warningCount: number;
}): SourceInfo {
  const available = availableFilters(input.columns);
  const unavailable: FilterOptions['unavailable'] = {};
  for (const [name, filter] of Object.entries(FILTER_OF_CONTRACT)) {
    const state = available[filter];
    if (!state.available) unavailable[name as keyof typeof FILTER_OF_CONTRACT] = state.reason;
  }
  const options = filterOptions(input.accounts);
  const columns: ColumnInfo[] = FIELDS.map((field) => ({
    field,
    label: FIELD_LABELS[field],
    header: input.columns.found[field]?.header ?? null,
    required: REQUIRED_FIELDS.includes(field),
  }));
  return {
    language: input.language,
    sheets: input.choices,
    sheetName: input.sheetName,
    accountCount: input.accounts.length,
    columns,
    warnings: input.warnings,
    warningCount: input.warningCount,
    options: {
      profiles: options.profiles.map((p) => ({
        value: p.profile,
        label: profileLabel(p.profile, input.language),
        count: p.count,
      })),
      levels: options.levels.map((l) => ({ name: l.level, classes: l.classes })),
      unavailable,
    },
  };
}
