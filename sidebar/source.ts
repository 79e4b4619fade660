// The source panel: which tab is read, how many accounts, which columns were recognised.
import type { SourceInfo } from '../src/core/contract';
import { select } from './controls';
import { h } from './dom';
import { ui } from './state';

export function sourceSection(info: SourceInfo, reload: (sheetName: string) => void): HTMLElement {
  const s = ui.t.sidebar;
  const found = info.columns.filter((c) => c.header !== null);
  const missing = info.columns.filter((c) => c.header === null);
  const candidates = info.sheets.filter((sheet) => sheet.looksLikeExport);
  const chooser =
    candidates.length > 1
      ? select(
          s.sheet,
          info.sheetName,
          candidates.map((c) => [c.name, c.name] as [string, string]),
          (name) => reload(name),
        )
      : h('p', {}, ui.t.typography.labelled(s.sheet, ui.t.typography.quoted(info.sheetName)));
  return h(
    'section',
    { 'aria-labelledby': 'source-title' },
    h('h3', { id: 'source-title' }, s.source),
    chooser,
    h('p', { id: 'account-count' }, s.accountsFound(info.accountCount)),
    h(
      'details',
      {},
      h('summary', {}, `${s.columnsFound} (${found.length})`),
      h(
        'ul',
        {},
        found.map((c) => h('li', {}, c.header ?? '')),
      ),
    ),
    missing.length > 0 &&
      h(
        'p',
        { className: 'hint' },
        ui.t.typography.labelled(s.columnsMissing, missing.map((c) => c.label).join(', ')),
      ),
    info.warnings.length > 0 &&
      h(
        'details',
        { className: 'warnings' },
        h('summary', {}, s.warnings(info.warningCount)),
        h(
          'ul',
          {},
          info.warnings.map((w) => h('li', {}, w)),
        ),
      ),
  );
}
