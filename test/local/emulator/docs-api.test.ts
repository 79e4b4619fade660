import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { pdfFile, pdfPageCount, pdfPageSize, pdfPageText, pdfWords } from '../../helpers/pdf';
import { runScript } from './helpers';

/** A runtime whose script calls the Advanced Docs service; `id` of a new Doc made by DocumentApp. */
function docsRuntime(extra = '') {
  return runScript(`
    function make() { return DocumentApp.create('Essai').getId(); }
    function update(id, requests) { return Docs.Documents.batchUpdate({ requests: requests }, id); }
    function get(id, fields) { return fields ? Docs.Documents.get(id, { fields: fields }) : Docs.Documents.get(id); }
    function attempt(id, requests) {
      try { Docs.Documents.batchUpdate({ requests: requests }, id); return null; }
      catch (e) { return [e.name, e.message]; }
    }
    ${extra}`);
}

const INDEXES =
  'body.content(startIndex,endIndex,table(tableRows(startIndex,endIndex,tableCells(startIndex,endIndex,content(startIndex,endIndex)))))';

describe('Docs API: structural indexes', () => {
  it('a new Doc: the section break at 0 (startIndex left out), one empty paragraph 1–2', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    expect(runtime.run('get', [id, 'body'])).toEqual({
      body: {
        content: [
          {
            endIndex: 1,
            sectionBreak: {
              sectionStyle: {
                columnSeparatorStyle: 'NONE',
                contentDirection: 'LEFT_TO_RIGHT',
                sectionType: 'CONTINUOUS',
              },
            },
          },
          {
            startIndex: 1,
            endIndex: 2,
            paragraph: {
              elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }],
              paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
            },
          },
        ],
      },
    });
  });

  it("the tables guide's 2 × 2 table: start S, rows, cells and their paragraphs at S + 1 … S + 12", () => {
    // "Work with tables", index offsets of an empty 2 × 2 table starting at S; InsertTableRequest:
    // "the table start index will be at the specified location index + 1".
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    runtime.run('update', [id, [{ insertTable: { rows: 2, columns: 2, location: { index: 1 } } }]]);
    const S = 2;
    const cell = (start: number) => ({
      startIndex: start,
      endIndex: start + 2,
      content: [{ startIndex: start + 1, endIndex: start + 2 }],
    });
    expect(runtime.run('get', [id, INDEXES])).toEqual({
      body: {
        content: [
          { endIndex: 1 },
          { startIndex: 1, endIndex: 2 },
          {
            startIndex: S,
            endIndex: S + 12,
            table: {
              tableRows: [
                { startIndex: S + 1, endIndex: S + 6, tableCells: [cell(S + 2), cell(S + 4)] },
                { startIndex: S + 6, endIndex: S + 11, tableCells: [cell(S + 7), cell(S + 9)] },
              ],
            },
          },
          // The paragraph that always follows a table.
          { startIndex: S + 12, endIndex: S + 13 },
        ],
      },
    });
  });

  it('fills cells from the last to the first, so earlier indexes stay valid', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    runtime.run('update', [
      id,
      [
        { insertTable: { rows: 2, columns: 2, endOfSegmentLocation: { segmentId: '' } } },
        { insertText: { text: 'd', location: { index: 12 } } },
        { insertText: { text: 'c', location: { index: 10 } } },
        { insertText: { text: 'b', location: { index: 7 } } },
        { insertText: { text: 'a', location: { index: 5 } } },
      ],
    ]);
    const doc = runtime.run('get', [id]) as {
      body: { content: { table?: { tableRows: { tableCells: { content: unknown[] }[] }[] } }[] };
    };
    const table = doc.body.content[2]!.table!;
    const texts = table.tableRows.map((row) =>
      row.tableCells.map(
        (c) =>
          (c.content[0] as { paragraph: { elements: { textRun: { content: string } }[] } })
            .paragraph.elements[0]!.textRun.content,
      ),
    );
    expect(texts).toEqual([
      ['a\n', 'b\n'],
      ['c\n', 'd\n'],
    ]);
    // DocumentApp reads the same document.
    expect(runtime.stores.documents.documents.get(id)!.body.getText()).toBe('\n\n');
  });

  it('a newline in inserted text makes a paragraph; a page break is one unit followed by a newline', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    runtime.run('update', [
      id,
      [
        { insertText: { text: 'Un\nDeux', location: { index: 1 } } },
        { insertPageBreak: { location: { index: 3 } } },
      ],
    ]);
    expect(
      runtime.run('get', [id, 'body.content(startIndex,endIndex,paragraph.elements)']),
    ).toEqual({
      body: {
        content: [
          { endIndex: 1 },
          {
            startIndex: 1,
            endIndex: 5,
            paragraph: {
              elements: [
                { startIndex: 1, endIndex: 3, textRun: { content: 'Un', textStyle: {} } },
                { startIndex: 3, endIndex: 4, pageBreak: { textStyle: {} } },
                { startIndex: 4, endIndex: 5, textRun: { content: '\n', textStyle: {} } },
              ],
            },
          },
          {
            startIndex: 5,
            endIndex: 6,
            paragraph: {
              elements: [{ startIndex: 5, endIndex: 6, textRun: { content: '\n', textStyle: {} } }],
            },
          },
          {
            startIndex: 6,
            endIndex: 11,
            paragraph: {
              elements: [
                { startIndex: 6, endIndex: 11, textRun: { content: 'Deux\n', textStyle: {} } },
              ],
            },
          },
        ],
      },
    });
  });
});

describe('Docs API: the service', () => {
  it('exists only when the manifest enables it, under its userSymbol', () => {
    const code = 'function probe() { return typeof Docs; }';
    expect(runScript(code).run('probe')).toBe('object');
    const without = runScript(code, undefined, { manifest: { oauthScopes: [] } });
    expect(without.run('probe')).toBe('undefined');
    const renamed = runScript('function probe() { return typeof GDocs; }', undefined, {
      manifest: {
        dependencies: {
          enabledAdvancedServices: [{ userSymbol: 'GDocs', serviceId: 'docs', version: 'v1' }],
        },
      },
    });
    expect(renamed.run('probe')).toBe('object');
  });

  it('counts its calls as Docs.Documents.*; create makes a Doc in Drive that DocumentApp opens', () => {
    const runtime = docsRuntime(`
      function created() {
        var doc = Docs.Documents.create({ title: 'Par l’API' });
        return [doc.title, doc.documentId, DocumentApp.openById(doc.documentId).getName()];
      }`);
    const [title, id, name] = runtime.run('created') as string[];
    expect([title, name]).toEqual(['Par l’API', 'Par l’API']);
    expect(runtime.stores.drive.fileById(id!)?.mimeType).toBe(
      'application/vnd.google-apps.document',
    );
    expect(runtime.counters.get('Docs.Documents.create')).toBe(1);
  });
});

describe('Docs API: edits and styles', () => {
  it('deleting across a newline merges two paragraphs; a whole table goes only whole', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    runtime.run('update', [
      id,
      [
        { insertText: { text: 'Alpha\nBeta\nGamma', location: { index: 1 } } },
        // Alpha 1–7, Beta 7–12, Gamma 12–18: delete "ha\nBe".
        { deleteContentRange: { range: { startIndex: 4, endIndex: 9 } } },
      ],
    ]);
    const texts = () => runtime.stores.documents.documents.get(id)!.body.getText();
    expect(texts()).toBe('Alpta\nGamma');
    // A table after "Alpta": its newline cannot go without the table…
    runtime.run('update', [id, [{ insertTable: { rows: 1, columns: 1, location: { index: 6 } } }]]);
    // Alpta 1–7 (the newline inserted before the table), the table 7–12, then "" and the old
    // newline 12–13, Gamma 13–19.
    expect(
      runtime.run('attempt', [
        id,
        [{ deleteContentRange: { range: { startIndex: 6, endIndex: 8 } } }],
      ]),
    ).toEqual([
      'GoogleJsonResponseException',
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].deleteContentRange: Invalid deletion range.',
    ]);
    expect(
      runtime.run('attempt', [
        id,
        [{ deleteContentRange: { range: { startIndex: 6, endIndex: 7 } } }],
      ]),
    ).toEqual([
      'GoogleJsonResponseException',
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].deleteContentRange: Invalid deletion range.',
    ]);
    // The table whole, from its start to its end, goes.
    runtime.run('update', [
      id,
      [{ deleteContentRange: { range: { startIndex: 7, endIndex: 12 } } }],
    ]);
    expect(texts()).toBe('Alpta\n\nGamma');
  });

  it('paragraph and text styles come back from get; cell borders reach the neighbour; column widths', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    const line = {
      color: { color: { rgbColor: { red: 1 } } },
      width: { magnitude: 1, unit: 'PT' },
      dashStyle: 'DASH',
    };
    runtime.run('update', [
      id,
      [
        { insertText: { text: 'Titre', location: { index: 1 } } },
        {
          updateParagraphStyle: {
            range: { startIndex: 1, endIndex: 2 },
            paragraphStyle: {
              alignment: 'CENTER',
              spaceBelow: { magnitude: 6, unit: 'PT' },
              lineSpacing: 115,
            },
            fields: 'alignment,spaceBelow,lineSpacing',
          },
        },
        {
          updateTextStyle: {
            range: { startIndex: 1, endIndex: 3 },
            textStyle: { bold: true },
            fields: 'bold',
          },
        },
        { insertTable: { rows: 1, columns: 2, endOfSegmentLocation: {} } },
        {
          updateTableCellStyle: {
            tableRange: {
              tableCellLocation: { tableStartLocation: { index: 7 }, rowIndex: 0, columnIndex: 0 },
              rowSpan: 1,
              columnSpan: 1,
            },
            tableCellStyle: { borderRight: line, paddingLeft: { magnitude: 10, unit: 'PT' } },
            fields: 'borderRight,paddingLeft',
          },
        },
        {
          updateTableColumnProperties: {
            tableStartLocation: { index: 7 },
            columnIndices: [1],
            tableColumnProperties: {
              widthType: 'FIXED_WIDTH',
              width: { magnitude: 120, unit: 'PT' },
            },
            fields: 'width,widthType',
          },
        },
      ],
    ]);
    const doc = runtime.run('get', [
      id,
      'body.content(paragraph,table(tableRows(tableCells(tableCellStyle)),tableStyle))',
    ]) as {
      body: { content: Record<string, never>[] };
    };
    const [, title, table] = doc.body.content as [
      unknown,
      { paragraph: unknown },
      { table: unknown },
    ];
    expect(title.paragraph).toEqual({
      elements: [
        { startIndex: 1, endIndex: 3, textRun: { content: 'Ti', textStyle: { bold: true } } },
        { startIndex: 3, endIndex: 7, textRun: { content: 'tre\n', textStyle: {} } },
      ],
      paragraphStyle: {
        namedStyleType: 'NORMAL_TEXT',
        direction: 'LEFT_TO_RIGHT',
        alignment: 'CENTER',
        lineSpacing: 115,
        spaceBelow: { magnitude: 6, unit: 'PT' },
      },
    });
    const red = {
      color: { color: { rgbColor: { red: 1 } } },
      width: { magnitude: 1, unit: 'PT' },
      dashStyle: 'DASH',
    };
    expect(table.table).toMatchObject({
      tableRows: [
        {
          tableCells: [
            { tableCellStyle: { borderRight: red, paddingLeft: { magnitude: 10, unit: 'PT' } } },
            // The shared border is the neighbour's left border too.
            { tableCellStyle: { borderLeft: red, paddingLeft: { magnitude: 5, unit: 'PT' } } },
          ],
        },
      ],
      tableStyle: {
        tableColumnProperties: [
          { widthType: 'EVENLY_DISTRIBUTED' },
          { widthType: 'FIXED_WIDTH', width: { magnitude: 120, unit: 'PT' } },
        ],
      },
    });
    expect(
      runtime.run('attempt', [
        id,
        [
          {
            updateTableColumnProperties: {
              tableStartLocation: { index: 7 },
              tableColumnProperties: { width: { magnitude: 4, unit: 'PT' } },
              fields: 'width',
            },
          },
        ],
      ]),
    ).toEqual([
      'GoogleJsonResponseException',
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].updateTableColumnProperties: The column width must be at least 5 points.',
    ]);
    expect(() => runtime.run('get', [id, 'body.content(paragraf)'])).toThrow(
      'API call to docs.documents.get failed with error: Invalid field selection body.content.paragraf',
    );
  });
});

describe('Docs API: refusals, as Google words them; a batch is atomic', () => {
  it('refuses an index past the end, inside a table structure, empty text, a bad mask', () => {
    const runtime = docsRuntime();
    const id = runtime.run('make') as string;
    runtime.run('update', [id, [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }]]);
    const before = runtime.run('get', [id]);
    const error = (requests: unknown[]) =>
      runtime.run('attempt', [id, requests]) as string[] | null;
    expect(error([{ insertText: { text: 'x', location: { index: 8 } } }])).toEqual([
      'GoogleJsonResponseException',
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: Index 8 must be less than the end index of the referenced segment, 8.',
    ]);
    // Index 2 is the table's start, 3 its row, 4 its cell: not in a paragraph.
    for (const index of [2, 3, 4])
      expect(error([{ insertText: { text: 'x', location: { index } } }])).toEqual([
        'GoogleJsonResponseException',
        'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph.',
      ]);
    expect(error([{ insertText: { text: '', location: { index: 1 } } }])?.[1]).toBe(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: Insert text requests must specify text to insert.',
    );
    expect(
      error([
        { insertText: { text: 'ok', location: { index: 1 } } },
        {
          updateTextStyle: {
            range: { startIndex: 1, endIndex: 2 },
            textStyle: { bold: true },
            fields: '',
          },
        },
      ])?.[1],
    ).toBe(
      "API call to docs.documents.batchUpdate failed with error: Invalid requests[1].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
    expect(error([{}])?.[1]).toBe(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0]: No request set.',
    );
    expect(error([{ insertPageBreak: { location: { index: 5 } } }])?.[1]).toMatch(
      /requests\[0\]\.insertPageBreak/,
    );
    expect(error([{ deleteContentRange: { range: { startIndex: 1, endIndex: 8 } } }])?.[1]).toMatch(
      /cannot include the newline character at the end of the segment/,
    );
    // Nothing of the failed batches was applied, not even their valid first requests.
    expect(runtime.run('get', [id])).toEqual(before);
  });
});

/** The PDF's page content streams, inflated: its drawing operators. */
function pdfOperators(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  let out = '';
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out += inflateSync(Buffer.from(text.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      // Not a deflated stream (a font's, for instance).
    }
  }
  return out;
}

describe('Docs API: the PDF export draws what the API wrote', () => {
  it('page size and margins, exact row heights, rows kept whole, dashed borders, breaks, bold', () => {
    const runtime = docsRuntime(`
      function pdf(id) {
        return DocumentApp.openById(id).getAs('application/pdf').getBytes();
      }`);
    const id = runtime.run('make') as string;
    const dash = {
      color: { color: { rgbColor: { red: 0.5, green: 0.5, blue: 0.5 } } },
      width: { magnitude: 0.5, unit: 'PT' },
      dashStyle: 'DASH',
    };
    const rowHeight = (h: number) => ({
      minRowHeight: { magnitude: h, unit: 'PT' },
      preventOverflow: true,
    });
    runtime.run('update', [
      id,
      [
        {
          updateDocumentStyle: {
            documentStyle: {
              pageSize: {
                width: { magnitude: 419.53, unit: 'PT' },
                height: { magnitude: 595.28, unit: 'PT' },
              },
              marginTop: { magnitude: 36, unit: 'PT' },
              marginBottom: { magnitude: 36, unit: 'PT' },
              marginLeft: { magnitude: 36, unit: 'PT' },
              marginRight: { magnitude: 36, unit: 'PT' },
            },
            fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
          },
        },
        { insertTable: { rows: 2, columns: 1, location: { index: 1 } } },
        // A5 less 72 pt of margins leaves 523.28 pt; the paragraph before the table takes a line
        // (11 pt × 1.15 × 1.15 = 14.55 pt): two 250 pt rows fit below it, two 260 pt rows would not.
        {
          updateTableRowStyle: {
            tableStartLocation: { index: 2 },
            tableRowStyle: rowHeight(250),
            fields: 'minRowHeight,preventOverflow',
          },
        },
        {
          updateTableCellStyle: {
            tableStartLocation: { index: 2 },
            tableCellStyle: {
              borderTop: dash,
              borderBottom: dash,
              borderLeft: dash,
              borderRight: dash,
            },
            fields: 'borderTop,borderBottom,borderLeft,borderRight',
          },
        },
        { insertText: { text: 'Deux', location: { index: 8 } } },
        { insertText: { text: 'Identifiant', location: { index: 5 } } },
        {
          updateTextStyle: {
            range: { startIndex: 5, endIndex: 16 },
            textStyle: { bold: true, fontSize: { magnitude: 20, unit: 'PT' } },
            fields: 'bold,fontSize',
          },
        },
        { insertText: { text: 'Identifiant', endOfSegmentLocation: {} } },
        { insertPageBreak: { endOfSegmentLocation: {} } },
        { insertText: { text: 'Fin', endOfSegmentLocation: {} } },
      ],
    ]);
    const bytes = Uint8Array.from(runtime.run('pdf', [id]) as number[], (b) => b & 0xff);
    const path = pdfFile(bytes);
    expect(pdfPageSize(path)).toEqual({ width: 419.53, height: 595.28 });
    expect(pdfPageCount(path)).toBe(3);
    expect(pdfPageText(path, 1)).toMatch(/Identifiant[\s\S]*Deux/);
    expect(pdfPageText(path, 2).trim()).toBe('Identifiant');
    expect(pdfPageText(path, 3).trim()).toBe('Fin');
    const words = pdfWords(path).filter((w) => w.text === 'Identifiant');
    // The bold 20 pt one in the first cell, the plain 11 pt one after the table.
    expect(words[0]!.width).toBeGreaterThan(words[1]!.width * 1.9);
    expect(words[0]!.x).toBeCloseTo(36 + 5, 0);
    // The second row starts 250 pt below the first: "Deux" sits at its top, on page 1.
    const deux = pdfWords(path).find((w) => w.text === 'Deux')!;
    expect(deux.page).toBe(1);
    expect(deux.y).toBeGreaterThan(36 + 14.55 + 250);
    expect(deux.y).toBeLessThan(36 + 14.55 + 250 + 10);
    expect(pdfOperators(bytes)).toMatch(/\[3 2\] 0 d/);
  });
});
