// The letters panel: « Générer en PDF » with the layout chosen in this step, one file or one per
// class or profile; a confirm step while the ENT address is a placeholder; the job's progress
// with cancel; then the links to each Doc and PDF. A job left unfinished (the sidebar closed) is
// offered again when the sidebar opens: « Reprendre » or « Abandonner ».
import type {
  JobStatus,
  LetterFile,
  LettersResult,
  LettersSplit,
  PendingLetters,
  Reply,
  SelectionRequest,
} from '../src/core/contract';
import { h } from './dom';
import { actionButton, select } from './controls';
import { adviceIfEmpty } from './preview';
import { runJob } from './progress';
import { callServer } from './server';
import { loadSettings } from './settings';
import type { Layout } from '../src/core/types';
import {
  formBlocked,
  navigation,
  output,
  request,
  setActionsBusy,
  state,
  ui,
  type Output,
} from './state';
import type { StepParts } from './steps';

let split: LettersSplit = 'none';

function links(files: LetterFile[]): HTMLElement {
  const t = ui.t.letters;
  const letters = files.reduce((sum, file) => sum + file.letters, 0);
  return h(
    'div',
    { className: 'letters-result' },
    h('p', {}, t.done(files.length, letters)),
    fileList(files),
  );
}

/** Each file made: its label, its pages, its Doc and its PDF. */
function fileList(files: LetterFile[]): HTMLElement {
  const t = ui.t.letters;
  return h(
    'ul',
    { className: 'files' },
    files.map((file) =>
      h(
        'li',
        {},
        h(
          'span',
          {},
          `${file.label}${file.partCount > 1 ? ` (${file.part}/${file.partCount})` : ''} — ${t.pages(file.pages)} `,
        ),
        h(
          'a',
          { href: file.doc.url, target: '_blank', rel: 'noopener', className: 'doc-link' },
          t.doc,
        ),
        ' · ',
        h(
          'a',
          { href: file.pdf.url, target: '_blank', rel: 'noopener', className: 'pdf-link' },
          t.pdf,
        ),
      ),
    ),
  );
}

async function generate(
  area: HTMLElement,
  out: Output,
  button: HTMLButtonElement | null,
  confirmed: boolean,
  selection: SelectionRequest,
) {
  await run(
    area,
    out,
    button,
    () => callServer('startLetters', { ...selection, layout: state.layout, split, confirmed }),
    selection,
  );
}

/** A job's steps from `start` (a new job, or the next step of one resumed), then its links. */
async function run(
  area: HTMLElement,
  out: Output,
  button: HTMLButtonElement | null,
  start: () => Promise<Reply<JobStatus<LettersResult>>>,
  selection?: SelectionRequest,
) {
  setActionsBusy(true);
  try {
    const outcome = await runJob(area, {
      start,
      next: (jobId) => callServer('continueLetters', jobId),
      cancel: (jobId) => callServer('cancelLetters', jobId),
    });
    if (outcome.kind === 'done') area.replaceChildren(links(outcome.result?.files ?? []));
    else if (outcome.kind === 'cancelled')
      area.replaceChildren(h('p', {}, ui.t.progress.cancelled));
    else {
      area.replaceChildren();
      out.fail(outcome.message);
      // Nobody selected: which filters are set, and the one to relax.
      if (selection && outcome.message === ui.t.letters.nothingSelected) {
        const advice = await adviceIfEmpty(selection);
        if (advice) area.replaceChildren(advice);
      }
    }
  } finally {
    setActionsBusy(false);
    button?.focus();
  }
}

/** While the ENT address is an example: say which settings are placeholders, then let choose. */
function confirmStep(
  area: HTMLElement,
  problems: { field: string; message: string }[],
  onGo: () => void,
) {
  const t = ui.t.letters;
  const anyway = actionButton('letters-anyway', t.generateAnyway);
  const open = actionButton('letters-settings', t.openSettings);
  anyway.addEventListener('click', onGo);
  open.addEventListener('click', () => {
    area.replaceChildren();
    navigation.openSettings();
  });
  area.replaceChildren(
    h(
      'div',
      { className: 'confirm', role: 'alertdialog', 'aria-labelledby': 'letters-confirm-title' },
      h('p', { id: 'letters-confirm-title', className: 'big' }, t.placeholderTitle),
      h('p', {}, t.placeholderIntro),
      h(
        'ul',
        {},
        problems.map((p) => h('li', {}, p.message)),
      ),
      anyway,
      open,
    ),
  );
  anyway.focus();
}

/**
 * Letters of `selection` in `area`, after the confirm step while the address is a placeholder;
 * also the e-mail panel's strategy, for exactly the logins its campaign skipped.
 */
export async function startLetters(
  area: HTMLElement,
  out: Output,
  button: HTMLButtonElement | null,
  selection: SelectionRequest,
): Promise<void> {
  out.clear();
  if (formBlocked(out)) return;
  const view = await loadSettings(out, true);
  if (!view) return;
  if (view.blocking)
    confirmStep(area, view.problems, () => void generate(area, out, button, true, selection));
  else await generate(area, out, button, false, selection);
}

/** This spreadsheet's unfinished job: how far it got, its finished files, resume or abandon. */
function pendingJob(
  area: HTMLElement,
  out: Output,
  button: HTMLButtonElement,
  pending: PendingLetters,
) {
  const t = ui.t.letters;
  const resume = actionButton('letters-resume', t.resume, true);
  const abandon = actionButton('letters-abandon', t.abandon);
  resume.addEventListener('click', () => {
    out.clear();
    void run(area, out, button, () => callServer('continueLetters', pending.jobId));
  });
  abandon.addEventListener('click', () => {
    out.clear();
    void callServer('cancelLetters', pending.jobId).then(
      (reply) => {
        if (reply.ok) area.replaceChildren(h('p', {}, ui.t.progress.cancelled));
        else out.fail(reply.error.message);
      },
      (error: Error) => out.fail(error.message || String(error)),
    );
  });
  area.replaceChildren(
    h(
      'div',
      { className: 'letters-pending', id: 'letters-pending' },
      h('p', { className: 'big' }, t.pendingTitle(pending.processed, pending.total)),
      ...(pending.files.length > 0 ? [h('p', {}, t.pendingFiles), fileList(pending.files)] : []),
      resume,
      abandon,
    ),
  );
}

/** This spreadsheet's unfinished job, offered in the letters' bar: true when there is one. */
async function offerPending(
  area: HTMLElement,
  out: Output,
  button: HTMLButtonElement,
): Promise<boolean> {
  try {
    const reply = await callServer('pendingLetters');
    if (reply.ok && reply.value && area.childElementCount === 0) {
      pendingJob(area, out, button, reply.value);
      return true;
    }
  } catch {
    // Nothing to offer: the panel works as usual.
  }
  return false;
}

export interface LettersParts extends StepParts {
  /** Asks the server for a job left unfinished; true when one is offered (« Reprendre »). */
  offerPending(): Promise<boolean>;
}

export function lettersParts(extra: Node[] = []): LettersParts {
  const t = ui.t.letters;
  const s = ui.t.sidebar;
  const out = output('letters');
  const area = h('div', { className: 'letters-area', id: 'letters-area' });
  const button = actionButton('generate-pdf', t.generate, true);
  button.addEventListener('click', () => void startLetters(area, out, button, request()));
  return {
    body: [
      h('p', { className: 'intro' }, ui.t.steps.lettersIntro),
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
      select(
        t.split,
        split,
        [
          ['none', t.splitNone],
          ['class', t.splitClass],
          ['profile', t.splitProfile],
        ],
        (value) => (split = value),
      ),
      h('p', { className: 'hint' }, t.hint),
      ...extra,
    ],
    bar: [out.root, area, button],
    output: out,
    primary: button,
    offerPending: () => offerPending(area, out, button),
  };
}
