// Why a file could not be read or written, said to the referent in French.
import type { Stats } from 'node:fs';

/**
 * Why a file given to read is refused before reading it, or null: a device (/dev/zero) never
 * ends; a pipe (`<(…)`) is read like a file, and a folder fails the read with EISDIR.
 */
export function unreadableReason(stat: Stats): string | null {
  return stat.isFile() || stat.isFIFO() || stat.isDirectory()
    ? null
    : "ce n'est pas un fichier (périphérique ou flux sans fin)";
}

export function fileErrorReason(error: unknown, access: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return access === 'read' ? 'fichier introuvable' : 'dossier introuvable';
    case 'EISDIR':
      return "c'est un dossier";
    case 'ENOTDIR':
      return "un élément du chemin n'est pas un dossier";
    case 'EACCES':
    case 'EPERM':
      return access === 'read' ? 'lecture non autorisée' : 'écriture non autorisée';
    case 'EROFS':
      return 'le disque est en lecture seule';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disque plein';
    case 'EFBIG':
      return 'fichier trop grand pour ce disque';
    case 'ENAMETOOLONG':
      return 'nom trop long';
    case 'ELOOP':
      return 'trop de liens symboliques dans le chemin';
    case 'EEXIST':
      return 'un fichier de ce nom existe déjà';
    case 'EBUSY':
      return 'le fichier est utilisé par un autre programme';
    case 'EMFILE':
    case 'ENFILE':
      return 'trop de fichiers ouverts';
    case 'EIO':
      return "erreur d'entrée-sortie du disque";
    default:
      // Never the system's English text alone: its code tells a technician what happened.
      return `erreur du système${code ? ` (${code})` : ''}`;
  }
}
