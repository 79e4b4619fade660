// The sidebar: choose the accounts (filters), check them (preview), then print or send.
// Bundled and inlined into dist/sidebar.html by scripts/build.mjs. Each panel is its own module;
// this file only loads the source and lays the panels out.
import type { SourceInfo } from '../src/core/contract';
import { messages } from '../src/core/i18n';
import { h } from './dom';
import { filtersForm, optionsForm } from './filters';
import { importSection } from './import';
import { lettersPanel } from './letters';
import { mailPanel } from './mail';
import { previewActions } from './preview';
import { callServer } from './server';
import { settingsPanel } from './settings';
import { sharePanel } from './share';
import { sourceSection } from './source';
import { alertBox, clearMessages, showError, state, ui } from './state';

const app = document.getElementById('app') as HTMLElement;
/** Kept across reloads (its result stays); shown even when no tab is an export yet. */
const importer = importSection((sheetName) => void load(sheetName));

/** The panels, top to bottom. */
const PANELS: ((info: SourceInfo) => HTMLElement)[] = [
  (info) => sourceSection(info, (name) => void load(name)),
  () => importer,
  filtersForm,
  optionsForm,
  previewActions,
  sharePanel,
  lettersPanel,
  mailPanel,
  settingsPanel,
];

function render(info: SourceInfo): void {
  ui.t = messages(info.language);
  document.documentElement.lang = info.language;
  app.replaceChildren(h('h1', {}, ui.t.sidebar.title), ...PANELS.map((panel) => panel(info)));
}

async function load(sheetName: string | null): Promise<void> {
  // A source that failed to load and was then imported must not keep its old error.
  clearMessages();
  app.replaceChildren(
    h('h1', {}, ui.t.sidebar.title),
    h('p', {}, ui.t.sidebar.loading),
    alertBox,
    importer,
  );
  try {
    const reply = await callServer('getSource', sheetName);
    if (!reply.ok) {
      showError(reply.error.message);
      return;
    }
    ui.source = reply.value;
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
