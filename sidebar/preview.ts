// The prétraitement's actions: write the preview tab, export the selection as CSV.
import { actionButton } from './controls';
import { h } from './dom';
import { callServer } from './server';
import { alertBox, request, run, status, ui } from './state';

export function previewActions(): HTMLElement {
  const s = ui.t.sidebar;
  const preview = actionButton('run-preview', s.preview, true);
  const exportCsv = actionButton('export-csv', s.exportCsv);
  preview.addEventListener('click', () =>
    run(
      preview,
      () => callServer('runPreview', request()),
      (result) => [
        h('p', { className: 'big' }, ui.t.summary.total(result.summary.total)),
        h('p', {}, ui.t.summary.withoutEmail(result.summary.withoutEmail)),
        h('p', {}, ui.t.summary.invalidEmail(result.summary.invalidEmail)),
        h('p', {}, ui.t.summary.activation(result.summary.activated, result.summary.notActivated)),
        h(
          'p',
          { className: 'hint' },
          ui.t.previewTab.written(result.summary.total, result.tabName),
        ),
      ],
    ),
  );
  exportCsv.addEventListener('click', () =>
    run(
      exportCsv,
      () => callServer('exportSelection', request()),
      (result) => [
        h('p', {}, `${result.fileName} (${ui.t.summary.total(result.count)})`),
        h('a', { href: result.url, target: '_blank', rel: 'noopener' }, s.open),
      ],
    ),
  );
  return h(
    'section',
    { className: 'actions' },
    preview,
    h('p', { className: 'hint' }, s.previewReplaces),
    exportCsv,
    // Results and errors right under the buttons that produce them.
    alertBox,
    status,
  );
}
