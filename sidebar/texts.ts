// « Textes des courriers et courriels » (issue 17): the six texts, edited with merge fields
// offered from a list, checked as the referent types (the same core checks the server applies on
// save), and a live preview of the letter, card or e-mail of a real account of the selection.
// The examples and the texts are read once when the panel opens; each keystroke renders in the
// browser, 150 ms after the last one.
import type { TextExamples } from '../src/core/contract';
import { previewAccounts, type ExampleAccounts } from '../src/core/text-examples';
import type { Language } from '../src/core/present';
import { displayName } from '../src/core/present';
import type { Account, Layout } from '../src/core/types';
import { h, nextId } from './dom';
import { callServer } from './server';
import { current as currentSettings } from './settings';
import { request, state, ui } from './state';
import {
  TEXT_VARIANTS,
  fieldChoices,
  loadTexts,
  previewOf,
  resetText,
  saveText,
  type EditedText,
  type StoredText,
  type TextFormat,
  type TextIssue,
  type TextVariant,
} from './text-engine';
import { letterPreview, mailPreview } from './text-preview';

/** Quiet time after a keystroke before the preview is drawn again. */
export const PREVIEW_DELAY_MS = 150;

interface Loaded {
  examples: TextExamples;
  language: Language;
  stored: Record<string, StoredText>;
}

function variantLabel(variant: TextVariant): string {
  const t = ui.t.textEditor;
  const format = { card: t.card, letter: t.letter, mail: t.mail }[variant.format];
  return `${format} – ${variant.variant === 'activated' ? t.activated : t.notActivated}`;
}

/** The letters' layout for a letter variant: the one chosen in Options, a card always 8. */
function layoutOf(variant: TextVariant): Layout {
  if (variant.format === 'card') return 8;
  return state.layout === 2 ? 2 : 1;
}

function examplesOf(examples: TextExamples, variant: TextVariant): ExampleAccounts {
  return previewAccounts(examples.accounts[variant.variant], variant, {
    showCodes: !state.hideCodes,
  });
}

function accountName(account: Account): string {
  return displayName(account) || account.login;
}

function editor(
  loaded: Loaded,
  variants: readonly TextVariant[],
): {
  element: HTMLElement;
  examplesRead: (examples: TextExamples) => void;
} {
  const t = ui.t.textEditor;
  const language = loaded.language;
  const drafts = new Map<string, EditedText>(
    variants.map((variant) => [variant.id, { ...loaded.stored[variant.id]!.text }]),
  );
  const picked = new Map<string, number>();
  // The text the letters would use now (the card with layout 8, else the letter), or the first.
  let variant =
    variants.find(
      (v) => v.format === (state.layout === 8 ? 'card' : 'letter') && v.variant === 'not-activated',
    ) ?? variants[0]!;

  const variantId = nextId('text-variant');
  const variantSelect = h(
    'select',
    { id: variantId, name: 'text-variant' },
    variants.map((v) => h('option', { value: v.id, selected: v === variant }, variantLabel(v))),
  );
  const exampleId = nextId('text-example');
  const exampleSelect = h('select', { id: exampleId, name: 'text-example' });
  const fictitious = h('p', { className: 'hint text-fictitious', hidden: true }, t.fictitious);

  const problemsId = nextId('text-problems');
  const subjectId = nextId('text-subject');
  const subject = h('input', {
    type: 'text',
    id: subjectId,
    name: 'text-subject',
    'aria-describedby': problemsId,
  });
  const subjectField = h(
    'div',
    { className: 'field' },
    h('label', { for: subjectId }, t.subject),
    subject,
  );
  const bodyId = nextId('text-body');
  const body = h('textarea', {
    id: bodyId,
    name: 'text-body',
    rows: 12,
    spellcheck: 'true',
    'aria-describedby': problemsId,
  });
  const problems = h('ul', {
    id: problemsId,
    className: 'text-problems',
    'aria-live': 'polite',
  });
  const saveState = h('p', { className: 'hint text-state', role: 'status', 'aria-live': 'polite' });
  // Not `button.action`: a letters job re-enables those when it ends, and « Enregistrer » must
  // stay disabled while the text has a problem.
  const save = h('button', { type: 'button', className: 'text-action primary text-save' }, t.save);
  const reset = h('button', { type: 'button', className: 'text-action text-reset' }, t.reset);
  const preview = h('div', { className: 'text-preview' });

  // Where a field goes: the subject or the text, whichever had the cursor last.
  let target: HTMLInputElement | HTMLTextAreaElement = body;
  subject.addEventListener('focus', () => (target = subject));
  body.addEventListener('focus', () => (target = body));

  const insert = (text: string, wrap?: string) => {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    if (wrap !== undefined) {
      const selected = target.value.slice(start, end);
      target.setRangeText(`${wrap}${selected}${wrap}`, start, end, 'end');
      if (selected === '') target.setSelectionRange(start + wrap.length, start + wrap.length);
    } else {
      target.setRangeText(text, start, end, 'end');
    }
    target.focus();
    target.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const fields = h(
    'div',
    { className: 'field-chips', role: 'group', 'aria-label': t.fields },
    fieldChoices(language).map((field) => {
      const chip = h(
        'button',
        {
          type: 'button',
          className: 'field-chip',
          title: field.description,
          'data-tag': field.tag,
        },
        field.tag,
      );
      // Keep the cursor where it is: a click on a chip must not take the focus first.
      chip.addEventListener('mousedown', (event) => event.preventDefault());
      chip.addEventListener('click', () => insert(field.tag));
      return chip;
    }),
  );
  const bold = h(
    'button',
    { type: 'button', className: 'field-chip text-bold', title: t.boldHint },
    h('strong', {}, t.bold),
  );
  bold.addEventListener('mousedown', (event) => event.preventDefault());
  bold.addEventListener('click', () => insert('', '**'));

  const text = (): EditedText => ({
    subject: variant.format === 'mail' ? subject.value : '',
    body: body.value,
  });

  const example = (): Account => {
    const list = examplesOf(loaded.examples, variant).accounts;
    return list[picked.get(variant.id) ?? 0] ?? list[0]!;
  };

  const showProblems = (issues: TextIssue[]) => {
    problems.replaceChildren(...issues.map((issue) => h('li', {}, issue.message)));
    const invalid = (part: TextIssue['part']) =>
      issues.some((issue) => issue.part === part) ? 'true' : 'false';
    body.setAttribute('aria-invalid', invalid('body'));
    subject.setAttribute('aria-invalid', invalid('subject'));
    save.disabled = issues.length > 0;
  };

  const describeState = () => {
    const edited = drafts.get(variant.id)!;
    const saved = loaded.stored[variant.id]!;
    const changed = edited.body !== saved.text.body || edited.subject !== saved.text.subject;
    saveState.textContent = changed ? t.unsaved : saved.custom ? t.custom : t.default;
  };

  /** Checks and draws in one go; a text the core cannot read shows why instead of a preview. */
  const update = () => {
    drafts.set(variant.id, text());
    describeState();
    const settings = currentSettings.view?.settings ?? loaded.examples.settings;
    const account = example();
    const result = previewOf(variant, text(), settings, layoutOf(variant), account, language);
    if (result.kind === 'letter') {
      // A text too long still shows: the referent sees what the fit would cut.
      preview.replaceChildren(letterPreview(result.letters, result.letters.pages[0]!.slots[0]!));
    } else if (result.kind === 'mail') {
      preview.replaceChildren(mailPreview(result.mail));
    } else {
      preview.replaceChildren(h('p', { className: 'hint' }, t.noPreview));
    }
    showProblems(result.issues);
    preview.dataset.login = account.login;
    preview.dataset.variant = variant.id;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, PREVIEW_DELAY_MS);
  };
  subject.addEventListener('input', schedule);
  body.addEventListener('input', schedule);

  const fillExamples = () => {
    const examples = examplesOf(loaded.examples, variant);
    const fullest = loaded.examples.accounts[variant.variant][0]?.login;
    exampleSelect.replaceChildren(
      ...examples.accounts.map((account, index) =>
        h(
          'option',
          { value: String(index), selected: index === (picked.get(variant.id) ?? 0) },
          // The server's first is the fullest; an e-mail may put one with an address before it.
          !examples.fictitious && account.login === fullest
            ? `${accountName(account)} (${t.widest})`
            : accountName(account),
        ),
      ),
    );
    exampleSelect.disabled = examples.accounts.length < 2;
    fictitious.hidden = !examples.fictitious;
  };

  /** Shows a variant: its draft, its example account, its preview at once. */
  const show = (next: TextVariant) => {
    clearTimeout(timer);
    variant = next;
    const draft = drafts.get(next.id)!;
    subject.value = draft.subject;
    body.value = draft.body;
    subjectField.hidden = next.format !== 'mail';
    target = body;
    fillExamples();
    update();
  };

  variantSelect.addEventListener('change', () => {
    show(variants.find((v) => v.id === variantSelect.value)!);
  });
  exampleSelect.addEventListener('change', () => {
    picked.set(variant.id, Number(exampleSelect.value));
    update();
  });

  /** A save's or reset's answer, for the text it was about (the referent may have moved on). */
  const after = (
    chosen: TextVariant,
    reply: Awaited<ReturnType<typeof saveText>>,
    message: string,
  ) => {
    if (reply.ok) {
      loaded.stored[chosen.id] = reply.value;
      drafts.set(chosen.id, { ...reply.value.text });
    }
    if (chosen !== variant) return;
    if (!reply.ok) {
      saveState.textContent = '';
      problems.replaceChildren(h('li', {}, reply.error.message));
      return;
    }
    show(variant);
    saveState.textContent = message;
  };
  save.addEventListener('click', async () => {
    save.disabled = true;
    const edited = text();
    const chosen = variant;
    try {
      after(chosen, await saveText(chosen, edited, language, request(), layoutOf(chosen)), t.saved);
    } catch (error) {
      problems.replaceChildren(h('li', {}, (error as Error).message || String(error)));
    } finally {
      save.disabled = problems.childElementCount > 0;
    }
  });
  reset.addEventListener('click', async () => {
    reset.disabled = true;
    try {
      const chosen = variant;
      after(chosen, await resetText(chosen, language), t.resetDone);
    } catch (error) {
      problems.replaceChildren(h('li', {}, (error as Error).message || String(error)));
    } finally {
      reset.disabled = false;
    }
  });

  const form = h(
    'div',
    { className: 'text-editor' },
    h('div', { className: 'field' }, h('label', { for: variantId }, t.variant), variantSelect),
    h('div', { className: 'field' }, h('label', { for: exampleId }, t.example), exampleSelect),
    fictitious,
    subjectField,
    h('p', { className: 'sub' }, t.fields),
    fields,
    bold,
    h('div', { className: 'field' }, h('label', { for: bodyId }, t.body), body),
    problems,
    saveState,
    save,
    reset,
    h('h3', { className: 'sub' }, t.preview),
    h('p', { className: 'hint' }, t.previewHint),
    preview,
  );
  show(variant);
  /** The selection read again (the filters may have changed): new examples, same drafts. */
  const examplesRead = (examples: TextExamples) => {
    loaded.examples = examples;
    picked.clear();
    show(variant);
  };
  return { element: form, examplesRead };
}

export interface TextsPanelOptions {
  /** The panel's id, unique in the sidebar (two panels: one per step). */
  id?: string;
  /** The texts it edits: every one by default; a step may keep to its own (letters, e-mails). */
  formats?: readonly TextFormat[];
}

/**
 * The section, closed: the texts and the examples are read when the referent opens it. The
 * steps may hold two, e.g. `textsPanel({ id: 'letter-texts', formats: ['letter', 'card'] })` in
 * Courriers and `textsPanel({ id: 'mail-texts', formats: ['mail'] })` in Courriels.
 */
export function textsPanel(options: TextsPanelOptions = {}): HTMLElement {
  const t = ui.t.textEditor;
  const formats = options.formats ?? ['letter', 'card', 'mail'];
  const variants = TEXT_VARIANTS.filter((variant) => formats.includes(variant.format));
  const body = h('div', { className: 'texts-body' });
  const details = h(
    'details',
    { id: options.id ?? 'texts', className: 'panel texts-panel' },
    h('summary', {}, t.title),
    body,
  );
  let opened: ReturnType<typeof editor> | null = null;
  // Read when opened, and again at each reopening: the selection may have changed meanwhile.
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    if (!opened) body.replaceChildren(h('p', { className: 'hint' }, t.loading));
    try {
      const [examples, stored] = await Promise.all([
        callServer('getTextExamples', { selection: request(), login: null }),
        opened ? null : loadTexts(),
      ]);
      if (!examples.ok) throw new Error(examples.error.message);
      if (opened) {
        body.replaceChildren(opened.element);
        return opened.examplesRead(examples.value);
      }
      if (!stored?.ok) throw new Error(stored ? stored.error.message : '');
      opened = editor(
        { examples: examples.value, language: stored.value.language, stored: stored.value.texts },
        variants,
      );
      body.replaceChildren(opened.element);
    } catch (error) {
      const message = h(
        'p',
        { className: 'error', role: 'alert' },
        (error as Error).message || String(error),
      );
      // An editor already open keeps its drafts: the message goes above it.
      if (opened) body.replaceChildren(message, opened.element);
      else body.replaceChildren(message);
    }
  });
  return h('section', {}, details);
}
