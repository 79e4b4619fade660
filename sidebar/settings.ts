// The settings panel: ENT name and address, school, contact, and the e-mails' sender.
import type { SettingsView } from '../src/core/contract';
import type { Settings } from '../src/core/types';
import { actionButton } from './controls';
import { h, nextId } from './dom';
import { callServer } from './server';
import { showError, ui } from './state';

const FIELDS: (keyof Settings)[] = [
  'entName',
  'entUrl',
  'schoolName',
  'contact',
  'senderName',
  'replyTo',
];

/** The settings last read or saved; the letters and e-mail panels read them before a job. */
export const current: { view: SettingsView | null } = { view: null };

function form(view: SettingsView, body: HTMLElement): HTMLElement {
  const t = ui.t.settings;
  const inputs = new Map<keyof Settings, HTMLInputElement>();
  const rows = FIELDS.map((field) => {
    const id = nextId('set');
    const problem = view.problems.find((p) => p.field === field);
    const input = h('input', {
      type: field === 'entUrl' ? 'url' : field === 'replyTo' ? 'email' : 'text',
      id,
      name: field,
      value: view.settings[field] ?? '',
      'aria-describedby': problem ? `${id}-why` : undefined,
      'aria-invalid': problem ? 'true' : undefined,
    });
    inputs.set(field, input);
    return h(
      'div',
      { className: 'field' },
      h('label', { for: id }, t[field]),
      input,
      problem && h('p', { id: `${id}-why`, className: 'why' }, problem.message),
    );
  });
  const save = actionButton('save-settings', t.save);
  const done = h('p', { className: 'hint settings-saved', role: 'status', 'aria-live': 'polite' });
  save.addEventListener('click', async () => {
    save.disabled = true;
    const settings = { ...view.settings };
    for (const [field, input] of inputs) settings[field] = input.value.trim();
    try {
      const reply = await callServer('saveSettings', settings);
      if (!reply.ok) return showError(reply.error.message);
      current.view = reply.value;
      body.replaceChildren(form(reply.value, body));
      body.querySelector<HTMLElement>('.settings-saved')!.textContent = t.saved;
    } catch (error) {
      showError((error as Error).message || String(error));
    } finally {
      save.disabled = false;
    }
  });
  return h('div', {}, ...rows, save, done);
}

/** Read on first open: most sessions never need them until a letter or an e-mail. */
export function settingsPanel(): HTMLElement {
  const body = h('div', { className: 'settings-body' });
  const details = h(
    'details',
    { id: 'settings', className: 'panel' },
    h('summary', {}, ui.t.settings.title),
    body,
  );
  // The form, once: the settings may already be read (the letters' confirm step read them).
  details.addEventListener('toggle', async () => {
    if (!details.open || body.childElementCount > 0) return;
    const view = await loadSettings();
    if (view) body.replaceChildren(form(view, body));
  });
  return h('section', {}, details);
}

/** The settings for a job: those shown, else read now. */
export async function loadSettings(): Promise<SettingsView | null> {
  if (current.view) return current.view;
  const reply = await callServer('getSettings');
  if (!reply.ok) {
    showError(reply.error.message);
    return null;
  }
  current.view = reply.value;
  return reply.value;
}
