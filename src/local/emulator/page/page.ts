// The emulator's page: the spreadsheet's tabs as grids, the add-on menu, the sidebar, and the
// panels of what the add-on did (files, messages, dialogs, triggers, logs, service calls).
import { count } from '../../../core/plural';
import { columnLetters } from '../a1';
import { MIME_TYPES } from '../mime-type';
import type { EmulatorView, SheetView } from '../session-state';

type View = EmulatorView & { openError: { name: string; message: string } | null };

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let view: View | null = null;
let shownSheet: string | null = null;
let sidebarVersion = -1;
let lastVersion = -1;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

async function post(
  path: string,
  body: unknown = {},
): Promise<{ ok: boolean; error?: { message: string } }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

function banner(text: string | null, kind: 'error' | 'info' = 'error'): void {
  const node = $('banner');
  node.hidden = text === null;
  node.className = `banner ${kind}`;
  node.textContent = text ?? '';
}

/** Rows drawn at a time: a table of thousands of rows takes seconds to lay out. */
const CHUNK = 200;
let drawnSheet = '';
let drawnRows = 0;
let drawnSignature = '';

function cellRow(sheet: SheetView, r: number): HTMLTableRowElement {
  const tr = el(
    'tr',
    { 'data-row': String(r + 1) },
    el('th', { text: String(r + 1), class: 'row-number' }),
  );
  (sheet.values[r] ?? []).forEach((text, c) => {
    const td = el('td', { text });
    const background = sheet.backgrounds[r]?.[c];
    if (background && background !== '#ffffff') td.style.background = background;
    if (sheet.bold[r]?.[c]) td.classList.add('bold');
    if (sheet.numeric[r]?.[c]) td.classList.add('num');
    const note = sheet.notes[r]?.[c];
    if (note) {
      td.title = note;
      td.classList.add('has-note');
    }
    tr.append(td);
  });
  return tr;
}

/** Draws the next rows of the shown sheet, up to `until` (exclusive). */
function drawMoreRows(sheet: SheetView, until: number): void {
  const body = document.querySelector<HTMLTableSectionElement>('#grid tbody');
  if (!body) return;
  const end = Math.min(until, sheet.values.length);
  for (let r = Math.max(drawnRows, sheet.frozenRows); r < end; r++) body.append(cellRow(sheet, r));
  drawnRows = Math.max(drawnRows, end);
  $('grid').dataset.drawnRows = String(drawnRows);
}

function renderGrid(sheet: SheetView): void {
  const grid = $('grid');
  if (sheet.name !== drawnSheet) drawnRows = 0;
  const wanted = Math.max(drawnRows, sheet.frozenRows + CHUNK);
  const signature = JSON.stringify(sheet);
  if (sheet.name === drawnSheet && signature === drawnSignature) return;
  drawnSignature = signature;
  drawnSheet = sheet.name;
  const table = el('table', { class: 'cells', 'data-sheet': sheet.name });
  const columns = sheet.values[0]?.length ?? 1;
  const head = el('thead');
  const letters = el('tr', { class: 'letters' }, el('th', { class: 'corner' }));
  for (let c = 1; c <= columns; c++) letters.append(el('th', { text: columnLetters(c) }));
  head.append(letters);
  // Frozen rows stay in the table head, which sticks to the top while the grid scrolls.
  for (let r = 0; r < Math.min(sheet.frozenRows, sheet.values.length); r++) {
    const tr = cellRow(sheet, r);
    tr.classList.add('frozen');
    head.append(tr);
  }
  table.append(head, el('tbody'));
  const scroll = grid.scrollTop;
  grid.replaceChildren(table);
  drawnRows = 0;
  drawMoreRows(sheet, wanted);
  grid.scrollTop = scroll;
  grid.dataset.rows = String(sheet.values.length);
  grid.setAttribute(
    'aria-label',
    `Onglet ${sheet.name} : ${sheet.values.length} lignes utilisées sur ${sheet.maxRows}, ${count(sheet.frozenRows, 'figée', 'figées')}`,
  );
}

function renderTabs(sheets: SheetView[]): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...sheets
      .filter((sheet) => !sheet.hidden)
      .map((sheet) => {
        const tab = el('button', {
          type: 'button',
          class: sheet.name === shownSheet ? 'tab selected' : 'tab',
          'data-sheet': sheet.name,
          text: sheet.name,
        });
        tab.addEventListener('click', () => {
          shownSheet = sheet.name;
          void post('/emulator/sheet/activate', { name: sheet.name }).then(refresh);
        });
        return tab;
      }),
  );
}

function renderMenu(current: View): void {
  const popup = $('extensions-popup');
  const addonMenus = current.menus.filter((menu) => menu.addon);
  popup.replaceChildren(
    ...(addonMenus.length === 0
      ? [
          el('p', {
            class: 'empty',
            text: 'Aucun module complémentaire (onOpen n’a pas créé de menu).',
          }),
        ]
      : addonMenus.map((menu) =>
          el(
            'div',
            { class: 'submenu', role: 'group', 'aria-label': menu.caption },
            el('p', { class: 'submenu-title', text: menu.caption }),
            ...menu.entries.map((entry) => {
              if ('separator' in entry) return el('hr');
              const item = el('button', {
                type: 'button',
                role: 'menuitem',
                class: 'menu-item',
                'data-function': entry.functionName,
                text: entry.caption,
              });
              item.addEventListener('click', () => void runMenuItem(entry.functionName));
              return item;
            }),
          ),
        )),
  );
}

async function runMenuItem(functionName: string): Promise<void> {
  toggleMenu(false);
  const result = await post('/emulator/menu', { functionName });
  banner(result.ok ? null : `Erreur du script (${functionName}) : ${result.error?.message}`);
  await refresh();
}

function toggleMenu(open?: boolean): void {
  const popup = $('extensions-popup');
  const show = open ?? popup.hidden;
  popup.hidden = !show;
  $('menu-extensions').setAttribute('aria-expanded', String(show));
}

function renderSidebar(current: View): void {
  const aside = $('sidebar');
  if (!current.sidebar) {
    aside.hidden = true;
    sidebarVersion = -1;
    $<HTMLIFrameElement>('sidebar-frame').removeAttribute('src');
    return;
  }
  aside.hidden = false;
  $('sidebar-title').textContent = current.sidebar.title;
  if (current.sidebar.version !== sidebarVersion) {
    sidebarVersion = current.sidebar.version;
    $<HTMLIFrameElement>('sidebar-frame').src = `/emulator/sidebar?v=${sidebarVersion}`;
  }
}

function list<T>(items: T[], empty: string, render: (item: T) => HTMLElement): HTMLElement[] {
  return items.length === 0 ? [el('p', { class: 'empty', text: empty })] : items.map(render);
}

const isDoc = (file: { mimeType: string }) => file.mimeType === MIME_TYPES.GOOGLE_DOCS;

function renderPanels(current: View): void {
  $('count-files').textContent = String(current.files.length);
  $('panel-files').replaceChildren(
    ...list(current.files, 'Le module n’a encore créé aucun fichier.', (file) =>
      el(
        'div',
        { class: 'row file' },
        el('a', {
          href: `/emulator/files/${file.id}`,
          download: isDoc(file) ? `${file.name}.pdf` : file.name,
          text: file.name,
        }),
        el('a', {
          href: `/emulator/view/${file.id}`,
          target: '_blank',
          class: 'open-file',
          text: 'Ouvrir',
        }),
        el('span', {
          class: 'meta',
          text: isDoc(file)
            ? `Google Docs (téléchargé en PDF) · dossier « ${file.folder} »`
            : `${file.mimeType} · ${file.size} octets · dossier « ${file.folder} »`,
        }),
      ),
    ),
  );
  $('count-messages').textContent = String(current.messages.length);
  $('panel-messages').replaceChildren(
    ...list(current.messages, 'Aucun message envoyé.', (message) =>
      el(
        'details',
        { class: 'row message' },
        el('summary', { text: `${message.to} — ${message.subject}` }),
        el('a', {
          href: `/emulator/messages/${message.id}.eml`,
          download: `${message.id}.eml`,
          text: `Télécharger (.eml)`,
        }),
        el('span', {
          class: 'meta',
          text: ` ${message.service} · de ${message.name ? `${message.name} ` : ''}<${message.from}>${message.replyTo ? ` · réponse à ${message.replyTo}` : ''}`,
        }),
        el('pre', { text: message.body }),
      ),
    ),
  );
  $('count-dialogs').textContent = String(current.dialogs.length);
  $('answer-pending').textContent =
    current.pendingAnswers.length === 0
      ? 'Sans réponse préparée, le bouton affirmatif (OK ou Oui) répond.'
      : `Réponses préparées : ${current.pendingAnswers.map((a) => a.button + (a.text ? ` « ${a.text} »` : '')).join(', ')}`;
  $('dialog-list').replaceChildren(
    ...list([...current.dialogs].reverse(), 'Aucune boîte de dialogue.', (dialog) =>
      el(
        'div',
        { class: 'row dialog' },
        el('strong', { text: dialog.title || (dialog.kind === 'alert' ? 'Alerte' : 'Question') }),
        el('span', { text: dialog.prompt }),
        el('span', {
          class: 'meta',
          text: `→ ${dialog.answer.button}${dialog.kind === 'prompt' ? ` « ${dialog.answer.text ?? ''} »` : ''}`,
        }),
      ),
    ),
  );
  $('count-triggers').textContent = String(current.triggers.length);
  $('panel-triggers').replaceChildren(
    mailQuota(current),
    ...list(current.triggers, 'Aucun déclencheur installé.', (trigger) => {
      const run = el('button', {
        type: 'button',
        text: 'Exécuter maintenant',
        'data-trigger': trigger.id,
      });
      run.addEventListener('click', () => {
        void post('/emulator/triggers/run', { id: trigger.id }).then((result) => {
          banner(result.ok ? null : `Erreur du déclencheur : ${result.error?.message}`);
          return refresh();
        });
      });
      return el(
        'div',
        { class: 'row' },
        el('code', { text: trigger.handler }),
        el('span', { class: 'meta', text: `${trigger.eventType} ${trigger.schedule.join('.')}` }),
        run,
      );
    }),
  );
  $('panel-logs').replaceChildren(
    ...list(current.logs, 'Journal vide.', (entry) =>
      el('pre', { class: `log ${entry.level}`, text: entry.message }),
    ),
  );
  const calls = Object.entries(current.counters);
  $('count-calls').textContent = String(calls.reduce((sum, [, n]) => sum + n, 0));
  const reset = el('button', { type: 'button', text: 'Remettre à zéro' });
  reset.addEventListener('click', () => void post('/emulator/counters/reset').then(refresh));
  $('panel-calls').replaceChildren(
    el('p', {
      class: 'meta',
      text: `Bundle exécuté : ${current.code.path} (sha256 ${current.code.sha256.slice(0, 12)}…)`,
    }),
    reset,
    el(
      'table',
      { class: 'calls' },
      ...calls.map(([key, n]) =>
        el('tr', {}, el('td', { text: key }), el('td', { text: String(n) })),
      ),
    ),
  );
}

/**
 * The mail quota of the emulated day (GmailApp/MailApp), and the next day: the flow of a quota
 * spent, its waiting messages and the hourly trigger can be shown without a terminal.
 */
function mailQuota(current: View): HTMLElement {
  const { mail } = current;
  const input = el('input', {
    id: 'mail-quota',
    type: 'number',
    min: '0',
    step: '1',
    value: String(mail.faults.dailyQuota),
  });
  const status = el('span', {
    id: 'mail-quota-status',
    class: 'meta',
    text: `${count(mail.sentToday, 'envoyé', 'envoyés')} aujourd’hui, ${count(mail.remainingQuota, 'restant', 'restants')}`,
  });
  const form = el(
    'form',
    { id: 'mail-quota-form', class: 'row' },
    el('label', { for: 'mail-quota', text: 'Quota d’envoi par jour' }),
    input,
    el('button', { type: 'submit', text: 'Appliquer' }),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const dailyQuota = Number(input.value);
    void post('/emulator/mail', { faults: { dailyQuota } }).then((result) => {
      banner(result.ok ? null : `Quota refusé : ${result.error?.message}`);
      return refresh();
    });
  });
  const nextDay = el('button', {
    id: 'mail-next-day',
    type: 'button',
    text: 'Passer au jour suivant',
  });
  nextDay.addEventListener('click', () => {
    void post('/emulator/mail', { nextDay: true }).then(refresh);
  });
  return el('div', { class: 'mail-quota' }, form, nextDay);
}

function render(current: View): void {
  document.title = `${current.spreadsheet.name} — Publipostage ENT (émulateur)`;
  $('doc-name').textContent = current.spreadsheet.name;
  const sheets = current.spreadsheet.sheets;
  const active = sheets.find((sheet) => sheet.active) ?? sheets[0];
  // Follow the script when it activates another sheet (a new preview tab, for instance).
  if (
    !shownSheet ||
    !sheets.some((s) => s.name === shownSheet) ||
    active?.name !== view?.spreadsheet.sheets.find((s) => s.active)?.name
  ) {
    shownSheet = active?.name ?? null;
  }
  const sheet = sheets.find((s) => s.name === shownSheet);
  if (sheet) renderGrid(sheet);
  renderTabs(sheets);
  renderMenu(current);
  renderSidebar(current);
  renderPanels(current);
  if (current.openError) banner(`onOpen a échoué : ${current.openError.message}`);
  view = current;
  document.body.dataset.version = String(current.version);
}

async function refresh(): Promise<void> {
  const response = await fetch('/emulator/state');
  const current = (await response.json()) as View;
  lastVersion = current.version;
  render(current);
}

async function poll(): Promise<void> {
  try {
    const { version } = (await (await fetch('/emulator/version')).json()) as { version: number };
    if (version !== lastVersion) await refresh();
  } catch {
    banner('Le serveur de l’émulateur ne répond plus.');
  }
}

function wire(): void {
  $('menu-extensions').addEventListener('click', (event) => {
    event.stopPropagation();
    toggleMenu();
  });
  document.addEventListener('click', (event) => {
    if (!$('extensions-popup').contains(event.target as Node)) toggleMenu(false);
  });
  $('grid').addEventListener('scroll', () => {
    const grid = $('grid');
    const sheet = view?.spreadsheet.sheets.find((s) => s.name === drawnSheet);
    if (sheet && grid.scrollTop + grid.clientHeight > grid.scrollHeight - 600) {
      drawMoreRows(sheet, drawnRows + CHUNK);
    }
  });
  $('sidebar-close').addEventListener(
    'click',
    () => void post('/emulator/host/close').then(refresh),
  );
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.drawer-tabs [role=tab]')) {
    tab.addEventListener('click', () => {
      for (const other of document.querySelectorAll<HTMLButtonElement>('.drawer-tabs [role=tab]')) {
        const selected = other === tab;
        other.setAttribute('aria-selected', String(selected));
        $(`panel-${other.dataset.panel}`).hidden = !selected;
      }
    });
  }
  $('answer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const button = $<HTMLSelectElement>('answer-button').value;
    const text = $<HTMLInputElement>('answer-text').value;
    void post('/emulator/dialog-answers', { answers: [{ button, text }] }).then(refresh);
  });
  // The sidebar's shim says when a server call ended: the grid may have changed.
  window.addEventListener('message', (event) => {
    if ((event.data as { type?: string })?.type === 'emulator:changed') void refresh();
  });
  setInterval(() => void poll(), 1000);
}

wire();
void refresh();
