// The referent's messages about accounts and selection, in French (the UI's language).
import { ACCEPTED_HEADERS, FIELD_LABELS, type Field } from './headers';
import { excerpt } from './printable';
import { count, plural } from './plural';

// A value from the export is shown as a bounded, printable excerpt: a broken file's "header"
// may be 2 MB of binary.
const quote = (text: string) => `« ${excerpt(text, 60)} »`;
const MAX_HEADERS = 30;
const list = (items: readonly string[]) => {
  const shown = items.slice(0, MAX_HEADERS).map(quote).join(', ');
  const more = items.length - MAX_HEADERS;
  return more > 0 ? `${shown} et ${count(more, 'autre', 'autres')}` : shown;
};
const headersFound = (found: readonly string[]) => {
  const headers = found.filter((h) => h !== '');
  return `En-têtes trouvés : ${headers.length > 0 ? list(headers) : 'aucun'}.`;
};
const fileLines = (line: number, lastLine: number) =>
  line === lastLine ? `ligne ${line} du fichier` : `lignes ${line} à ${lastLine} du fichier`;
const rows = (numbers: readonly number[]) =>
  numbers.length === 1 ? `la ligne ${numbers[0]}` : `les lignes ${numbers.join(', ')}`;

export const messages = {
  emptyTable: () => "Le tableau est vide : aucune ligne d'en-tête, aucun compte.",
  missingColumns: (fields: readonly Field[], found: readonly string[]) => {
    const names = fields.map(
      (field) =>
        `${quote(FIELD_LABELS[field])} (en-têtes acceptés : ${ACCEPTED_HEADERS[field].join(', ')})`,
    );
    return (
      `${plural(fields.length, 'Colonne obligatoire absente', 'Colonnes obligatoires absentes')} : ` +
      `${names.join(' ; ')}. ${headersFound(found)}`
    );
  },
  noActivationColumn: () =>
    "Pas de colonne « Code d'activation » : tous les comptes sont considérés comme activés.",
  unknownProfile: (value: string, row: number) =>
    `Ligne ${row} : profil inconnu ${quote(value)}, gardé tel quel.`,
  invalidDate: (value: string, row: number, header: string) =>
    `Ligne ${row} : ${quote(value)} n'est pas une date reconnue (colonne ${quote(header)}) ; le compte est sans date.`,
  /** A row kept out of the selection: read as it is, it would give a wrong letter. */
  untrustedRow: (row: number, where: { line: number; lastLine: number } | null, problem: string) =>
    `Ligne ${row}${where && (where.line !== row || where.lastLine !== row) ? ` (${fileLines(where.line, where.lastLine)})` : ''} : ` +
    `${problem} ; ligne écartée (ni courrier ni courriel) : corrigez-la, puis relancez.`,
  fieldCount: (found: number, expected: number) =>
    `${count(found, 'champ', 'champs')} au lieu des ${expected} de l'en-tête ` +
    '(un guillemet ou un séparateur en trop ou en moins décale les colonnes)',
  beyondHeader: (column: number) =>
    `une valeur en colonne ${column}, au-delà des colonnes de l'en-tête (colonnes décalées ?)`,
  strayQuote: (column: number, header: string) =>
    `du texte suit le guillemet fermant de la colonne ${column} (${quote(header)}) : guillemet mal placé`,
  repeatedHeader: () => "la ligne répète l'en-tête (deux exports collés l'un après l'autre ?)",
  blankCell: (field: Field) => `cellule ${quote(FIELD_LABELS[field])} vide`,
  brokenCell: (field: Field) =>
    `la cellule ${quote(FIELD_LABELS[field])} tient sur plusieurs lignes (guillemet mal fermé ?)`,
  sameLogin: (login: string, numbers: readonly number[]) =>
    `L'identifiant ${quote(login)} apparaît sur ${rows(numbers)}.`,
  homonymChildren: (child: string, row: number, numbers: readonly number[]) =>
    `Ligne ${row} : plusieurs élèves s'appellent ${quote(child)} (${rows(numbers)}) ; les classes de chacun comptent.`,
  more: (more: number) => `… et ${count(more, 'avertissement', 'avertissements')} du même genre.`,
  noColumn: (field: Field) => `pas de colonne ${quote(FIELD_LABELS[field])}`,
  noColumns: (fields: readonly Field[]) =>
    `pas de colonne ${fields.map((f) => quote(FIELD_LABELS[f])).join(' ni ')}`,
  emptyFilterValue: (filter: string) =>
    `Le filtre ${quote(filter)} a une valeur vide : indiquez une valeur, ou retirez le filtre.`,
  unknownFilterValue: (filter: string, value: string, known: readonly string[]) =>
    `Le filtre ${quote(filter)} ne connaît pas ${quote(value)} : aucun compte du fichier n'a cette valeur. ` +
    (known.length > 0 ? `Valeurs du fichier : ${list(known)}.` : "Le fichier n'en a aucune."),
  datesReversed: (afterName: string, after: string, beforeName: string, before: string) =>
    `${quote(afterName)} (${after}) est après ${quote(beforeName)} (${before}) : aucun compte ne peut correspondre. ` +
    'Inversez les deux dates.',
  sheetNotFound: (name: string) =>
    `L'onglet ${quote(name)} n'existe plus : rouvrez le publipostage pour choisir la feuille des comptes.`,
  notAnExport: (name: string, reason: string) =>
    `L'onglet ${quote(name)} ne ressemble pas à un export de comptes de l'ENT. ${reason} ` +
    "Importez l'export (Fichier › Importer) dans une feuille, puis rouvrez le publipostage.",
  filterUnavailable: (
    filter: string,
    reason: string,
    fields: readonly Field[],
    found: readonly string[],
  ) => {
    const accepted = fields
      .map((field) => `${FIELD_LABELS[field]} : ${ACCEPTED_HEADERS[field].join(', ')}`)
      .join(' ; ');
    return (
      `Le filtre ${quote(filter)} n'est pas disponible pour ce fichier : ${reason}. ` +
      `En-têtes acceptés (${accepted}). ${headersFound(found)}`
    );
  },
};
