// The sidebar's shared state: the form's values, the source read, the messages, the result area.
import type { FilterName, Reply, SelectionRequest, SourceInfo } from '../src/core/contract';
import { languageOf, messages, type Messages } from '../src/core/i18n';
import type { Filters, Layout, SortKey } from '../src/core/types';
import { h } from './dom';

export interface FormState {
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

export const state: FormState = {
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

/** What the server said of the source, and the language it chose. */
export const ui: { source: SourceInfo | null; t: Messages } = {
  source: null,
  t: messages(languageOf(navigator.language)),
};
export const status = h('div', {
  id: 'status',
  role: 'status',
  'aria-live': 'polite',
  className: 'status',
});
export const alertBox = h('div', { id: 'error', role: 'alert', className: 'error' });

export function filters(): Filters {
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

export function request(): SelectionRequest {
  return {
    sheetName: ui.source?.sheetName ?? '',
    filters: filters(),
    sort: state.sort,
    showCodes: !state.hideCodes,
  };
}

export function unavailable(name: FilterName): string | undefined {
  return ui.source?.options.unavailable[name];
}

export function showError(message: string): void {
  alertBox.textContent = message;
}

export function clearMessages(): void {
  alertBox.textContent = '';
  status.replaceChildren();
}

/** While one action runs, the others wait: two jobs at once would race on the same sheet. */
export function setActionsBusy(busy: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('button.action').forEach((b) => {
    b.disabled = busy;
  });
}

export async function run<T>(
  button: HTMLButtonElement,
  work: () => Promise<Reply<T>>,
  done: (value: T) => Node[],
) {
  clearMessages();
  setActionsBusy(true);
  button.setAttribute('aria-busy', 'true');
  status.textContent = ui.t.sidebar.working;
  try {
    const reply = await work();
    status.replaceChildren();
    if (reply.ok) status.append(...done(reply.value));
    else showError(reply.error.message);
  } catch (error) {
    status.replaceChildren();
    showError((error as Error).message || String(error));
  } finally {
    setActionsBusy(false);
    button.removeAttribute('aria-busy');
  }
}
