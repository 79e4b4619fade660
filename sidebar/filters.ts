// The filters and options panels: which accounts, in which order, with which layout.
import type { SourceInfo } from '../src/core/contract';
import type { Layout } from '../src/core/types';
import { checkbox, group, reasonNote, select } from './controls';
import { h, nextId } from './dom';
import { state, ui, unavailable } from './state';

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

export function optionsForm(): HTMLElement {
  const s = ui.t.sidebar;
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
