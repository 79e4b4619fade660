// `--templates DIR`: the referent's texts off Google, one file per text, the same files and the
// same checks as the add-on's (src/core/texts): letter-not-activated.txt, letter-activated.txt,
// card-not-activated.txt, card-activated.txt, mail-not-activated.txt, mail-activated.txt, in
// UTF-8. A missing file is the default text; an invalid one stops the command, its file and line
// named.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../core/present';
import { MAX_TEXT_LENGTH, TEXTS, compileText, type TextSources } from '../../core/texts';
import { normalizeSource } from '../../core/texts/template';
import { fileErrorReason, unreadableReason } from '../fs-errors';
import { cliMessages } from './messages';
import { CliUserError } from './options';
import type { CliIo } from './run';
import { decodeText } from './settings-file';

/** A text file is at most a few kilobytes; 3,000 characters take at most 12 kB of UTF-8. */
const MAX_FILE_BYTES = 4 * MAX_TEXT_LENGTH + 1024;

/** The file's text as the add-on stores it: line feeds, no BOM, no last newline. */
function fileText(path: string): string | null {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    const refused = unreadableReason(stat);
    if (refused) throw new CliUserError(`Texte «\u00a0${path}\u00a0» illisible\u00a0: ${refused}.`);
    if (stat.isDirectory())
      throw new CliUserError(`Texte «\u00a0${path}\u00a0» illisible\u00a0: c'est un dossier.`);
    if (stat.size > MAX_FILE_BYTES) {
      throw new CliUserError(
        `Texte «\u00a0${path}\u00a0» trop grand\u00a0: ${stat.size} octets\u00a0; un texte fait au plus ${MAX_TEXT_LENGTH} caractères.`,
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof CliUserError) throw error;
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return null;
    throw new CliUserError(
      `Texte «\u00a0${path}\u00a0» illisible\u00a0: ${fileErrorReason(error, 'read')}.`,
    );
  }
  return normalizeSource(decodeText(bytes).replace(/^\uFEFF/, '')).replace(/\n+$/, '');
}

interface TemplatesDir {
  texts: TextSources;
  /** Files of the folder that are no text's (a misspelt name): said, never read. */
  ignored: string[];
}

/** The texts of a folder for `language`; none (every default) without a folder. */
function readTemplatesDir(dir: string | undefined, language: Language): TemplatesDir {
  if (dir === undefined) return { texts: {}, ignored: [] };
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new CliUserError(`--templates «\u00a0${dir}\u00a0»\u00a0: ce n'est pas un dossier.`);
    }
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof CliUserError) throw error;
    throw new CliUserError(
      `--templates «\u00a0${dir}\u00a0»\u00a0: ${fileErrorReason(error, 'read')}.`,
    );
  }
  const known = new Set(TEXTS.map((info) => info.file));
  const texts: TextSources = {};
  for (const info of TEXTS) {
    const path = join(dir, info.file);
    const source = fileText(path);
    if (source === null) continue;
    const compiled = compileText(language, info.id, source);
    if (!compiled.ok) {
      const problems = compiled.problems.map((problem) => `  ${problem.message}`).join('\n');
      throw new CliUserError(
        `Le texte «\u00a0${path}\u00a0» (${info.label}) ne peut pas être utilisé\u00a0:\n${problems}`,
      );
    }
    texts[info.id] = source;
  }
  const ignored = names.filter((name) => name.endsWith('.txt') && !known.has(name)).sort();
  return { texts, ignored };
}

/** The warning for files of the folder that no text reads. */
function ignoredFilesWarning(dir: string, ignored: readonly string[]): string {
  const list = TEXTS.map((info) => info.file).join(', ');
  const which = ignored.length > 1 ? 'ces fichiers sont ignorés' : 'ce fichier est ignoré';
  return `Dans «\u00a0${dir}\u00a0», ${which}\u00a0: ${ignored.join(', ')} (les textes lus sont ${list}).`;
}

/** The texts `--templates` names (pdf, mail), after a warning for the files no text reads. */
export function templatesOption(
  dir: string | undefined,
  language: Language,
  io: CliIo,
): TextSources {
  const { texts, ignored } = readTemplatesDir(dir, language);
  if (ignored.length > 0) io.stderr(`${cliMessages.warning(ignoredFilesWarning(dir!, ignored))}\n`);
  return texts;
}
