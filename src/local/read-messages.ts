// Why an account file cannot be read, said to the referent in French.
import { excerpt } from '../core/printable';

const quote = (text: string) => `« ${excerpt(text, 120)} »`;
const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} Mo`;

export const readMessages = {
  inFile: (path: string, problem: string) => `${quote(path)} : ${problem}`,
  cannotRead: (path: string, reason: string) => `Impossible de lire ${quote(path)} : ${reason}.`,
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
  tooLarge: (bytes: number, max: number) =>
    `le fichier est trop grand (${megabytes(bytes)}) : au plus ${megabytes(max)}, ` +
    'la taille du plus long texte que Node.js tient en mémoire. Découpez l’export (par profil ou par niveau).',
};

/** Why an output (PDF, CSV, folder) cannot be written. */
export const outputMessages = {
  cannotWrite: (path: string, reason: string) => `Impossible d'écrire ${quote(path)} : ${reason}.`,
  notAFile: (path: string) =>
    `Impossible d'écrire ${quote(path)} : ce n'est pas un fichier ordinaire (dossier ou périphérique) ; choisissez un nom de fichier.`,
  notADirectory: (dir: string, file: string) =>
    `Impossible de créer le dossier ${quote(dir)} : ${quote(file)} est un fichier, pas un dossier.`,
  cannotCreate: (dir: string, reason: string) =>
    `Impossible de créer le dossier ${quote(dir)} : ${reason}.`,
};
