// The referent's messages about accounts and selection, in French (the UI's language).
import { ACCEPTED_HEADERS, FIELD_LABELS, type Field } from './headers';

const quote = (text: string) => `« ${text} »`;
const list = (items: readonly string[]) => items.map(quote).join(', ');
const headersFound = (found: readonly string[]) => {
  const headers = found.filter((h) => h !== '');
  return `En-têtes trouvés : ${headers.length > 0 ? list(headers) : 'aucun'}.`;
};
const rows = (numbers: readonly number[]) =>
  numbers.length === 1 ? `la ligne ${numbers[0]}` : `les lignes ${numbers.join(', ')}`;

export const messages = {
  emptyTable: () => "Le tableau est vide : aucune ligne d'en-tête, aucun compte.",
  missingColumns: (fields: readonly Field[], found: readonly string[]) => {
    const names = fields.map(
      (field) =>
        `${quote(FIELD_LABELS[field])} (en-têtes acceptés : ${ACCEPTED_HEADERS[field].join(', ')})`,
    );
    const plural = fields.length > 1;
    return (
      `${plural ? 'Colonnes obligatoires absentes' : 'Colonne obligatoire absente'} : ` +
      `${names.join(' ; ')}. ${headersFound(found)}`
    );
  },
  noActivationColumn: () =>
    "Pas de colonne « Code d'activation » : tous les comptes sont considérés comme activés.",
  unknownProfile: (value: string, row: number) =>
    `Ligne ${row} : profil inconnu ${quote(value)}, gardé tel quel.`,
  invalidDate: (value: string, row: number, header: string) =>
    `Ligne ${row} : ${quote(value)} n'est pas une date reconnue (colonne ${quote(header)}) ; le compte est sans date.`,
  emptyLogin: (row: number) => `Ligne ${row} : identifiant vide.`,
  sameLogin: (login: string, numbers: readonly number[]) =>
    `L'identifiant ${quote(login)} apparaît sur ${rows(numbers)}.`,
  homonymChildren: (child: string, row: number, numbers: readonly number[]) =>
    `Ligne ${row} : plusieurs élèves s'appellent ${quote(child)} (${rows(numbers)}) ; les classes de chacun comptent.`,
  more: (more: number) => `… et ${more} avertissement${more > 1 ? 's' : ''} du même genre.`,
  noColumn: (field: Field) => `pas de colonne ${quote(FIELD_LABELS[field])}`,
  noColumns: (fields: readonly Field[]) =>
    `pas de colonne ${fields.map((f) => quote(FIELD_LABELS[f])).join(' ni ')}`,
  sheetNotFound: (name: string) =>
    `L'onglet ${quote(name)} n'existe plus : rouvrez le publipostage pour choisir la feuille des comptes.`,
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
      .map((field) => `${FIELD_LABELS[field]} : ${ACCEPTED_HEADERS[field].join(', ')}`)
      .join(' ; ');
    return (
      `Le filtre ${quote(filter)} n'est pas disponible pour ce fichier : ${reason}. ` +
      `En-têtes acceptés (${accepted}). ${headersFound(found)}`
    );
  },
};
