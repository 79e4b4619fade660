// Puts U+00A0 inside « » and before : ; ! ? in the strings of the French files given
// (docs/DECISIONS.md, « Words and order »): `node scripts/french-spaces.mjs src/core/i18n/fr.ts`.
// Strings and template pieces only (TypeScript's parser finds them), never the code around them;
// in a .hbs template, the text outside {{…}}. test/core/french-typography.test.ts says what is left.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const NBSP = '\u00a0';
const fix = (text) =>
  text
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`)
    .replace(/ +([:;!?])/g, `${NBSP}$1`);

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  let out;
  if (file.endsWith('.hbs')) {
    out = source
      .split(/(\{\{[\s\S]*?\}\})/)
      .map((part, i) => (i % 2 ? part : fix(part)))
      .join('');
  } else {
    const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const edits = [];
    const visit = (node) => {
      if (LITERALS.has(node.kind) && !ts.isImportDeclaration(node.parent)) {
        const start = node.getStart(tree);
        const raw = source.slice(start, node.getEnd());
        if (fix(raw) !== raw) edits.push([start, node.getEnd(), fix(raw)]);
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
    out = source;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
      out = out.slice(0, start) + text + out.slice(end);
    }
  }
  if (out !== source) {
    writeFileSync(file, out);
    console.log(`Espaces insécables posés dans ${file}.`);
  }
}
