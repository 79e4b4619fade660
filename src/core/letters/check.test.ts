import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import {
  checkPlacement,
  pdfPageCount,
  placementMessage,
  type ReadDocument,
  type ReadElement,
} from './check';

const paragraph = (text: string, pageBreak = false): ReadElement => ({
  paragraph: {
    elements: [{ textRun: { content: `${text}\n` } }, ...(pageBreak ? [{ pageBreak: {} }] : [])],
  },
});

/** A body of tables of 4 × 2 cells, each card a name and its login, as documents.get gives it. */
function cardsDoc(pages: (string | null)[][]): ReadDocument {
  return {
    body: {
      content: [
        paragraph(''),
        ...pages.flatMap((cards, i) => [
          ...(i > 0 ? [paragraph('', true), paragraph('')] : []),
          {
            table: {
              tableRows: [0, 1, 2, 3].map((row) => ({
                tableCells: [0, 1].map((column) => {
                  const login = cards[row * 2 + column] ?? null;
                  return {
                    content: login ? [paragraph('Prénom NOM'), paragraph(login)] : [paragraph('')],
                  };
                }),
              })),
            },
          },
          paragraph(''),
        ]),
      ],
    },
  };
}

const logins = (n: number) => Array.from({ length: n }, (_, i) => `login.${i}`);

describe('the read-back of a part', () => {
  it('accepts cards in their cells in order, the last page part empty', () => {
    const all = logins(10);
    expect(checkPlacement(cardsDoc([all.slice(0, 8), all.slice(8)]), 8, all)).toBeNull();
  });

  it('names the first card out of place, and what its cell holds', () => {
    const all = logins(10);
    const moved = [...all];
    [moved[2], moved[5]] = [moved[5]!, moved[2]!];
    expect(checkPlacement(cardsDoc([moved.slice(0, 8), moved.slice(8)]), 8, all)).toEqual({
      kind: 'slot',
      slot: 3,
      page: 1,
      expected: 'login.2',
      found: 'login.5',
    });
    // A card gone: its cell holds no login.
    const gone: (string | null)[] = [...all];
    gone[9] = null;
    expect(checkPlacement(cardsDoc([gone.slice(0, 8), gone.slice(8)]), 8, all)).toMatchObject({
      slot: 10,
      page: 2,
      found: null,
    });
    // A card where none should be: its first text is named.
    expect(checkPlacement(cardsDoc([all.slice(0, 8), all.slice(8)]), 8, all.slice(0, 9))).toEqual({
      kind: 'slot',
      slot: 10,
      page: 2,
      expected: null,
      found: 'Prénom NOM',
    });
  });

  it('counts the pages: a table missing or one too many', () => {
    const all = logins(16);
    expect(checkPlacement(cardsDoc([all.slice(0, 8)]), 8, all)).toEqual({
      kind: 'pages',
      found: 1,
      expected: 2,
    });
    expect(checkPlacement(cardsDoc([all.slice(0, 8), all.slice(8), []]), 8, all)).toEqual({
      kind: 'pages',
      found: 3,
      expected: 2,
    });
  });

  it('layout 1: one letter per page, pages ended by their breaks', () => {
    const letter = (login: string, last: boolean) => [
      paragraph('Collège'),
      paragraph(login),
      paragraph('Contact', !last),
    ];
    const doc = (list: string[]): ReadDocument => ({
      body: { content: list.flatMap((login, i) => letter(login, i === list.length - 1)) },
    });
    expect(checkPlacement(doc(logins(3)), 1, logins(3))).toBeNull();
    expect(checkPlacement(doc(['login.0', 'login.2', 'login.1']), 1, logins(3))).toMatchObject({
      slot: 2,
      expected: 'login.1',
      found: 'login.2',
    });
    expect(checkPlacement(doc(logins(2)), 1, logins(3))).toMatchObject({ kind: 'pages' });
  });
});

function pdfkitPdf(pages: number): Promise<string> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    for (let i = 0; i < pages; i++) doc.addPage().text(`page ${i + 1}`);
    doc.end();
  });
}

describe('the page count of a PDF', () => {
  it.each([1, 3, 100])('reads %i pages from a PDF made by pdfkit', async (pages) => {
    expect(pdfPageCount(await pdfkitPdf(pages))).toBe(pages);
  });

  it('takes the root of a page tree of several levels, else counts the pages', () => {
    const tree = [
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >> endobj',
      '3 0 obj << /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R 7 0 R] /Count 3 >> endobj',
      '4 0 obj << /Count 2 /Type /Pages /Parent 2 0 R /Kids [8 0 R 9 0 R] >> endobj',
    ].join('\n');
    expect(pdfPageCount(tree)).toBe(5);
    const flat = '5 0 obj << /Type /Page >> endobj 6 0 obj << /Type/Page >> endobj';
    expect(pdfPageCount(flat)).toBe(2);
    expect(pdfPageCount('%PDF-1.7 stream x\u009c endstream')).toBeNull();
  });
});

describe('the message of a part that is not what was written', () => {
  it('names the part, the card and what differs, in French', () => {
    const part = 'Courriers ENT – Sélection – partie 2 sur 4';
    expect(
      placementMessage(
        { kind: 'slot', slot: 3, page: 1, expected: 'login.2', found: 'login.5' },
        8,
        part,
        'fr',
      ),
    ).toBe(
      '« Courriers ENT – Sélection – partie 2 sur 4 » : la carte 3 (page 1) devrait porter l’identifiant « login.2 », on y trouve « login.5 ». La génération est arrêtée ; ce Google Doc et les fichiers déjà faits sont gardés.',
    );
    expect(
      placementMessage(
        { kind: 'slot', slot: 2, page: 2, expected: 'a', found: null },
        1,
        part,
        'fr',
      ),
    ).toContain(
      'le courrier 2 devrait porter l’identifiant « a », on n’y trouve aucun identifiant.',
    );
    expect(placementMessage({ kind: 'pages', found: 12, expected: 13 }, 8, part, 'fr')).toContain(
      'le Google Doc a 12 pages au lieu de 13.',
    );
  });
});
