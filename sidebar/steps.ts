// The sidebar as the referent's day (issue 16): (1) Source et filtres → (2) Aperçu →
// (3) Courriers → (4) Courriels, one step on screen at a time, with « Réglages » in the header.
// Each step is a scrolling body and an action bar that never scrolls away: the step's buttons,
// what they did and their errors (role="alert"), and the way to the previous and next steps.
// Every step is built once and only hidden: what was typed or ticked stays as it was.
import { h } from './dom';
import type { SettingsParts } from './settings';
import { current, navigation, ui, type Output, type StepId } from './state';

/** What a step module gives: its body, its bar's content, its output and its main button. */
export interface StepParts {
  body: Node[];
  bar: Node[];
  output: Output;
  primary: HTMLButtonElement;
}

export const STEP_ORDER: StepId[] = ['source', 'preview', 'letters', 'mail'];

interface Built {
  section: HTMLElement;
  bar: HTMLElement;
  heading: HTMLElement;
  tab: HTMLButtonElement;
  output: Output;
}

export interface Steps {
  root: HTMLElement;
  show(step: StepId, focus?: boolean): void;
  openSettings(focus?: boolean): void;
  closeSettings(): void;
  readonly step: StepId;
  readonly settingsOpen: boolean;
}

/**
 * A block of a step's body with its own button (the import, the sharing) says its result under
 * that button; when the result grows past the bottom of the body, the body follows it, so that
 * the referent sees it without scrolling (by the least needed: the button stays in view).
 */
function followResults(body: HTMLElement): void {
  const keep = (element: HTMLElement) => {
    if (element.closest('[hidden]')) return;
    const box = body.getBoundingClientRect();
    const r = element.getBoundingClientRect();
    if (r.height > 0 && (r.bottom > box.bottom || r.top < box.top))
      element.scrollIntoView({ block: 'nearest' });
  };
  new MutationObserver((records) => {
    const seen = new Set<HTMLElement>();
    for (const record of records) {
      const node = record.target;
      const element = (
        node instanceof HTMLElement ? node : node.parentElement
      )?.closest<HTMLElement>('[role="status"], [role="alert"]');
      if (element) seen.add(element);
    }
    if (seen.size > 0) requestAnimationFrame(() => seen.forEach(keep));
  }).observe(body, { subtree: true, childList: true, characterData: true });
}

export function buildSteps(parts: Record<StepId, StepParts>, settings: SettingsParts): Steps {
  const t = ui.t.steps;
  const names = Object.fromEntries(STEP_ORDER.map((id, i) => [id, t.names[i]!])) as Record<
    StepId,
    string
  >;
  const body = h('div', { className: 'body', id: 'step-body' });
  const barHolder = h('div', { className: 'bar', id: 'action-bar' });
  const tabs = h('ol', { className: 'stepper' });
  const toggle = h(
    'button',
    {
      type: 'button',
      id: 'open-settings',
      className: 'settings-toggle',
      'aria-label': t.settings,
      'aria-pressed': 'false',
      'aria-controls': 'settings-page',
    },
    h('span', { className: 'num', 'aria-hidden': 'true' }, '⚙'),
    h('span', { className: 'name' }, t.settings),
  );
  const built = {} as Record<StepId, Built>;
  let step: StepId = 'source';
  let settingsOpen = false;

  STEP_ORDER.forEach((id, i) => {
    const p = parts[id];
    const heading = h(
      'h2',
      { id: `step-${id}-title`, tabindex: '-1', className: 'step-title' },
      t.current(i + 1, STEP_ORDER.length, names[id]),
    );
    const section = h(
      'section',
      { className: 'step', id: `step-${id}`, 'aria-labelledby': heading.id, hidden: true },
      heading,
      ...p.body,
    );
    const previous = STEP_ORDER[i - 1];
    const next = STEP_ORDER[i + 1];
    const back = previous
      ? h('button', { type: 'button', className: 'nav prev', id: `back-${id}` }, t.previous)
      : null;
    back?.addEventListener('click', () => show(previous!, true));
    const forward = next
      ? h(
          'button',
          { type: 'button', className: 'nav next', id: `next-${id}` },
          t.next(t.short[i + 1]!),
        )
      : null;
    forward?.addEventListener('click', () => show(next!, true));
    const bar = h(
      'div',
      { className: 'step-bar', id: `bar-${id}`, 'data-step': id, hidden: true },
      ...p.bar,
      h('div', { className: 'nav-row' }, back ?? h('span', {}), forward ?? h('span', {})),
    );
    const tab = h(
      'button',
      { type: 'button', className: 'step-tab', id: `tab-${id}`, 'aria-label': names[id] },
      h('span', { className: 'num' }, String(i + 1)),
      h('span', { className: 'name' }, t.short[i]!),
    );
    tab.addEventListener('click', () => show(id, true));
    tabs.append(h('li', {}, tab));
    body.append(section);
    barHolder.append(bar);
    built[id] = { section, bar, heading, tab, output: p.output };
  });

  const settingsTitle = h(
    'h2',
    { id: 'settings-title', tabindex: '-1', className: 'step-title' },
    ui.t.settings.title,
  );
  const settingsPage = h(
    'section',
    { className: 'step', id: 'settings-page', 'aria-labelledby': 'settings-title', hidden: true },
    settingsTitle,
    settings.body,
  );
  const settingsBar = h(
    'div',
    { className: 'step-bar', id: 'bar-settings', hidden: true },
    ...settings.bar,
  );
  body.append(settingsPage);
  barHolder.append(settingsBar);

  function render(focus: boolean) {
    for (const id of STEP_ORDER) {
      const on = id === step && !settingsOpen;
      built[id].section.hidden = !on;
      built[id].bar.hidden = !on;
      if (id === step) built[id].tab.setAttribute('aria-current', 'step');
      else built[id].tab.removeAttribute('aria-current');
    }
    settingsPage.hidden = !settingsOpen;
    settingsBar.hidden = !settingsOpen;
    toggle.setAttribute('aria-pressed', String(settingsOpen));
    current.output = settingsOpen ? settings.output : built[step].output;
    body.scrollTop = 0;
    if (focus) (settingsOpen ? settingsTitle : built[step].heading).focus();
  }

  function show(id: StepId, focus = false) {
    step = id;
    settingsOpen = false;
    render(focus);
  }

  function openSettings(focus = true) {
    settingsOpen = true;
    render(focus);
    void settings.load();
  }

  function closeSettings() {
    settingsOpen = false;
    render(true);
  }

  followResults(body);
  toggle.addEventListener('click', () => (settingsOpen ? closeSettings() : openSettings()));
  navigation.goTo = (id) => show(id, true);
  navigation.openSettings = () => openSettings();

  // Sheets writes the title above the sidebar: here it is for screen readers only.
  const header = h(
    'header',
    { className: 'top' },
    h('h1', { className: 'sr-only' }, ui.t.sidebar.title),
    h('div', { className: 'top-row' }, h('nav', { 'aria-label': t.indicator }, tabs), toggle),
  );
  const root = h('div', { className: 'steps', id: 'steps' }, header, body, barHolder);
  render(false);
  return {
    root,
    show,
    openSettings,
    closeSettings,
    get step() {
      return step;
    },
    get settingsOpen() {
      return settingsOpen;
    },
  };
}
