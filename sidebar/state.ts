// The sidebar's shared state: the form's values, the source read, each action's output, and the
// way between the steps.
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
  /** `YYYY-MM-DD` as Filters wants it, or '' (no date, or one typed wrong: see dateProblems). */
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

/** A date typed wrong, by field: its French message; no action runs while one is here. */
export const dateProblems = new Map<'createdAfter' | 'createdBefore', string>();

/** What the server said of the source, and the language it chose. */
export const ui: { source: SourceInfo | null; t: Messages } = {
  source: null,
  t: messages(languageOf(navigator.language)),
};

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

/**
 * Where one action (or the few buttons of one action bar) says what it did: a status line read
 * out politely, and an error box read out at once (role="alert"), right next to its buttons.
 */
export interface Output {
  root: HTMLElement;
  status: HTMLElement;
  error: HTMLElement;
  clear(): void;
  fail(message: string): void;
  show(...nodes: (Node | string)[]): void;
}

export function output(name: string): Output {
  const status = h('div', {
    id: `${name}-status`,
    role: 'status',
    'aria-live': 'polite',
    className: 'status',
  });
  const error = h('div', { id: `${name}-error`, role: 'alert', className: 'error' });
  const root = h('div', { className: 'output', 'data-output': name }, error, status);
  return {
    root,
    status,
    error,
    clear() {
      error.textContent = '';
      status.replaceChildren();
    },
    fail(message) {
      error.textContent = message;
    },
    show(...nodes) {
      status.replaceChildren(...nodes);
    },
  };
}

/**
 * The output of the step on screen: for a message with no button of its own (the settings read
 * for a job). Set by the steps as they are shown.
 */
export const current: { output: Output | null } = { output: null };

export function showError(message: string): void {
  current.output?.fail(message);
}

export function clearMessages(): void {
  current.output?.clear();
}

/** The way between the steps, filled in by steps.ts (the panels only ask for it). */
export type StepId = 'source' | 'preview' | 'letters' | 'mail';
export const navigation = {
  goTo(step: StepId): void {
    void step;
  },
  openSettings(): void {},
};

/**
 * A date typed wrong stops every action: said in `out`, next to the button pressed, and the
 * field named; the step with the dates is shown, focused on the field.
 */
export function formBlocked(out: Output): boolean {
  const problem = [...dateProblems.values()][0];
  if (!problem) return false;
  out.fail(`${problem} ${ui.t.steps.datesFix}`);
  return true;
}

/** While one action runs, the others wait: two jobs at once would race on the same sheet. */
export function setActionsBusy(busy: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('button.action').forEach((b) => {
    b.disabled = busy;
  });
}

/** One call with its outcome in `out`: « … » while it runs, then `done`'s nodes or the error. */
export async function run<T>(
  out: Output,
  button: HTMLButtonElement,
  work: () => Promise<Reply<T>>,
  done: (value: T) => Node[],
  working: Node | string = ui.t.sidebar.working,
) {
  out.clear();
  if (formBlocked(out)) return;
  setActionsBusy(true);
  button.setAttribute('aria-busy', 'true');
  out.show(working);
  try {
    const reply = await work();
    out.status.replaceChildren();
    if (reply.ok) out.show(...done(reply.value));
    else out.fail(reply.error.message);
  } catch (error) {
    out.status.replaceChildren();
    out.fail((error as Error).message || String(error));
  } finally {
    setActionsBusy(false);
    button.removeAttribute('aria-busy');
  }
}
