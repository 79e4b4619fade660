// Why an account file cannot be read, said to the referent in French.
import { csvMessages } from '../core/csv-messages';
import { excerpt } from '../core/printable';

const quote = (text: string) => `« ${excerpt(text, 120)} »`;
const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} Mo`;

export const readMessages = {
  ...csvMessages,
  cannotRead: (path: string, reason: string) => `Impossible de lire ${quote(path)} : ${reason}.`,
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
