// The sidebar: choose the accounts (filters), run the preview, export the selection.
// Bundled and inlined into dist/sidebar.html by scripts/build.mjs.
import type { FilterName, Reply, SelectionRequest, SourceInfo } from '../src/core/contract';
import { languageOf, messages, type Messages } from '../src/core/i18n';
import type { Filters, Layout, SortKey } from '../src/core/types';
import { h, nextId } from './dom';
import { callServer } from './server';

interface FormState {
  profiles: Set<string>;
  levels: Set<string>;
  classes: Set<string>;
  activation: NonNullable<Filters['activation']>;
  email: NonNullable<Filters['email']>;
  localAdmins: boolean;
  createdAfter: string;
  createdBefore: string;
  blocked: NonNullable<Filters['blocked']>;
  sort: SortKey;
  layout: Layout;
  hideCodes: boolean;
}

const state: FormState = {
  profiles: new Set(),
  levels: new Set(),
  classes: new Set(),
  activation: 'all',
  email: 'all',
  localAdmins: false,
  createdAfter: '',
  createdBefore: '',
  blocked: 'all',
  sort: 'alpha',
  layout: 1,
  hideCodes: true,
};

let source: SourceInfo | null = null;
let t: Messages = messages(languageOf(navigator.language));
const app = document.getElementById('app') as HTMLElement;
const status = h('div', {
  id: 'status',
  role: 'status',
  'aria-live': 'polite',
  className: 'status',
});
const alertBox = h('div', { id: 'error', role: 'alert', className: 'error' });

function filters(): Filters {
  const result: Filters = {};
  if (state.profiles.size) result.profiles = [...state.profiles];
  if (state.levels.size) result.levels = [...state.levels];
  if (state.classes.size) result.classes = [...state.classes];
  if (state.activation !== 'all') result.activation = state.activation;
  if (state.email !== 'all') result.email = state.email;
  if (state.localAdmins) result.localAdmins = true;
  if (state.createdAfter) result.createdAfter = state.createdAfter;
  if (state.createdBefore) result.createdBefore = state.createdBefore;
  if (state.blocked !== 'all') result.blocked = state.blocked;
  return result;
}

function request(): SelectionRequest {
  return {
    sheetName: source?.sheetName ?? '',
    filters: filters(),
    sort: state.sort,
    showCodes: !state.hideCodes,
  };
}

function unavailable(name: FilterName): string | undefined {
  return source?.options.unavailable[name];
}

function showError(message: string): void {
  alertBox.textContent = message;
}

function clearMessages(): void {
  alertBox.textContent = '';
  status.replaceChildren();
}

function checkbox(label: string, checked: boolean, onChange: (on: boolean) => void, extra = '') {
  const id = nextId('cb');
  const input = h('input', { type: 'checkbox', id, checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h(
    'div',
    { className: 'check' },
    input,
    h('label', { for: id }, label, extra && h('span', { className: 'count' }, extra)),
  );
}

function select<V extends string>(
  label: string,
  value: V,
  choices: [V, string][],
  onChange: (value: V) => void,
  reason?: string,
) {
  const id = nextId('sel');
  const control = h(
    'select',
    { id, disabled: reason !== undefined, 'aria-describedby': reason ? `${id}-why` : undefined },
    choices.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  control.addEventListener('change', () => onChange(control.value as V));
  return h(
    'div',
    { className: 'field' },
    h('label', { for: id }, label),
    control,
    reason && h('p', { id: `${id}-why`, className: 'why' }, `${t.sidebar.unavailable} : ${reason}`),
  );
}

function group(legend: string, ...content: (Node | null | false)[]) {
  return h('fieldset', {}, h('legend', {}, legend), ...content);
}

function reasonNote(name: FilterName) {
  const reason = unavailable(name);
  return reason ? h('p', { className: 'why' }, `${t.sidebar.unavailable} : ${reason}`) : null;
}

function classesList(): HTMLElement {
  const box = h('div', { id: 'classes', className: 'classes' });
  const levels = source?.options.levels.filter((level) => state.levels.has(level.name)) ?? [];
  if (levels.length === 0) {
    box.append(h('p', { className: 'hint' }, t.sidebar.classesHint));
    return box;
  }
  for (const level of levels) {
    box.append(
      h('p', { className: 'level-name' }, level.name),
      ...level.classes.map((name) =>
        checkbox(name, state.classes.has(name), (on) => {
          if (on) state.classes.add(name);
          else state.classes.delete(name);
        }),
      ),
    );
  }
  return box;
}

function levelsSection(): HTMLElement {
  const reason = unavailable('levels');
  const classes = classesList();
  const levels = (source?.options.levels ?? []).map((level) =>
    checkbox(level.name, state.levels.has(level.name), (on) => {
      if (on) state.levels.add(level.name);
      else {
        state.levels.delete(level.name);
        for (const name of level.classes) state.classes.delete(name);
      }
      classesHolder.replaceChildren(classesList());
    }),
  );
  const classesHolder = h('div', {}, classes);
  return group(
    `${t.sidebar.levels} / ${t.sidebar.classes}`,
    reason ? reasonNote('levels') : h('div', { className: 'levels' }, levels),
    !reason && h('p', { className: 'sub' }, t.sidebar.classes),
    !reason && classesHolder,
  );
}

function filtersForm(info: SourceInfo): HTMLElement {
  const s = t.sidebar;
  const profiles = info.options.profiles.map((p) =>
    checkbox(
      p.label,
      state.profiles.has(p.value),
      (on) => {
        if (on) state.profiles.add(p.value);
        else state.profiles.delete(p.value);
      },
      ` (${p.count})`,
    ),
  );
  const dateReason = unavailable('created');
  const dateInput = (label: string, key: 'createdAfter' | 'createdBefore') => {
    const id = nextId('date');
    const input = h('input', {
      type: 'date',
      id,
      value: state[key],
      disabled: dateReason !== undefined,
    });
    input.addEventListener('change', () => (state[key] = input.value));
    return h('div', { className: 'field' }, h('label', { for: id }, label), input);
  };
  return h(
    'section',
    { 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title' }, s.filters),
    group(s.profiles, h('div', {}, profiles)),
    levelsSection(),
    select(
      s.activation,
      state.activation,
      [
        ['all', s.activationAll],
        ['not-activated', s.activationNot],
        ['activated', s.activationDone],
      ],
      (v) => (state.activation = v),
      unavailable('activation'),
    ),
    select(
      s.email,
      state.email,
      [
        ['all', s.emailAll],
        ['with', s.emailWith],
        ['without', s.emailWithout],
      ],
      (v) => (state.email = v),
      unavailable('email'),
    ),
    unavailable('localAdmins')
      ? h('div', { className: 'field' }, h('p', {}, s.localAdmins), reasonNote('localAdmins'))
      : checkbox(s.localAdmins, state.localAdmins, (on) => (state.localAdmins = on)),
    group(
      s.created,
      dateInput(s.createdAfter, 'createdAfter'),
      dateInput(s.createdBefore, 'createdBefore'),
      reasonNote('created'),
    ),
    select(
      s.blocked,
      state.blocked,
      [
        ['all', s.blockedAll],
        ['blocked', s.blockedOnly],
        ['not-blocked', s.blockedNot],
      ],
      (v) => (state.blocked = v),
      unavailable('blocked'),
    ),
  );
}

function optionsForm(): HTMLElement {
  const s = t.sidebar;
  return h(
    'section',
    { 'aria-labelledby': 'options-title' },
    h('h2', { id: 'options-title' }, s.options),
    select(
      s.sort,
      state.sort,
      [
        ['alpha', s.sortAlpha],
        ['class', s.sortClass],
        ['profile', s.sortProfile],
      ],
      (v) => (state.sort = v),
    ),
    select(
      s.layout,
      String(state.layout) as '1' | '2' | '8',
      [
        ['1', s.layout1],
        ['2', s.layout2],
        ['8', s.layout8],
      ],
      (v) => (state.layout = Number(v) as Layout),
    ),
    checkbox(s.hideCodes, state.hideCodes, (on) => (state.hideCodes = on)),
  );
}

async function run<T>(
  button: HTMLButtonElement,
  work: () => Promise<Reply<T>>,
  done: (value: T) => Node[],
) {
  clearMessages();
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.action')];
  buttons.forEach((b) => (b.disabled = true));
  button.setAttribute('aria-busy', 'true');
  status.textContent = t.sidebar.working;
  try {
    const reply = await work();
    status.replaceChildren();
    if (reply.ok) status.append(...done(reply.value));
    else showError(reply.error.message);
  } catch (error) {
    status.replaceChildren();
    showError((error as Error).message || String(error));
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    button.removeAttribute('aria-busy');
  }
}

function actions(): HTMLElement {
  const s = t.sidebar;
  const preview = h(
    'button',
    { type: 'button', className: 'action primary', id: 'run-preview' },
    s.preview,
  );
  const exportCsv = h(
    'button',
    { type: 'button', className: 'action', id: 'export-csv' },
    s.exportCsv,
  );
  preview.addEventListener('click', () =>
    run(
      preview,
      () => callServer('runPreview', request()),
      (result) => [
        h('p', { className: 'big' }, t.summary.total(result.summary.total)),
        h('p', {}, t.summary.withoutEmail(result.summary.withoutEmail)),
        h('p', {}, t.summary.invalidEmail(result.summary.invalidEmail)),
        h('p', {}, t.summary.activation(result.summary.activated, result.summary.notActivated)),
        h('p', { className: 'hint' }, t.previewTab.written(result.summary.total, result.tabName)),
      ],
    ),
  );
  exportCsv.addEventListener('click', () =>
    run(
      exportCsv,
      () => callServer('exportSelection', request()),
      (result) => [
        h('p', {}, `${result.fileName} (${t.summary.total(result.count)})`),
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
  );
}

function sourceSection(info: SourceInfo): HTMLElement {
  const s = t.sidebar;
  const found = info.columns.filter((c) => c.header !== null);
  const missing = info.columns.filter((c) => c.header === null);
  const candidates = info.sheets.filter((sheet) => sheet.looksLikeExport);
  const chooser =
    candidates.length > 1
      ? select(
          s.sheet,
          info.sheetName,
          candidates.map((c) => [c.name, c.name] as [string, string]),
          (name) => void load(name),
        )
      : h('p', {}, `${s.sheet} : « ${info.sheetName} »`);
  return h(
    'section',
    { 'aria-labelledby': 'source-title' },
    h('h2', { id: 'source-title' }, s.source),
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
        `${s.columnsMissing} : ${missing.map((c) => c.label).join(', ')}`,
      ),
    info.warnings.length > 0 &&
      h(
        'ul',
        { className: 'warnings' },
        info.warnings.slice(0, 5).map((w) => h('li', {}, w)),
      ),
  );
}

function render(info: SourceInfo): void {
  t = messages(info.language);
  document.documentElement.lang = info.language;
  app.replaceChildren(
    h('h1', {}, t.sidebar.title),
    sourceSection(info),
    filtersForm(info),
    optionsForm(),
    actions(),
    alertBox,
    status,
  );
}

async function load(sheetName: string | null): Promise<void> {
  app.replaceChildren(h('h1', {}, t.sidebar.title), h('p', {}, t.sidebar.loading), alertBox);
  try {
    const reply = await callServer('getSource', sheetName);
    if (!reply.ok) {
      showError(reply.error.message);
      return;
    }
    source = reply.value;
    state.levels.clear();
    state.classes.clear();
    state.profiles.clear();
    render(reply.value);
  } catch (error) {
    showError((error as Error).message || String(error));
  } finally {
    app.dataset.ready = 'true';
  }
}

void load(null);
