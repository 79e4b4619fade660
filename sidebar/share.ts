// « Partager l'aperçu »: the direction gets the preview (codes always masked) in a spreadsheet
// of its own, never the workbook, which holds the export and its codes. One self-contained
// section: its result and its errors show right under its button.
import type { ShareResult, ShareRole } from '../src/core/contract';
import { actionButton, select } from './controls';
import { h, nextId } from './dom';
import { callServer } from './server';
import { output, request, run, ui } from './state';

const form: { addresses: string; role: ShareRole } = { addresses: '', role: 'reader' };

function roleName(role: string): string {
  return ui.t.share.roles[role] ?? role;
}

function resultLines(result: ShareResult): Node[] {
  const t = ui.t.share;
  return [
    h('p', { className: 'big' }, t.done(result.count)),
    h('p', {}, result.replacedLost ? t.lost : result.created ? t.created : t.updated),
    h('a', { href: result.url, target: '_blank', rel: 'noopener', id: 'share-link' }, t.open),
    result.shared.length > 0 && h('p', {}, t.sharedWith(result.shared.join(', '))),
    result.alreadyShared.length > 0 && h('p', {}, t.alreadyShared(result.alreadyShared.join(', '))),
    ...result.failed.map((f) => h('p', { className: 'error' }, t.failed(f.address, f.reason))),
    result.access.length > 0 &&
      h(
        'p',
        { className: 'hint' },
        t.access(result.access.map((a) => `${a.address} (${roleName(a.role)})`).join(', ')),
      ),
  ].filter((node): node is HTMLParagraphElement | HTMLAnchorElement => node !== false);
}

/** The section: addresses, role, the button with its warning, then its result or its error. */
export function sharePanel(): HTMLElement {
  const t = ui.t.share;
  const id = nextId('share');
  const addresses = h('textarea', {
    id,
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'email',
    style: 'width: 100%; box-sizing: border-box; font: inherit;',
  });
  addresses.value = form.addresses;
  addresses.addEventListener('input', () => {
    form.addresses = addresses.value;
  });
  const role = select<ShareRole>(
    t.role,
    form.role,
    [
      ['reader', t.reader],
      ['commenter', t.commenter],
    ],
    (value) => {
      form.role = value;
    },
  );
  const button = actionButton('share-preview', t.button);
  const out = output('share');
  button.addEventListener(
    'click',
    () =>
      void run(
        out,
        button,
        () =>
          callServer('sharePreview', { ...request(), addresses: form.addresses, role: form.role }),
        resultLines,
      ),
  );
  return h(
    'section',
    { className: 'share', id: 'share-section' },
    h('h3', {}, t.title),
    h('div', { className: 'field' }, h('label', { for: id }, t.addresses), addresses),
    role,
    button,
    h('p', { className: 'hint', id: 'share-warning' }, t.warning),
    out.root,
  );
}
