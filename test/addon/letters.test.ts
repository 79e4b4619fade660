// The add-on's « Générer en PDF » run in the emulator on dist/Code.js: the Doc it builds, the PDF
// Drive makes of it, steps that resume, parts, the split, and the DocumentApp calls per letter.
import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import { EmuParagraph, EmuTable, type EmuDocument } from '../../src/local/emulator/document';
import { CALLS_PER_LETTER, lettersPerStep } from '../../src/core/letters';
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

function people(n: number, name = (i: number) => `NOM${String(i).padStart(4, '0')}`) {
  return Array.from({ length: n }, (_, i) => [
    name(i),
    `Prénom${i}`,
    `login.${String(i).padStart(4, '0')}`,
    'Élève',
    i % 3 === 0 ? '' : `code${i}x`,
    `6EME ${(i % 3) + 1}`,
    i % 2 ? `p${i}@exemple.fr` : '',
  ]);
}

function school(rows: string[][], settings: Record<string, string> | null = SETTINGS) {
  const runtime = new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows([HEADER, ...rows], 'Comptes'),
  });
  if (settings) runtime.run('saveSettings', [settings]);
  runtime.counters.reset();
  return runtime;
}

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

function request(layout: Layout, split = 'none', confirmed = false) {
  return {
    sheetName: 'Comptes',
    filters: {},
    sort: 'alpha',
    showCodes: false,
    layout,
    split,
    confirmed,
  };
}

/** Runs a job to its end as the sidebar does; returns every reply. */
function generate(runtime: AppsScriptRuntime, layout: Layout, split = 'none') {
  const replies: Reply[] = [
    runtime.runFromClient('startLetters', [request(layout, split)]) as Reply,
  ];
  for (let i = 0; i < 500 && replies.at(-1)!.ok && !replies.at(-1)!.value!.done; i++) {
    replies.push(runtime.runFromClient('continueLetters', [replies.at(-1)!.value!.jobId]) as Reply);
  }
  return replies;
}

const docs = (runtime: AppsScriptRuntime) =>
  [...runtime.stores.documents.documents.values()].filter(
    (d) => !runtime.stores.drive.fileById(d.id)!.trashed,
  );

/** The Doc as text: page by page for tables (cells in order), by paragraph for layout 1. */
function paragraphsOf(doc: EmuDocument): string[] {
  const out: string[] = [];
  for (const child of doc.body.children) {
    if (child instanceof EmuParagraph) out.push(child.text);
    else
      for (const row of child.rows)
        for (const cell of row.cells)
          for (const p of cell.children) if (p instanceof EmuParagraph) out.push(p.text);
  }
  return out.filter((text) => text !== '');
}

function pdfPages(bytes: Uint8Array): { pages: number; text: string } {
  const path = pdfFile(bytes);
  return { pages: pdfPageCount(path), text: pdfText(path) };
}

const pdfFiles = (runtime: AppsScriptRuntime) =>
  runtime.stores.drive.files.filter((f) => f.mimeType === 'application/pdf' && !f.trashed);

describe('« Générer en PDF » in the add-on', () => {
  it('layout 1: one letter per page, page breaks between letters, a PDF of n pages beside the Doc', () => {
    const runtime = school(people(5));
    const replies = generate(runtime, 1);
    const last = replies.at(-1)!;
    expect(last.ok).toBe(true);
    expect(last.value).toMatchObject({ done: true, processed: 5, total: 5 });
    const [doc] = docs(runtime);
    const body = doc!.body;
    const breaks = body.children.filter((c) => c instanceof EmuParagraph && c.pageBreak);
    expect(breaks).toHaveLength(4);
    expect(body.children.some((c) => c instanceof EmuTable)).toBe(false);
    expect(body.page).toMatchObject({ width: 595.28, height: 841.89 });
    const text = paragraphsOf(doc!);
    const logins = text.filter((t) => /^login\.\d{4}$/.test(t));
    expect(logins).toEqual(['login.0000', 'login.0001', 'login.0002', 'login.0003', 'login.0004']);
    expect(text).toContain('Prénom1 NOM0001');
    expect(text).toContain('code1x');
    const file = runtime.stores.drive.fileById(doc!.id)!;
    expect(file.parent.name).toBe('Publipostage ENT');
    const [pdf] = pdfFiles(runtime);
    expect(pdf!.parent.name).toBe('Publipostage ENT');
    expect(pdf!.name).toBe(`${file.name}.pdf`);
    const { pages, text: pdfText } = pdfPages(pdf!.bytes);
    expect(pages).toBe(5);
    expect(pdfText).toContain('login.0004');
    const files = (last.value!.result as { files: Record<string, unknown>[] }).files;
    expect(files).toEqual([
      expect.objectContaining({
        letters: 5,
        pages: 5,
        doc: { name: file.name, url: `https://docs.google.com/document/d/${file.id}/edit` },
        pdf: {
          name: pdf!.name,
          url: `https://drive.google.com/file/d/${pdf!.id}/view?usp=drivesdk`,
        },
      }),
    ]);
  });

  it.each([
    [2, 5, 3, 1, 2, 841.89],
    [8, 20, 3, 4, 2, 595.28],
  ] as const)(
    'layout %i: one table per page (%i accounts, %i pages), cells in order, PDF page count',
    (layout, n, pageCount, rows, columns, width) => {
      const runtime = school(people(n));
      expect(generate(runtime, layout).at(-1)!.value).toMatchObject({ done: true });
      const [doc] = docs(runtime);
      const tables = doc!.body.children.filter((c): c is EmuTable => c instanceof EmuTable);
      expect(tables).toHaveLength(pageCount);
      expect(doc!.body.page.width).toBe(width);
      for (const table of tables) {
        expect(table.rows).toHaveLength(rows);
        for (const row of table.rows) expect(row.cells).toHaveLength(columns);
        expect(table.attributes).toMatchObject({ BORDER_COLOR: '#9e9e9e', BORDER_WIDTH: 0.5 });
      }
      const cellLogins = tables.flatMap((t) =>
        t.rows.flatMap((r) =>
          r.cells.map((c) =>
            c.children
              .map((p) => (p instanceof EmuParagraph ? p.text : ''))
              .find((x) => /^login\./.test(x)),
          ),
        ),
      );
      const expected = Array.from({ length: n }, (_, i) => `login.${String(i).padStart(4, '0')}`);
      expect(cellLogins.filter(Boolean)).toEqual(expected);
      // Every table but the first starts a new page.
      const breaks = doc!.body.children.filter((c) => c instanceof EmuParagraph && c.pageBreak);
      expect(breaks).toHaveLength(pageCount - 1);
      const { pages, text } = pdfPages(pdfFiles(runtime)[0]!.bytes);
      expect(pages).toBe(pageCount);
      expect(text).toContain(`login.${String(n - 1).padStart(4, '0')}`);
    },
  );

  it('a step stopped half-way, then continued, gives the same Doc: nobody twice, nobody missing', () => {
    const n = lettersPerStep(1) * 2 + 5;
    const clean = school(people(n));
    generate(clean, 1);
    const expected = paragraphsOf(docs(clean)[0]!);

    const runtime = school(people(n));
    const start = runtime.runFromClient('startLetters', [request(1)]) as Reply;
    const jobId = start.value!.jobId as string;
    expect((runtime.runFromClient('continueLetters', [jobId]) as Reply).value!.processed).toBe(
      lettersPerStep(1),
    );
    runtime.stores.documents.stopAfter = 200;
    expect(() => runtime.runFromClient('continueLetters', [jobId])).toThrow(
      "Temps d'exécution maximal dépassé",
    );
    let reply: Reply;
    do reply = runtime.runFromClient('continueLetters', [jobId]) as Reply;
    while (reply.ok && !reply.value!.done);
    expect(reply.value).toMatchObject({ done: true, processed: n, total: n });
    const kept = docs(runtime);
    expect(kept).toHaveLength(1);
    expect(paragraphsOf(kept[0]!)).toEqual(expected);
    // The half-built Doc went to the bin.
    expect(runtime.stores.drive.files.filter((f) => f.trashed)).toHaveLength(1);
  });

  it('cuts more than 100 pages into parts, each a Doc and a PDF of at most 100 pages', () => {
    const runtime = school(people(130));
    const last = generate(runtime, 1).at(-1)!;
    const files = (last.value!.result as { files: { name: string; pages: number; part: number }[] })
      .files;
    expect(files.map((f) => [f.part, f.pages])).toEqual([
      [1, 100],
      [2, 30],
    ]);
    expect(docs(runtime)).toHaveLength(2);
    expect(pdfFiles(runtime).map((f) => pdfPages(f.bytes).pages)).toEqual([100, 30]);
    expect(pdfFiles(runtime)[0]!.name).toMatch(
      /^Courriers ENT – Sélection – partie 1 sur 2 – \d{4}-\d\d-\d\d \d\d-\d\d\.pdf$/,
    );
  });

  it('« Un PDF par classe »: one Doc and PDF per class, named after it', () => {
    const runtime = school(people(9));
    const files = (
      generate(runtime, 8, 'class').at(-1)!.value!.result as {
        files: { label: string; letters: number; pdf: { name: string } }[];
      }
    ).files;
    expect(files.map((f) => [f.label, f.letters])).toEqual([
      ['6EME 1', 3],
      ['6EME 2', 3],
      ['6EME 3', 3],
    ]);
    expect(files[0]!.pdf.name).toMatch(/^Courriers ENT – 6EME 1 – .*\.pdf$/);
  });

  it('asks for confirmation while the ENT address is a placeholder', () => {
    const runtime = school(people(2), null);
    const refused = runtime.runFromClient('startLetters', [request(1)]) as Reply;
    expect(refused.ok).toBe(false);
    expect(refused.error!.message).toMatch(/ent\.example.*Générer quand même/s);
    const confirmed = runtime.runFromClient('startLetters', [request(1, 'none', true)]) as Reply;
    expect(confirmed.ok).toBe(true);
  });

  it('cancel keeps the finished files, bins the unfinished Doc, forgets the job', () => {
    const runtime = school(people(lettersPerStep(1) + 3));
    const start = runtime.runFromClient('startLetters', [request(1)]) as Reply;
    const jobId = start.value!.jobId as string;
    runtime.runFromClient('continueLetters', [jobId]);
    const cancelled = runtime.runFromClient('cancelLetters', [jobId]) as Reply;
    expect(cancelled.value).toMatchObject({ done: true, result: { files: [] } });
    expect(docs(runtime)).toHaveLength(0);
    const again = runtime.runFromClient('continueLetters', [jobId]) as Reply;
    expect(again.error!.message).toMatch(/n’existe plus/);
    // Only the folder's id stays: the job is forgotten.
    expect(runtime.stores.properties.user.getKeys()).toEqual(['publipostage.driveFolderId']);
  });

  it('starting a job discards the jobs abandoned for a day, and bins their unfinished Docs', () => {
    const runtime = school(people(lettersPerStep(1) + 3));
    const start = (): string => {
      const reply = runtime.runFromClient('startLetters', [request(1)]) as Reply;
      runtime.runFromClient('continueLetters', [reply.value!.jobId]);
      return reply.value!.jobId as string;
    };
    const user = runtime.stores.properties.user;
    const key = (jobId: string) => `publipostage.letters.${jobId}`;
    const abandoned = start();
    const running = start();
    // The first was last saved two days ago (its sidebar closed), the second a minute ago.
    const state = JSON.parse(user.getProperty(key(abandoned))!) as Record<string, unknown>;
    const twoDaysAgo = Date.now() - 2 * 24 * 3600 * 1000;
    user.setProperty(key(abandoned), JSON.stringify({ ...state, savedAt: twoDaysAgo }));
    const abandonedDoc = (state.job as { docId: string }).docId;
    expect(runtime.stores.drive.fileById(abandonedDoc)!.trashed).toBe(false);
    // A state nobody can read (cut short, edited by hand) must not stop new jobs either.
    user.setProperty(key('cut'), '{"job":');
    user.setProperty(`${key('cut')}.file.0`, '{}');

    const third = start();
    const keys = user.getKeys();
    expect(keys).not.toContain(key(abandoned));
    expect(keys.filter((k) => k.startsWith(key('cut')))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining([key(running), key(third)]));
    expect(runtime.stores.drive.fileById(abandonedDoc)!.trashed).toBe(true);
    const again = runtime.runFromClient('continueLetters', [abandoned]) as Reply;
    expect(again.error!.message).toMatch(/n’existe plus/);
    expect((runtime.runFromClient('continueLetters', [running]) as Reply).ok).toBe(true);
  });

  it.each([1, 2, 8] as const)(
    'layout %i: DocumentApp calls per letter are bounded and do not depend on the names’ length',
    (layout) => {
      const count = (name: (i: number) => string) => {
        const runtime = school(people(16, name));
        generate(runtime, layout);
        const snapshot = runtime.counters.snapshot();
        const documentCalls = Object.entries(snapshot)
          .filter(([key]) =>
            /^(Body|Paragraph|Text|Table|TableRow|TableCell|Document|DocumentApp)\./.test(key),
          )
          .reduce((sum, [, n]) => sum + n, 0);
        return { documentCalls, snapshot };
      };
      const short = count((i) => `N${i}`);
      const long = count((i) => `${'TRÈS-LONG-NOM-DE-FAMILLE-'.repeat(4)}${i}`);
      expect(long.documentCalls).toBe(short.documentCalls);
      expect(short.documentCalls / 16).toBeLessThanOrEqual(CALLS_PER_LETTER);
      console.log(
        `layout ${layout}: ${(short.documentCalls / 16).toFixed(1)} DocumentApp calls per letter`,
      );
    },
  );
});
