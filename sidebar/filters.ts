// The filters and options panels of the first step: which accounts, in which order.
import type { SourceInfo } from '../src/core/contract';
import { checkbox, group, reasonNote, select } from './controls';
import { h, nextId } from './dom';
import { displayDate } from '../src/core/dates';
import { parseTypedDay } from '../src/core/typed-date';
import { dateProblems, state, ui, unavailable } from './state';

function classesList(): HTMLElement {
  const box = h('div', { id: 'classes', className: 'classes' });
  const levels = ui.source?.options.levels.filter((level) => state.levels.has(level.name)) ?? [];
  if (levels.length === 0) {
    box.append(h('p', { className: 'hint' }, ui.t.sidebar.classesHint));
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
  const levels = (ui.source?.options.levels ?? []).map((level) =>
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
    `${ui.t.sidebar.levels} / ${ui.t.sidebar.classes}`,
    reason ? reasonNote('levels') : h('div', { className: 'levels' }, levels),
    !reason && h('p', { className: 'sub' }, ui.t.sidebar.classes),
    !reason && classesHolder,
  );
}

export function filtersForm(info: SourceInfo): HTMLElement {
  const s = ui.t.sidebar;
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
  // A text field read as jj/mm/aaaa: <input type="date"> shows the browser's own format.
  const dateInput = (label: string, key: 'createdAfter' | 'createdBefore') => {
    const id = nextId('date');
    const input = h('input', {
      type: 'text',
      id,
      name: key,
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: ui.t.steps.dateFormat,
      value: state[key] ? displayDate(state[key]) : '',
      disabled: dateReason !== undefined,
      'aria-describedby': `${id}-why`,
    });
    const why = h('p', { id: `${id}-why`, className: 'hint' }, ui.t.steps.dateFormat);
    const check = () => {
      const typed = parseTypedDay(input.value);
      if (typed.ok) {
        state[key] = typed.day ?? '';
        dateProblems.delete(key);
        input.removeAttribute('aria-invalid');
        why.className = 'hint';
        why.textContent = ui.t.steps.dateFormat;
      } else {
        state[key] = '';
        const message = ui.t.steps.dateInvalid(label, input.value.trim());
        dateProblems.set(key, message);
        input.setAttribute('aria-invalid', 'true');
        why.className = 'why invalid';
        why.textContent = message;
      }
    };
    input.addEventListener('change', check);
    input.addEventListener('blur', check);
    return h('div', { className: 'field' }, h('label', { for: id }, label), input, why);
  };
  return h(
    'section',
    { 'aria-labelledby': 'filters-title' },
    h('h3', { id: 'filters-title' }, s.filters),
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

export function optionsForm(): HTMLElement {
  const s = ui.t.sidebar;
  return h(
    'section',
    { 'aria-labelledby': 'options-title' },
    h('h3', { id: 'options-title' }, s.options),
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
    checkbox(s.hideCodes, state.hideCodes, (on) => (state.hideCodes = on)),
  );
}
