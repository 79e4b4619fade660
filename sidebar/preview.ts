// The Aperçu step's actions: « Lancer le prétraitement » (a count, then the tab written a chunk of
// rows per call, with the rows written shown), « Exporter la sélection (CSV) » (a count, then
// the file); and « Compter » of the first step. An empty selection says how to widen it.
import type {
  ExportResult,
  PreviewProgress,
  Reply,
  SelectionPlan,
  SelectionRequest,
} from '../src/core/contract';
import { actionButton } from './controls';
import { h, nextId } from './dom';
import { callServer } from './server';
import { navigation, output, request, run, ui, type Output } from './state';
import type { StepParts } from './steps';

/** Nothing selected: the filters set, and the one to relax first with what it would give. */
export function widenAdvice(plan: SelectionPlan, withButton: boolean): HTMLElement {
  const t = ui.t.steps;
  // The filters set in the sidebar's order; the one to relax first is the plan's first.
  const order = Object.keys(t.groups);
  const groups = [...plan.relax]
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group))
    .map((r) => t.groups[r.group]);
  const best = plan.relax[0];
  const edit = withButton ? actionButton(nextId('edit-filters'), t.editFilters) : null;
  edit?.classList.add('edit-filters');
  edit?.addEventListener('click', () => navigation.goTo('source'));
  return h(
    'div',
    { className: 'widen' },
    h('p', { className: 'big' }, groups.length === 0 ? t.emptySheet : t.empty),
    groups.length > 0 && h('p', {}, t.activeFilters(groups.join(', '))),
    best && h('p', {}, best.count > 0 ? t.relax(t.groups[best.group], best.count) : t.relaxSeveral),
    edit,
  );
}

/** The advice above when `selection` keeps nobody at all, asked after an action found nothing. */
export async function adviceIfEmpty(selection: SelectionRequest): Promise<HTMLElement | null> {
  const plan = await callServer('planSelection', selection).catch(() => null);
  return plan?.ok && plan.value.total === 0 ? widenAdvice(plan.value, true) : null;
}

/** A progress bar and its words; `max` unknown draws the bar without a value (one call). */
function progress(label: string): {
  root: HTMLElement;
  set(done: number, max: number, text: string): void;
} {
  const bar = h('progress', {});
  const text = h('p', { className: 'progress-label' }, label);
  return {
    root: h('div', { className: 'job' }, bar, text),
    set(done, max, words) {
      bar.max = Math.max(1, max);
      bar.value = done;
      text.textContent = words;
    },
  };
}

/** The preview's outcome: the advice when nothing is selected, or the last step and the summary. */
type Previewed = { empty: SelectionPlan } | { done: PreviewProgress; replaced: boolean };

/** The steps of the preview: one count, then chunks until the tab holds the whole selection. */
function writePreview(out: Output, button: HTMLButtonElement): Promise<void> {
  const t = ui.t.steps;
  const bar = progress(t.planning);
  return run<Previewed>(
    out,
    button,
    async (): Promise<Reply<Previewed>> => {
      const asked = request();
      const planned = await callServer('planSelection', asked);
      if (!planned.ok) return planned;
      const counted = planned.value;
      if (counted.total === 0) return { ok: true as const, value: { empty: counted } };
      bar.set(0, counted.total, t.writing(0, counted.total));
      let fingerprint: string | null = null;
      let from = 0;
      let replaced = false;
      for (;;) {
        const reply: Reply<PreviewProgress> = await callServer(
          'writePreviewRows',
          asked,
          from,
          fingerprint,
        );
        if (!reply.ok) return reply;
        const step: PreviewProgress = reply.value;
        if (from === 0) replaced = step.replaced ?? false;
        bar.set(step.written, step.total, t.writing(step.written, step.total));
        if (step.done) return { ok: true as const, value: { done: step, replaced } };
        if (step.written <= from) {
          return { ok: false as const, error: { message: ui.t.progress.stalled } };
        }
        fingerprint = step.fingerprint;
        from = step.written;
      }
    },
    (value) => {
      if ('empty' in value) {
        return [widenAdvice(value.empty, true), h('p', { className: 'hint' }, t.tabUntouched)];
      }
      const s = value.done.summary;
      return [
        h('p', { className: 'big' }, ui.t.summary.total(s.total)),
        h('p', {}, ui.t.summary.withoutEmail(s.withoutEmail)),
        h('p', {}, ui.t.summary.invalidEmail(s.invalidEmail)),
        h('p', {}, ui.t.summary.activation(s.activated, s.notActivated)),
        h(
          'p',
          { className: 'hint', 'data-replaced': String(value.replaced) },
          ui.t.previewTab.written(s.total, value.done.tabName),
        ),
      ];
    },
    bar.root,
  );
}

/** The export: a count (and its advice when empty), then the file, said as « étape 2 sur 2 ». */
type Exported = { empty: SelectionPlan } | { file: ExportResult };

function exportCsv(out: Output, button: HTMLButtonElement): Promise<void> {
  const asked = request();
  return run<Exported>(
    out,
    button,
    async (): Promise<Reply<Exported>> => {
      const planned = await callServer('planSelection', asked);
      if (!planned.ok) return planned;
      if (planned.value.total === 0) return { ok: true as const, value: { empty: planned.value } };
      out.show(progress(ui.t.steps.exporting(planned.value.total)).root);
      const file = await callServer('exportSelection', asked);
      return file.ok ? { ok: true as const, value: { file: file.value } } : file;
    },
    (value) =>
      'empty' in value
        ? [widenAdvice(value.empty, true)]
        : [
            h('p', {}, `${value.file.fileName} (${ui.t.summary.total(value.file.count)})`),
            h('a', { href: value.file.url, target: '_blank', rel: 'noopener' }, ui.t.sidebar.open),
          ],
    ui.t.steps.planning,
  );
}

/** The first step's action: how many accounts the filters keep, before anything is written. */
export function countParts(): { output: Output; primary: HTMLButtonElement } {
  const out = output('count');
  const button = actionButton('count-selection', ui.t.steps.count, true);
  button.addEventListener(
    'click',
    () =>
      void run(
        out,
        button,
        () => callServer('planSelection', request()),
        (counted) =>
          counted.total === 0
            ? [widenAdvice(counted, false)]
            : [h('p', { className: 'big', id: 'count-result' }, ui.t.steps.counted(counted.total))],
        ui.t.steps.counting,
      ),
  );
  return { output: out, primary: button };
}

export function previewParts(extra: Node[] = []): StepParts {
  const s = ui.t.sidebar;
  const out = output('preview');
  const preview = actionButton('run-preview', s.preview, true);
  const exportButton = actionButton('export-csv', s.exportCsv);
  preview.addEventListener('click', () => void writePreview(out, preview));
  exportButton.addEventListener('click', () => void exportCsv(out, exportButton));
  return {
    body: [
      h('p', { className: 'intro' }, ui.t.steps.previewIntro),
      h('p', { className: 'hint', id: 'preview-replaces' }, s.previewReplaces),
      ...extra,
    ],
    bar: [out.root, preview, exportButton],
    output: out,
    primary: preview,
  };
}
