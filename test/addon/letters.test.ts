// The add-on's « Générer en PDF » run in the emulator on dist/Code.js: the Doc written through
// the Docs API, the PDF Drive makes of it, the checks of both, steps sized by time, the frozen
// selection, a job that outlives its sidebar, and what a whole school costs.
import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import {
  EmuParagraph,
  EmuTable,
  PAGE_BREAK,
  type EmuDocument,
} from '../../src/local/emulator/document';
import { LATENCY_TABLES, type LatencyTable } from '../../src/local/emulator/latency';
import { STEP_BUDGET_MS, frozenSheetName } from '../../src/core/letters';
import type { Layout } from '../../src/core/types';
import { readDist } from '../helpers/dist';
import { pdfFile, pdfPageCount, pdfText } from '../helpers/pdf';

const HEADER = ['Nom', 'Prénom', 'Identifiant', 'Type', "Code d'activation", 'Classes', 'Courriel'];
const SETTINGS = {
  entName: 'Mon ENT',
  entUrl: 'https://ent.exemple.fr',
  schoolName: 'Collège Victor Hugo',
  contact: 'Bureau 12',
};

const login = (i: number) => `login.${String(i).padStart(5, '0')}`;

function people(n: number, classes = 3) {
  return Array.from({ length: n }, (_, i) => [
    `NOM${String(i).padStart(5, '0')}`,
    `Prénom${i}`,
    login(i),
    'Élève',
    i % 3 === 0 ? '' : `code${i}x`,
    `6EME ${(i % classes) + 1}`,
    i % 2 ? `p${i}@exemple.fr` : '',
  ]);
}

function school(
  rows: string[][],
  {
    settings = SETTINGS,
    latency = 'realistic',
  }: {
    settings?: Record<string, string> | null;
    latency?: keyof typeof LATENCY_TABLES | LatencyTable;
  } = {},
) {
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows([HEADER, ...rows], 'Comptes'),
    latency,
  });
  if (settings) runtime.run('saveSettings', [settings]);
  runtime.counters.reset();
  return runtime;
}

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

function request(layout: Layout, split = 'none', extra: Record<string, unknown> = {}) {
  return {
    sheetName: 'Comptes',
    filters: {},
    sort: 'alpha',
    showCodes: false,
    layout,
    split,
    confirmed: false,
    ...extra,
  };
}

const start = (runtime: AppsScriptRuntime, layout: Layout, split = 'none') =>
  runtime.runFromClient('startLetters', [request(layout, split)]) as Reply;
const step = (runtime: AppsScriptRuntime, jobId: unknown) =>
  runtime.runFromClient('continueLetters', [jobId]) as Reply;

/** Runs a job to its end as the sidebar does; every reply, and each step's emulated time. */
function generate(runtime: AppsScriptRuntime, layout: Layout, split = 'none') {
  const replies: Reply[] = [start(runtime, layout, split)];
  const elapsed: number[] = [];
  while (replies.at(-1)!.ok && !replies.at(-1)!.value!.done && replies.length < 500) {
    replies.push(step(runtime, replies.at(-1)!.value!.jobId));
    elapsed.push(runtime.stores.execution.elapsed);
  }
  return { replies, last: replies.at(-1)!, elapsed };
}

const docs = (runtime: AppsScriptRuntime) =>
  [...runtime.stores.documents.documents.values()].filter(
    (d) => !runtime.stores.drive.fileById(d.id)!.trashed,
  );

const textOf = (children: readonly unknown[]) =>
  children.filter((p): p is EmuParagraph => p instanceof EmuParagraph).map((p) => p.text);

/** Each page's slots as the Doc holds them: table cells, or letters between page breaks. */
function slotsOf(doc: EmuDocument): string[][] {
  const slots: string[][] = [];
  let letter: string[] = [];
  for (const child of doc.body.children) {
    if (child instanceof EmuTable) {
      for (const row of child.rows) for (const cell of row.cells) slots.push(textOf(cell.children));
    } else if (child instanceof EmuParagraph && child.text.replace(PAGE_BREAK, '') !== '') {
      letter.push(child.text.replace(PAGE_BREAK, ''));
      if (child.text.includes(PAGE_BREAK)) {
        slots.push(letter);
        letter = [];
      }
    }
  }
  if (letter.length > 0) slots.push(letter);
  return slots;
}

/** The login each slot holds, in order (null for an empty card). */
const loginsOf = (doc: EmuDocument) =>
  slotsOf(doc).map((texts) => texts.find((t) => /^login\.\d{5}$/.test(t)) ?? null);

const pdfFiles = (runtime: AppsScriptRuntime) =>
  runtime.stores.drive.files.filter((f) => f.mimeType === 'application/pdf' && !f.trashed);

function pdfPages(bytes: Uint8Array): { pages: number; text: string } {
  const path = pdfFile(bytes);
  return { pages: pdfPageCount(path), text: pdfText(path) };
}

const serviceCalls = (runtime: AppsScriptRuntime) =>
  Object.values(runtime.counters.snapshot()).reduce((sum, n) => sum + n, 0);

describe('« Générer en PDF » through the Docs API', () => {
  it('layout 1: one letter a page, a break ending each but the last, a PDF of n pages', () => {
    const runtime = school(people(5));
    const { last } = generate(runtime, 1);
    expect(last.value).toMatchObject({ done: true, processed: 5, total: 5 });
    const [doc] = docs(runtime);
    expect(doc!.body.page).toMatchObject({ width: 595.28, height: 841.89 });
    expect(doc!.body.children.some((c) => c instanceof EmuTable)).toBe(false);
    expect(loginsOf(doc!)).toEqual([0, 1, 2, 3, 4].map(login));
    expect(slotsOf(doc!)[1]).toContain('Prénom1 NOM00001');
    const file = runtime.stores.drive.fileById(doc!.id)!;
    expect(file.parent.name).toBe('Publipostage ENT');
    const [pdf] = pdfFiles(runtime);
    expect(pdf!.parent.name).toBe('Publipostage ENT');
    expect(pdf!.name).toBe(`${file.name}.pdf`);
    const { pages, text } = pdfPages(pdf!.bytes);
    expect(pages).toBe(5);
    expect(text).toContain(login(4));
    const files = (last.value!.result as { files: Record<string, unknown>[] }).files;
    expect(files).toEqual([
      expect.objectContaining({
        letters: 5,
        pages: 5,
        doc: { name: file.name, url: expect.stringContaining(file.id) },
        pdf: { name: pdf!.name, url: expect.stringContaining(pdf!.id) },
      }),
    ]);
  });

  it.each([
    [2, 5, 3, 1, 841.89],
    [8, 20, 3, 4, 595.28],
  ] as const)(
    'layout %i: one table a page (%i accounts, %i pages), dashed cut lines, rows fixed and unsplittable',
    (layout, n, pageCount, rows, width) => {
      const runtime = school(people(n));
      expect(generate(runtime, layout).last.value).toMatchObject({ done: true });
      const [doc] = docs(runtime);
      const tables = doc!.body.children.filter((c): c is EmuTable => c instanceof EmuTable);
      expect(tables).toHaveLength(pageCount);
      expect(doc!.body.page.width).toBe(width);
      for (const table of tables) {
        expect(table.rows).toHaveLength(rows);
        for (const row of table.rows) {
          expect(row.cells).toHaveLength(2);
          expect(row.attributes).toMatchObject({ PREVENT_OVERFLOW: true });
          expect(row.attributes.MINIMUM_HEIGHT).toBeGreaterThan(layout === 8 ? 190 : 500);
        }
      }
      // Cards: dashed all round; halves: the dashed line between them only.
      const cell = tables[0]!.rows[0]!.cells[0]!.attributes;
      expect(cell.BORDER_RIGHT).toMatchObject({ dashStyle: 'DASH', width: 0.5 });
      expect(cell.BORDER_LEFT).toMatchObject(
        layout === 8 ? { dashStyle: 'DASH', width: 0.5 } : { width: 0 },
      );
      const expected = Array.from({ length: n }, (_, i) => login(i));
      expect(loginsOf(doc!).filter(Boolean)).toEqual(expected);
      const { pages, text } = pdfPages(pdfFiles(runtime)[0]!.bytes);
      expect(pages).toBe(pageCount);
      expect(text).toContain(login(n - 1));
    },
  );

  it('cuts more than 100 pages into parts, each a Doc and a PDF of at most 100 pages', () => {
    const runtime = school(people(130));
    const { last } = generate(runtime, 1);
    const files = (last.value!.result as { files: { part: number; pages: number }[] }).files;
    expect(files.map((f) => [f.part, f.pages])).toEqual([
      [1, 100],
      [2, 30],
    ]);
    expect(docs(runtime)).toHaveLength(2);
    expect(pdfFiles(runtime).map((f) => pdfPages(f.bytes).pages)).toEqual([100, 30]);
    expect(pdfFiles(runtime)[0]!.name).toMatch(
      /^Lettres – Sélection – partie 1 sur 2 – \d{4}-\d\d-\d\d \d\d-\d\d\.pdf$/,
    );
  });

  it('names the files after the layout, so that two runs are told apart', () => {
    const runtime = school(people(3));
    generate(runtime, 2);
    generate(runtime, 8);
    const names = pdfFiles(runtime).map((f) => f.name);
    expect(names.some((name) => name.startsWith('Lettres A5 – Sélection – '))).toBe(true);
    expect(names.some((name) => name.startsWith('Cartes 8 par page – Sélection – '))).toBe(true);
  });

  it('« Un PDF par classe »: one Doc and PDF per class, named after it', () => {
    const runtime = school(people(9));
    const files = (
      generate(runtime, 8, 'class').last.value!.result as {
        files: { label: string; letters: number; pdf: { name: string } }[];
      }
    ).files;
    expect(files.map((f) => [f.label, f.letters])).toEqual([
      ['6EME 1', 3],
      ['6EME 2', 3],
      ['6EME 3', 3],
    ]);
    expect(files[0]!.pdf.name).toMatch(/^Cartes 8 par page – 6EME 1 – .*\.pdf$/);
  });

  it('asks for confirmation while the ENT address is a placeholder', () => {
    const runtime = school(people(2), { settings: null });
    const refused = start(runtime, 1);
    expect(refused.ok).toBe(false);
    expect(refused.error!.message).toMatch(/ent\.example.*Générer quand même/s);
    const confirmed = runtime.runFromClient('startLetters', [
      request(1, 'none', { confirmed: true }),
    ]) as Reply;
    expect(confirmed.ok).toBe(true);
  });
});

describe('what Google made is checked', () => {
  /** Each batchUpdate takes two minutes: a step writes two batches, then saves. */
  const twoBatchesAStep: LatencyTable = {
    name: 'two batches a step',
    default: 0,
    methods: { 'Docs.Documents.batchUpdate': 2 * 60 * 1000 },
    docsRequest: 0,
  };

  it('a card moved by hand in the Doc stops the job, naming the part and the card', () => {
    const runtime = school(people(40), { latency: twoBatchesAStep });
    const started = start(runtime, 8);
    const first = step(runtime, started.value!.jobId);
    expect(first.value).toMatchObject({ done: false });
    const [doc] = docs(runtime);
    const table = doc!.body.children.find((c): c is EmuTable => c instanceof EmuTable)!;
    // Cards 3 and 6 of the first page swap places.
    const a = table.rows[1]!.cells[0]!;
    const b = table.rows[2]!.cells[1]!;
    const held = a.children.splice(0, a.children.length, ...b.children);
    b.children.splice(0, b.children.length, ...held);
    const stopped = step(runtime, started.value!.jobId);
    expect(stopped.ok).toBe(false);
    expect(stopped.error!.message).toMatch(
      /^«\u00a0Cartes 8 par page – Sélection – .*\u00a0»\u00a0: la carte 3 \(page 1\) devrait porter l’identifiant «\u00a0login\.00002\u00a0», on y trouve «\u00a0login\.00005\u00a0»\. La génération est arrêtée/,
    );
    // No PDF was made; the Doc stays for the referent to look at; the job is gone.
    expect(pdfFiles(runtime)).toHaveLength(0);
    expect(docs(runtime)).toHaveLength(1);
    expect(step(runtime, started.value!.jobId).error!.message).toMatch(/n’existe plus/);
    expect(
      runtime.stores.spreadsheet.getSheetByName(frozenSheetName(String(started.value!.jobId))),
    ).toBeNull();
  });

  it('a PDF whose page count differs stops the job before it is saved', () => {
    const runtime = school(people(20));
    // Drive's conversion adds a blank page at the end.
    const exporters = runtime.stores.drive.exporters;
    const docsType = 'application/vnd.google-apps.document';
    const convert = exporters.get(docsType)!;
    exporters.set(docsType, (file, type) => {
      const blob = convert(file, type);
      const bytes = Buffer.from(blob.bytes).toString('latin1').replace('/Count 3', '/Count 4');
      return Object.assign(blob, { bytes: new Uint8Array(Buffer.from(bytes, 'latin1')) });
    });
    const { last } = generate(runtime, 8);
    expect(last.ok).toBe(false);
    expect(last.error!.message).toMatch(
      /\u00a0: le PDF a 4 pages au lieu de 3\u00a0; il n’est pas enregistré\./,
    );
    expect(pdfFiles(runtime)).toHaveLength(0);
  });

  it('a step stopped by the time limit after a batch it could not save: its part starts again', () => {
    const n = 200;
    const clean = school(people(n), { latency: twoBatchesAStep });
    generate(clean, 8);
    const expected = loginsOf(docs(clean)[0]!);

    const runtime = school(people(n), { latency: twoBatchesAStep });
    const started = start(runtime, 8);
    step(runtime, started.value!.jobId);
    // The next step's first batch ends just under the budget; its second would pass six
    // minutes: the run dies there, its first batch in the Doc but not in the saved job.
    runtime.stores.execution.latency = {
      ...twoBatchesAStep,
      methods: { 'Docs.Documents.batchUpdate': STEP_BUDGET_MS - 1000 },
    };
    expect(() => step(runtime, started.value!.jobId)).toThrow(
      /Exceeded maximum execution time|Temps d’exécution maximal dépassé|Temps d'exécution maximal dépassé/,
    );
    runtime.stores.execution.latency = twoBatchesAStep;
    let reply: Reply;
    do reply = step(runtime, started.value!.jobId);
    while (reply.ok && !reply.value!.done);
    expect(reply.value).toMatchObject({ done: true, processed: n, total: n });
    const kept = docs(runtime);
    expect(kept).toHaveLength(1);
    expect(loginsOf(kept[0]!)).toEqual(expected);
    // The Doc of the lost batch went to the bin.
    expect(
      runtime.stores.drive.files.filter(
        (f) => f.trashed && f.mimeType === 'application/vnd.google-apps.document',
      ),
    ).toHaveLength(1);
  });
});

describe('steps sized by elapsed time', () => {
  it('slow Google: more steps, each stopping after about four minutes; fast: one step', () => {
    const runtime = (latency: 'slow' | 'fast' | 'realistic') => {
      const r = school(people(400), { latency });
      const run = generate(r, 8);
      expect(run.last.value).toMatchObject({ done: true, processed: 400 });
      return run;
    };
    const fast = runtime('fast');
    const slow = runtime('slow');
    expect(fast.replies).toHaveLength(2);
    expect(slow.replies.length).toBeGreaterThan(2);
    // Each slow step went past the budget by less than one call, never near six minutes.
    for (const ms of slow.elapsed.slice(0, -1)) {
      expect(ms).toBeGreaterThanOrEqual(STEP_BUDGET_MS);
      expect(ms).toBeLessThan(5 * 60 * 1000);
    }
  });
});

/** Each batchUpdate takes the whole budget: a step writes one batch, then saves. */
const oneBatchAStep: LatencyTable = {
  name: 'one batch a step',
  default: 0,
  methods: { 'Docs.Documents.batchUpdate': STEP_BUDGET_MS },
  docsRequest: 0,
};

describe('the selection, read once and frozen', () => {
  it('the source tab edited during the job changes nothing; the frozen tab edited stops it', () => {
    const runtime = school(people(30), { latency: oneBatchAStep });
    const started = start(runtime, 8);
    const jobId = String(started.value!.jobId);
    const sheet = runtime.stores.spreadsheet.getSheetByName(frozenSheetName(jobId))!;
    expect(sheet.isSheetHidden()).toBe(true);
    expect(runtime.stores.spreadsheet.getActiveSheet().getName()).toBe('Comptes');
    // The sidebar's sheet chooser does not offer the hidden frozen tab.
    const source = runtime.run('getSource', [null]) as { value: { sheets: { name: string }[] } };
    expect(source.value.sheets.map((s) => s.name)).toEqual(['Comptes']);
    // The referent sorts or edits the source: the job goes on with the selection it froze.
    runtime.stores.spreadsheet.getSheetByName('Comptes')!.getRange('C2').setValue('changé');
    let reply: Reply;
    do reply = step(runtime, jobId);
    while (reply.ok && !reply.value!.done);
    expect(reply.value).toMatchObject({ done: true, processed: 30 });
    expect(loginsOf(docs(runtime)[0]!).filter(Boolean)).toEqual(
      Array.from({ length: 30 }, (_, i) => login(i)),
    );
    expect(runtime.stores.spreadsheet.getSheetByName(frozenSheetName(jobId))).toBeNull();

    const again = start(runtime, 8);
    const frozen = runtime.stores.spreadsheet.getSheetByName(
      frozenSheetName(String(again.value!.jobId)),
    )!;
    frozen.getRange('A3').setValue('{"login":"intrus"}');
    const lost = step(runtime, again.value!.jobId);
    expect(lost.error!.message).toMatch(/La sélection enregistrée pour cette génération a changé/);
  });

  it('a 10,000-account school, letters for 9,000 logins: no property value near 9 KB', () => {
    const rows = people(10_000, 60);
    const runtime = school(rows, { latency: oneBatchAStep });
    const logins = rows.slice(0, 9000).map((row) => row[2]!);
    const started = runtime.runFromClient('startLetters', [
      request(8, 'class', { logins }),
    ]) as Reply;
    expect(started.value).toMatchObject({ total: 9000 });
    const user = runtime.stores.properties.user;
    const sizes = () =>
      user.getKeys().map((key) => new TextEncoder().encode(key + user.getProperty(key)!).length);
    expect(Math.max(...sizes())).toBeLessThan(2048);
    step(runtime, started.value!.jobId);
    expect(Math.max(...sizes())).toBeLessThan(2048);
    expect(sizes().reduce((a, b) => a + b, 0)).toBeLessThan(100 * 1024);
  });
});

describe('a job outlives its sidebar', () => {
  it('the spreadsheet’s unfinished job is offered again, with its finished parts; cancel ends it', () => {
    const runtime = school(people(130), { latency: 'fast' });
    expect(runtime.runFromClient('pendingLetters', [])).toEqual({ ok: true, value: null });
    const started = start(runtime, 1);
    // Fast Google: one step does it all; stop after the first part by running a slow step.
    runtime.stores.execution.latency = {
      name: 'slow export',
      default: 0,
      methods: { 'Document.getAs': 4 * 60 * 1000 },
      docsRequest: 0,
    };
    step(runtime, started.value!.jobId);
    const pending = runtime.runFromClient('pendingLetters', []) as Reply;
    expect(pending.value).toMatchObject({
      jobId: started.value!.jobId,
      processed: 100,
      total: 130,
      files: [expect.objectContaining({ part: 1, pages: 100 })],
    });
    const cancelled = runtime.runFromClient('cancelLetters', [started.value!.jobId]) as Reply;
    expect(cancelled.value).toMatchObject({ done: true });
    expect(runtime.runFromClient('pendingLetters', [])).toEqual({ ok: true, value: null });
    // The first part's Doc and PDF stay; the second's unfinished Doc went to the bin.
    expect(pdfFiles(runtime)).toHaveLength(1);
    expect(docs(runtime)).toHaveLength(1);
    expect(runtime.stores.properties.user.getKeys().filter((k) => k.includes('letters'))).toEqual(
      [],
    );
  });

  it('a new job replaces the spreadsheet’s unfinished one, binning its unfinished Doc', () => {
    const runtime = school(people(30), { latency: oneBatchAStep });
    const first = start(runtime, 8);
    step(runtime, first.value!.jobId);
    expect(docs(runtime)).toHaveLength(1);
    const second = start(runtime, 8);
    expect(docs(runtime)).toHaveLength(0);
    expect(step(runtime, first.value!.jobId).error!.message).toMatch(/n’existe plus/);
    expect((runtime.runFromClient('pendingLetters', []) as Reply).value).toMatchObject({
      jobId: second.value!.jobId,
    });
  });
});

describe('what a school costs', () => {
  it.each([
    [8, 3000, 375],
    [2, 750, 375],
    [1, 375, 375],
  ] as const)(
    'layout %i, %i accounts (%i pages): executions and service calls, every card in place',
    (layout, n, pages) => {
      const runtime = school(people(n));
      const { replies, last } = generate(runtime, layout);
      expect(last.value).toMatchObject({ done: true, processed: n, total: n });
      const calls = serviceCalls(runtime);
      // 3,000 cards (375 pages): at most 20 executions and 1,500 calls; the other layouts in
      // proportion to their pages.
      expect(replies.length).toBeLessThanOrEqual(20);
      expect(calls).toBeLessThanOrEqual(1500);
      const made = docs(runtime);
      expect(made.flatMap(loginsOf).filter(Boolean)).toEqual(
        Array.from({ length: n }, (_, i) => login(i)),
      );
      const files = (last.value!.result as { files: { pages: number }[] }).files;
      expect(files.reduce((sum, f) => sum + f.pages, 0)).toBe(pages);
      expect(
        pdfFiles(runtime)
          .map((f) => pdfPages(f.bytes).pages)
          .reduce((a, b) => a + b, 0),
      ).toBe(pages);
      console.log(
        `layout ${layout}: ${n} accounts, ${pages} pages: ${replies.length} executions, ${calls} service calls; per 1,000 cards: ${((replies.length * 1000) / n).toFixed(1)} executions, ${Math.round((calls * 1000) / n)} calls`,
      );
    },
    300_000,
  );
});
