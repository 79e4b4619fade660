// The referent's text and hostile values through the real PDF renderer: what pdftotext reads
// back is the text's words and the values as they are, never markup taken from a value.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetters } from '../../../src/core/letters';
import { writeLettersPdf } from '../../../src/local/pdf/render';
import { pupil } from '../../helpers/letters';
import { pdfText } from '../../helpers/pdf';

const settings = {
  entName: 'ENT <b>x</b>',
  entUrl: 'https://ent.example.org',
  schoolName: 'École **gras** & <i>',
  contact: '# pas un titre',
};

const CARD = `{{prénom}} {{nom}}
Identifiant
{{identifiant}}
Code
{{code}}
Sur **{{adresse_ent}}** ({{établissement}}) — {{contact}}`;

describe('a referent’s card in the PDF', () => {
  it('reads back the values as they are, marks and tags included', async () => {
    const account = pupil({
      login: '!login**x**',
      firstName: '- <script>',
      lastName: '**NOM**',
      activationCode: 'k7x2m9q',
    });
    const letters = buildLetters([account], settings, 8, { texts: { 'card-not-activated': CARD } });
    const path = join(mkdtempSync(join(tmpdir(), 'texts-pdf-')), 'carte.pdf');
    await writeLettersPdf(letters, path, { title: 'Cartes' });
    // The words in order; the line breaks are the card's.
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain('- <script> **NOM**');
    expect(text).toContain('!login**x**');
    expect(text).toContain('k7x2m9q');
    expect(text).toContain('(École **gras** & <i>) — # pas un titre');
    expect(letters.pages[0]!.slots[0]!.blocks.map((block) => block.kind)).toEqual([
      'name',
      'label',
      'login',
      'label',
      'code',
      'paragraph',
    ]);
  });
});
