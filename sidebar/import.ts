// « Importer un export ENT »: the referent picks the CSV downloaded from the ENT console; it is
// read here with the CLI's reader (src/core/csv-reader.ts), then sent to a new tab in calls
// within google.script.run's limits (src/core/import.ts). The section is built once and kept
// across the sidebar's reloads, so that its result stays next to its button.
import type { Reply } from '../src/core/contract';
import { CsvReadError, parseCsv } from '../src/core/csv-reader';
import { csvMessages } from '../src/core/csv-messages';
import { asGrid, chunkRows, gridProblem } from '../src/core/import';
import { h, nextId } from './dom';
import { callServer } from './server';
import { setActionsBusy, ui } from './state';

class ImportFailure extends Error {}

/** The value of a reply, or an ImportFailure with its message. */
function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new ImportFailure(reply.error.message);
  return reply.value;
}

/** The file's records as a grid, or an ImportFailure naming the file and the problem. */
async function readGrid(file: File): Promise<{ rows: string[][]; columns: number }> {
  const t = ui.t.importer;
  let records: string[][];
  try {
    records = parseCsv(new Uint8Array(await file.arrayBuffer())).rows;
  } catch (error) {
    if (error instanceof CsvReadError) {
      throw new ImportFailure(csvMessages.inFile(file.name, error.message));
    }
    throw error;
  }
  const grid = asGrid(records);
  const problem = gridProblem(grid.rows, grid.columns, t);
  if (problem) throw new ImportFailure(csvMessages.inFile(file.name, problem));
  return grid;
}

/**
 * The import section: a file input, the button, the progress in lines, the result or the error
 * right under them. `onImported` gets the new tab's name once it is complete.
 */
export function importSection(onImported: (sheetName: string) => void): HTMLElement {
  const t = ui.t.importer;
  const inputId = nextId('import-file');
  const input = h('input', {
    type: 'file',
    id: inputId,
    accept: '.csv,.txt,text/csv,text/plain',
  });
  const button = h(
    'button',
    { type: 'button', className: 'action', id: 'import-export' },
    t.button,
  );
  const bar = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('div', { className: 'status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { className: 'error', role: 'alert' });

  const show = (done: number, total: number) => {
    bar.hidden = false;
    bar.max = Math.max(1, total);
    bar.value = done;
    status.replaceChildren(h('p', { className: 'progress-label' }, t.lines(done, total)));
  };

  async function importFile(file: File): Promise<string> {
    status.replaceChildren(h('p', {}, t.reading));
    const grid = await readGrid(file);
    show(0, grid.rows.length);
    const ticket = valueOf(
      await callServer('beginImport', { rows: grid.rows.length, columns: grid.columns }),
    );
    try {
      for (const chunk of chunkRows(grid.rows)) {
        const progress = valueOf(
          await callServer('appendImport', { importId: ticket.importId, ...chunk }),
        );
        show(progress.written, progress.total);
      }
      const result = valueOf(await callServer('finishImport', ticket.importId));
      status.replaceChildren(h('p', {}, t.done(result.rows, result.sheetName)));
      return result.sheetName;
    } catch (failure) {
      // No half tab left behind: the tab begun is deleted (a closed sidebar leaves it named
      // « … (import en cours) »).
      await callServer('abortImport', ticket.importId).catch(() => undefined);
      const message = (failure as Error).message || String(failure);
      throw new ImportFailure(`${message} ${t.abandoned}`);
    }
  }

  button.addEventListener('click', () => {
    const file = input.files?.[0];
    error.textContent = '';
    status.replaceChildren();
    bar.hidden = true;
    if (!file) {
      error.textContent = t.noFile;
      return;
    }
    setActionsBusy(true);
    button.setAttribute('aria-busy', 'true');
    importFile(file)
      .then((sheetName) => onImported(sheetName))
      .catch((failure: Error) => {
        status.replaceChildren();
        bar.hidden = true;
        error.textContent = failure.message || String(failure);
      })
      .finally(() => {
        setActionsBusy(false);
        button.removeAttribute('aria-busy');
      });
  });

  return h(
    'section',
    { id: 'import', 'aria-labelledby': 'import-title' },
    h('h3', { id: 'import-title' }, t.title),
    h('p', { className: 'hint' }, t.hint),
    h('div', { className: 'field' }, h('label', { for: inputId }, t.file), input),
    button,
    bar,
    error,
    status,
  );
}
