// Form controls with their labels: the few shapes the sidebar's panels are made of.
import type { FilterName } from '../src/core/contract';
import { h, nextId } from './dom';
import { ui, unavailable } from './state';

export function checkbox(
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
  extra = '',
) {
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

export function select<V extends string>(
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
    reason &&
      h(
        'p',
        { id: `${id}-why`, className: 'why' },
        ui.t.typography.labelled(ui.t.sidebar.unavailable, reason),
      ),
  );
}

export function group(legend: string, ...content: (Node | null | false)[]) {
  return h('fieldset', {}, h('legend', {}, legend), ...content);
}

export function reasonNote(name: FilterName) {
  const reason = unavailable(name);
  return reason
    ? h('p', { className: 'why' }, ui.t.typography.labelled(ui.t.sidebar.unavailable, reason))
    : null;
}

/** A button of the sidebar's actions; the primary one is the step the panel is for. */
export function actionButton(id: string, text: string, primary = false): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', className: primary ? 'action primary' : 'action', id },
    text,
  );
}
