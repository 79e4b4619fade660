// Why a file could not be read or written, said to the referent in French.
export function fileErrorReason(error: unknown, access: 'read' | 'write'): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return access === 'read' ? 'fichier introuvable' : 'dossier introuvable';
    case 'EISDIR':
      return "c'est un dossier";
    case 'EACCES':
    case 'EPERM':
      return access === 'read' ? 'lecture non autorisée' : 'écriture non autorisée';
    case 'ENOSPC':
      return 'disque plein';
    default:
      return (error as Error).message;
  }
}
