// The e-mail panel: a test to oneself, the confirmation (counts and today's quota), the sending
// loop with its progress bar, the result, « Reprendre »; and the strategy « Courriel pour ceux
// qui ont une adresse, PDF pour les autres », whose letters half the letters panel provides.
import type {
  MailConfirmation,
  MailOutcome,
  SelectionRequest,
  SkippedAccount,
} from '../src/core/contract';
import { h } from './dom';
import { adviceIfEmpty } from './preview';
import { runJob } from './progress';
import { callServer } from './server';
import { startLetters } from './letters';
import { actionButton } from './controls';
import { formBlocked, output, request, setActionsBusy, ui, type Output } from './state';
import type { StepParts } from './steps';

/** One id per sidebar: its runs survive a step stopped by the time limit (« Reprendre »). */
const runId = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function confirmation(value: MailConfirmation): HTMLElement[] {
  const t = ui.t.mail;
  const lines = [
    t.toSend(value.toSend),
    (value.fromEarlier ?? 0) > 0 && t.fromEarlier(value.fromEarlier!),
    value.failedToRetry > 0 && t.failedToRetry(value.failedToRetry),
    value.waitingQuota > 0 && t.waitingQuota(value.waitingQuota),
    t.skippedNoEmail(value.skippedNoEmail),
    t.skippedInvalid(value.skippedInvalid),
    value.alreadySent > 0 && t.alreadySent(value.alreadySent),
    value.unverified > 0 && t.unverified(value.unverified),
  ].filter((line): line is string => typeof line === 'string');
  const nodes: (HTMLElement | null)[] = [
    h('h3', {}, t.confirmTitle),
    value.selection
      ? h('p', { id: 'mail-selection' }, t.selection(value.selection, value.total))
      : null,
    value.differsFromPreview
      ? h('p', { id: 'mail-preview-differs', className: 'warning' }, t.differsFromPreview)
      : null,
    value.unfinished ? h('p', { className: 'hint' }, t.unfinished(value.campaignId)) : null,
    h(
      'ul',
      { id: 'mail-counts' },
      lines.map((line) => h('li', {}, line)),
    ),
    h('p', { id: 'mail-quota' }, t.remainingQuota(value.remainingQuota)),
  ];
  return nodes.filter((node): node is HTMLElement => node !== null);
}

function skippedList(
  skipped: SkippedAccount[],
  strategyRequest: SelectionRequest,
  out: Output,
): HTMLElement {
  const t = ui.t.mail;
  const box = h('div', { id: 'mail-skipped' });
  const list = h(
    'details',
    {},
    h('summary', {}, t.skippedTitle(skipped.length)),
    h(
      'ul',
      {},
      skipped.map((s) => h('li', {}, `${s.name} (${s.login}) — ${s.reason}`)),
    ),
  );
  box.append(list);
  // Exactly the logins the campaign skipped (`request.logins`), within the same filters.
  const button = actionButton('mail-letters', t.letters(skipped.length));
  const area = h('div', {});
  button.addEventListener(
    'click',
    () =>
      void startLetters(area, out, null, {
        ...strategyRequest,
        logins: skipped.map((s) => s.login),
      }),
  );
  box.append(button, area);
  return box;
}

function result(outcome: MailOutcome, strategy: SelectionRequest | null, out: Output): HTMLElement {
  const t = ui.t.mail;
  // A date and a time: « samedi 7 décembre à 22:37 », whatever day it falls on.
  const when = outcome.resumeAfter
    ? new Date(outcome.resumeAfter).toLocaleString(document.documentElement.lang || 'fr', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  const quotaSpentNow = outcome.state === 'waiting-quota' && outcome.sentNow === 0;
  const lines = [
    // What this « Envoyer » or « Reprendre » did, then the campaign's total.
    outcome.sentNow === undefined ? t.sent(outcome.sent) : t.sentNow(outcome.sentNow, outcome.sent),
    t.skipped(outcome.skipped),
    outcome.failed > 0 && t.failed(outcome.failed),
    outcome.unverified > 0 && t.toCheck(outcome.unverified),
    outcome.waitingQuota > 0 && t.waiting(outcome.waitingQuota, when),
  ].filter((line): line is string => typeof line === 'string');
  const state =
    outcome.state === 'complete' ? t.complete : outcome.state === 'cancelled' ? t.cancelled : '';
  return h(
    'div',
    { id: 'mail-result', 'data-state': outcome.state },
    h('h3', {}, t.resultTitle),
    quotaSpentNow ? h('p', { id: 'mail-quota-spent' }, t.quotaSpentNow(when)) : null,
    h(
      'ul',
      {},
      lines.map((line) => h('li', {}, line)),
    ),
    state && h('p', {}, state),
    h('p', { className: 'hint' }, t.journal),
    strategy && outcome.skippedAccounts.length > 0
      ? skippedList(outcome.skippedAccounts, strategy, out)
      : null,
  );
}

export function mailParts(extra: Node[] = []): StepParts {
  const t = ui.t.mail;
  const out = output('mail');
  const area = h('div', { id: 'mail-area', 'aria-live': 'polite' });
  const test = actionButton('mail-test', t.test);
  const send = actionButton('mail-send', t.send, true);
  const strategy = actionButton('mail-strategy', t.strategy);
  const resume = actionButton('mail-resume', t.resume);

  /** The loop of a run, then its result; a failure (a stopped step) leaves « Reprendre ». */
  async function loop(
    first: () => ReturnType<typeof callServer<'startMail'>>,
    forStrategy: SelectionRequest | null,
  ) {
    out.clear();
    setActionsBusy(true);
    const job = h('div', {});
    area.replaceChildren(job);
    try {
      const outcome = await runJob<MailOutcome>(job, {
        start: first,
        next: (jobId) => callServer('continueMail', jobId),
        cancel: (jobId) => callServer('cancelMail', jobId),
      });
      if (outcome.kind === 'done' && outcome.result) {
        area.replaceChildren(result(outcome.result, forStrategy, out));
      } else if (outcome.kind === 'cancelled') {
        area.replaceChildren(h('p', { id: 'mail-result', 'data-state': 'cancelled' }, t.cancelled));
      } else if (outcome.kind === 'failed') {
        // A step that did not return (the time limit, a lost connection): nothing is lost, the
        // journal and the Sent folder say what left; « Reprendre » goes on. Said here, in French,
        // next to the button, with Google's own words for whoever needs them.
        area.replaceChildren(
          h('p', { id: 'mail-stopped', role: 'alert' }, t.stopped),
          h('p', { className: 'hint' }, outcome.message),
        );
      }
    } finally {
      setActionsBusy(false);
    }
  }

  async function confirmThenSend(forStrategy: boolean) {
    out.clear();
    if (formBlocked(out)) return;
    setActionsBusy(true);
    let value: MailConfirmation | null = null;
    const asked = request();
    area.replaceChildren(h('p', {}, ui.t.sidebar.working));
    try {
      const reply = await callServer('planMail', asked);
      area.replaceChildren();
      if (!reply.ok) return out.fail(reply.error.message);
      value = reply.value;
    } catch (error) {
      area.replaceChildren();
      return out.fail((error as Error).message || String(error));
    } finally {
      setActionsBusy(false);
    }
    const nodes = confirmation(value);
    if (value.nothingToSend) {
      area.replaceChildren(...nodes, h('p', {}, t.nothingToSend));
      // Nobody selected at all: which filters are set, and the one to relax.
      if (value.total === 0 && !asked.logins) {
        const advice = await adviceIfEmpty(asked);
        if (advice) area.append(advice);
      }
      if (forStrategy && value.skipped.length > 0)
        area.append(skippedList(value.skipped, asked, out));
      return;
    }
    const go = actionButton('mail-confirm', t.confirm, true);
    const cancel = actionButton('mail-cancel', t.cancel);
    go.addEventListener(
      'click',
      () => void loop(() => callServer('startMail', asked, runId), forStrategy ? asked : null),
    );
    cancel.addEventListener('click', () => area.replaceChildren());
    area.replaceChildren(...nodes, h('div', { className: 'row' }, go, cancel));
  }

  test.addEventListener('click', async () => {
    out.clear();
    setActionsBusy(true);
    area.replaceChildren(h('p', {}, ui.t.sidebar.working));
    try {
      const reply = await callServer('sendTestMail');
      area.replaceChildren();
      if (!reply.ok) return out.fail(reply.error.message);
      area.replaceChildren(
        h('p', { id: 'mail-test-result' }, t.testSent(reply.value.count, reply.value.to)),
        h('p', { className: 'hint' }, t.remainingQuota(reply.value.remainingQuota)),
      );
    } catch (error) {
      area.replaceChildren();
      out.fail((error as Error).message || String(error));
    } finally {
      setActionsBusy(false);
    }
  });
  send.addEventListener('click', () => void confirmThenSend(false));
  strategy.addEventListener('click', () => void confirmThenSend(true));
  resume.addEventListener('click', () => void loop(() => callServer('resumeMail', runId), null));

  return {
    body: [
      h('p', { className: 'intro' }, ui.t.steps.mailIntro),
      h('p', { className: 'hint' }, t.journal),
      ...extra,
    ],
    bar: [out.root, area, send, strategy, h('div', { className: 'row' }, test, resume)],
    output: out,
    primary: send,
  };
}
