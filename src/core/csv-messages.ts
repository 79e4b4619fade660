// Why a CSV cannot be read, said to the referent in French: the CLI and the sidebar's import
// show the same words (the CLI's file errors, which need Node, stay in src/local/read-messages.ts).
import { excerpt } from './printable';

const quote = (text: string) => `« ${excerpt(text, 120)} »`;

export const csvMessages = {
  /** A problem of the file, after its name (a path for the CLI, the file's name in the sidebar). */
  inFile: (name: string, problem: string) => `${quote(name)} : ${problem}`,
  unclosedQuote: (line: number) =>
    `Le fichier n'est pas un CSV lisible (ligne ${line}) : un guillemet ouvert n'est jamais fermé.`,
  workbook: () =>
    "c'est un classeur Excel ou LibreOffice (.xlsx, .xls, .ods), pas un fichier CSV : " +
    'ouvrez-le dans le tableur et enregistrez-le en CSV (Fichier › Enregistrer sous › CSV, séparateur « ; »).',
  pdf: () => "c'est un document PDF, pas un fichier CSV : utilisez l'export des comptes de l'ENT.",
  binary: () =>
    "ce n'est pas un fichier texte (il contient des octets de contrôle) : " +
    "utilisez l'export CSV des comptes de l'ENT (console d'administration › Imports/Exports).",
  badUtf16: () =>
    'le fichier commence comme un texte Unicode (UTF-16) mais la suite est illisible : ' +
    'réenregistrez-le en CSV UTF-8.',
};
