// The functions the sidebar calls through google.script.run (see src/core/contract.ts).
import { selectionToCsv } from '../core';
import type {
  ExportResult,
  PreviewResult,
  Reply,
  SelectionRequest,
  SourceInfo,
} from '../core/contract';
import { messages } from '../core/messages';
import { buildPreviewTab } from '../core/preview-tab';
import { chooseSource, sourceInfo } from '../core/source';
import { createFileInFolder } from './drive';
import { fail, language, localNow, readAccounts, readSelection as select } from './selection';
import { sheetHeads, writeGrid } from './spreadsheet';

/** The source tab (the one asked for, else the best guess), its columns and the filters' lists. */
export function getSource(sheetName: string | null): Reply<SourceInfo> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { choices, chosen } = chooseSource(
    sheetHeads(spreadsheet),
    spreadsheet.getActiveSheet().getName(),
    sheetName,
  );
  const loaded = readAccounts(spreadsheet, chosen);
  if (!loaded.ok) return fail(messages.notAnExport(chosen, loaded.error.message));
  return {
    ok: true,
    value: sourceInfo({ language: language(), choices, sheetName: chosen, ...loaded.value }),
  };
}

/** « Lancer le prétraitement »: the selection written onto the « Aperçu publipostage » tab. */
export function runPreview(request: SelectionRequest): Reply<PreviewResult> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = select(spreadsheet, request);
  if (!selection.ok) return selection;
  const grid = buildPreviewTab(selection.value.accounts, selection.value.summary, {
    filters: request.filters,
    showCodes: request.showCodes,
    language: language(),
    generatedAt: localNow(spreadsheet, "yyyy-MM-dd'T'HH:mm"),
  });
  const { replaced } = writeGrid(spreadsheet, grid);
  return { ok: true, value: { tabName: grid.name, summary: selection.value.summary, replaced } };
}

/** « Exporter la sélection (CSV) »: a trace of the campaign in the add-on's Drive folder. */
export function exportSelection(request: SelectionRequest): Reply<ExportResult> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const selection = select(spreadsheet, request);
  if (!selection.ok) return selection;
  const csv = selectionToCsv(selection.value.accounts, { showCodes: request.showCodes });
  const name = `Sélection publipostage ${localNow(spreadsheet, 'yyyy-MM-dd HH-mm')}.csv`;
  const file = createFileInFolder(name, 'text/csv', csv);
  return {
    ok: true,
    value: { fileName: file.name, url: file.url, count: selection.value.accounts.length },
  };
}
