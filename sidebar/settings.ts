// The settings page: ENT name and address, school, contact, and the e-mails' sender. Reached from
// the header at every step; shown first while the settings are still the examples.
import type { SettingsView } from '../src/core/contract';
import type { Settings } from '../src/core/types';
import { actionButton } from './controls';
import { h, nextId } from './dom';
import { callServer } from './server';
import { output, showError, ui, type Output } from './state';

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

/** Still the examples: some field holds a placeholder (the ENT address, the school's name…). */
export function stillExamples(view: SettingsView): boolean {
  return view.problems.length > 0;
}

const inputs = new Map<keyof Settings, HTMLInputElement>();

function rows(view: SettingsView): HTMLElement[] {
  const t = ui.t.settings;
  inputs.clear();
  const fields = FIELDS.map((field) => {
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
  if (!stillExamples(view)) return fields;
  const note = h(
    'p',
    { className: 'examples', id: 'settings-examples' },
    ui.t.steps.settingsExamples,
  );
  return [note, ...fields];
}

export interface SettingsParts {
  body: HTMLElement;
  bar: Node[];
  output: Output;
  primary: HTMLButtonElement;
  /** Reads the settings (once) and draws the form; resolves with them, or null on failure. */
  load(): Promise<SettingsView | null>;
}

export function settingsParts(close: () => void): SettingsParts {
  const t = ui.t.settings;
  const out = output('settings');
  const form = h('div', { className: 'settings-body', id: 'settings-form' });
  const body = h('div', {}, form);
  const save = actionButton('save-settings', t.save, true);
  const closeButton = actionButton('close-settings', ui.t.steps.settingsClose);
  closeButton.addEventListener('click', close);
  const draw = (view: SettingsView) => form.replaceChildren(...rows(view));
  save.addEventListener('click', async () => {
    out.clear();
    save.disabled = true;
    const settings = { ...(current.view?.settings ?? ({} as Settings)) };
    for (const [field, input] of inputs) settings[field] = input.value.trim();
    try {
      const reply = await callServer('saveSettings', settings);
      if (!reply.ok) return out.fail(reply.error.message);
      current.view = reply.value;
      draw(reply.value);
      out.show(h('p', { className: 'settings-saved' }, t.saved));
    } catch (error) {
      out.fail((error as Error).message || String(error));
    } finally {
      save.disabled = false;
    }
  });
  return {
    body,
    bar: [out.root, save, closeButton],
    output: out,
    primary: save,
    async load() {
      if (form.childElementCount > 0 && current.view) return current.view;
      const view = await loadSettings(out);
      if (view) draw(view);
      return view;
    },
  };
}

/**
 * The settings: those read already, else read now (a failure said in `out`). `fresh` reads them
 * again: a job asks the spreadsheet, which another sidebar may have changed since.
 */
export async function loadSettings(out?: Output, fresh = false): Promise<SettingsView | null> {
  if (current.view && !fresh) return current.view;
  const reply = await callServer('getSettings');
  if (!reply.ok) {
    if (out) out.fail(reply.error.message);
    else showError(reply.error.message);
    return null;
  }
  current.view = reply.value;
  return reply.value;
}
