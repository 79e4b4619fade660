// The sidebar: the referent's day as four steps (steps.ts), « Réglages » reachable from each.
// Bundled and inlined into dist/sidebar.html by scripts/build.mjs. Each step's content is its own
// module; this file loads the source, gives each step its parts and picks the first screen.
//
// Other blocks join a step through the `extra` lists below (their own module, their own output
// next to their own button): « Importer un export ENT » in the source step, « Partager
// l'aperçu » in the Aperçu step, the texts' editor in the Courriers and Courriels steps.
import type { SourceInfo } from '../src/core/contract';
import { messages } from '../src/core/i18n';
import { h } from './dom';
import { filtersForm, optionsForm } from './filters';
import { importSection } from './import';
import { lettersParts } from './letters';
import { mailParts } from './mail';
import { countParts, previewParts } from './preview';
import { callServer } from './server';
import { loadSettings, settingsParts, stillExamples } from './settings';
import { sharePanel } from './share';
import { sourceSection } from './source';
import { output, state, ui, type StepId } from './state';
import { buildSteps, type StepParts } from './steps';
import { textsPanel } from './texts';

const app = document.getElementById('app') as HTMLElement;
/** Kept across reloads (its result stays); shown even when no tab is an export yet. */
const importer = importSection((sheetName) => void load(sheetName));
/** The settings-first screen is for the sidebar's opening, not for a reload after an import. */
let opened = false;

function sourceParts(info: SourceInfo, extra: Node[] = []): StepParts {
  const count = countParts();
  return {
    body: [
      h('p', { className: 'intro' }, ui.t.steps.sourceIntro),
      ...extra,
      sourceSection(info, (name) => void load(name)),
      filtersForm(info),
      optionsForm(),
    ],
    bar: [count.output.root, count.primary],
    output: count.output,
    primary: count.primary,
  };
}

async function render(info: SourceInfo): Promise<void> {
  ui.t = messages(info.language);
  document.documentElement.lang = info.language;
  const letters = lettersParts([textsPanel({ id: 'letter-texts', formats: ['letter', 'card'] })]);
  const parts: Record<StepId, StepParts> = {
    source: sourceParts(info, [importer]),
    preview: previewParts([sharePanel()]),
    letters,
    mail: mailParts([textsPanel({ id: 'mail-texts', formats: ['mail'] })]),
  };
  const steps = buildSteps(
    parts,
    settingsParts(() => steps.closeSettings()),
  );
  app.replaceChildren(steps.root);
  // The first screen: a letters job left unfinished, else the settings while they are the
  // examples, else the first step. google.script.run runs these calls one after the other.
  if (opened) return;
  opened = true;
  if (await letters.offerPending()) return steps.show('letters');
  const view = await loadSettings();
  if (view && stillExamples(view)) steps.openSettings(false);
}

async function load(sheetName: string | null): Promise<void> {
  // A fresh output: a source that failed to load and was then imported keeps no old error.
  const out = output('load');
  app.replaceChildren(
    h('h1', {}, ui.t.sidebar.title),
    h('p', {}, ui.t.sidebar.loading),
    out.root,
    importer,
  );
  try {
    const reply = await callServer('getSource', sheetName);
    if (!reply.ok) {
      out.fail(reply.error.message);
      // No export yet (a first day): the first screen is the import, the settings come later.
      opened = true;
      return;
    }
    ui.source = reply.value;
    state.levels.clear();
    state.classes.clear();
    state.profiles.clear();
    await render(reply.value);
  } catch (error) {
    out.fail((error as Error).message || String(error));
  } finally {
    app.dataset.ready = 'true';
  }
}

void load(null);
