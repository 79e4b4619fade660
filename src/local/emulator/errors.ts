// Service errors in the user's language. Apps Script raises its errors in the language of the
// person running the script (a French referent reads French), so a script must never decide by
// an error's words. Each error has an id, its English and French texts, and where each text
// comes from: a Google page, a developers' report, or 'guess'. A service throws
// `new ServiceError(id, …args)`; the membrane renders it in the session's locale
// (Session.getActiveUserLocale) when it reaches the script. docs/EMULATOR.md lists them.

export interface ServiceErrorText {
  /** `{0}`, `{1}`… are the arguments. */
  en: string;
  fr: string;
  /** Where the English text comes from (a URL), or 'guess'. */
  enSource: string;
  /** Where the French text comes from (a URL or a report), or 'guess'. */
  frSource: string;
}

const REPORTED =
  'developers quote it from Apps Script (public issues and Stack Overflow questions)';

export const SERVICE_ERRORS = {
  /** A call none of whose scopes is granted (scopes.ts); `{1}` is scopeList()'s text. */
  permission: {
    en: 'You do not have permission to call {0}. Required permissions: {1}',
    fr: "Vous n'êtes pas autorisé à appeler {0}. Autorisations requises : {1}",
    enSource: 'https://github.com/peterherrmann/BetterLog/issues/29',
    frSource:
      "a French user's message quoted in a public repository's test (\"Vous n'êtes pas autorisé à appeler UrlFetchApp.fetch. Autorisations requises : …\")",
  },
  /** The emulator's own: a method the scope table does not know (fail closed). */
  unknownScopes: {
    en: 'Emulator: no scopes known for {0} ({1}); declare them (src/local/emulator/scopes.ts).',
    fr: 'Émulateur : autorisations inconnues pour {0} ({1}) ; déclarez-les (src/local/emulator/scopes.ts).',
    enSource: 'guess',
    frSource: 'guess',
  },
  /** The emulator's own: AuthMode.NONE allows only the menu. */
  authModeNone: {
    en: 'Authorization required: {0} cannot be called in AuthMode.NONE (onOpen of an add-on not yet authorized).',
    fr: "Autorisation requise : {0} ne peut pas être appelé en AuthMode.NONE (onOpen d'un module non autorisé).",
    enSource: 'guess',
    frSource: 'guess',
  },
  timeLimit: {
    en: 'Exceeded maximum execution time',
    fr: "Temps d'exécution maximal dépassé",
    enSource: 'https://developers.google.com/apps-script/guides/services/quotas',
    frSource: 'guess',
  },
  propertyValueTooLarge: {
    en: 'Argument too large: value',
    fr: 'Argument trop grand : value',
    enSource: 'developers quote it for a property value over 9 kB (public repositories)',
    frSource: 'guess',
  },
  propertyStoreFull: {
    en: 'You have exceeded the property storage quota. Please remove some properties and try again.',
    fr: 'Vous avez dépassé le quota de stockage des propriétés. Veuillez supprimer certaines propriétés, puis réessayer.',
    enSource:
      'developers quote it (public repositories; the figure is on https://developers.google.com/apps-script/guides/services/quotas)',
    frSource:
      'the first sentence is quoted by a French developer (public repository); the second is a guess',
  },
  lockTimeout: {
    en: 'Lock timeout: another process was holding the lock for too long.',
    fr: "Délai d'attente du verrou dépassé : un autre processus a conservé le verrou trop longtemps.",
    enSource: REPORTED,
    frSource: 'guess',
  },
  noHtmlFile: {
    en: 'No HTML file named {0} was found.',
    fr: 'Aucun fichier HTML nommé {0} n’a été trouvé.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  rowsMismatch: {
    en: 'The number of rows in the data does not match the number of rows in the range. The data has {0} but the range has {1}.',
    fr: 'Le nombre de lignes des données ne correspond pas au nombre de lignes de la plage. Les données en comptent {0}, mais la plage {1}.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  columnsMismatch: {
    en: 'The number of columns in the data does not match the number of columns in the range. The data has {0} but the range has {1}.',
    fr: 'Le nombre de colonnes des données ne correspond pas au nombre de colonnes de la plage. Les données en comptent {0}, mais la plage {1}.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  signature: {
    en: "The parameters ({0}) don't match the method signature for {1}.",
    fr: 'Les paramètres ({0}) ne correspondent pas à la signature de la méthode {1}.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  rangeOutside: {
    en: 'The coordinates of the range are outside the dimensions of the sheet.',
    fr: 'Les coordonnées de la plage sont en dehors des dimensions de la feuille.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  startRowTooSmall: {
    en: 'The starting row of the range is too small.',
    fr: 'La ligne de départ de la plage est trop petite.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  startColumnTooSmall: {
    en: 'The starting column of the range is too small.',
    fr: 'La colonne de départ de la plage est trop petite.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  tooFewRows: {
    en: 'The number of rows in the range must be at least 1.',
    fr: 'Le nombre de lignes de la plage doit être au moins égal à 1.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  tooFewColumns: {
    en: 'The number of columns in the range must be at least 1.',
    fr: 'Le nombre de colonnes de la plage doit être au moins égal à 1.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  sheetNameTaken: {
    en: 'A sheet with the name "{0}" already exists. Please enter another name.',
    fr: 'Une feuille nommée « {0} » existe déjà. Veuillez saisir un autre nom.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  filterExists: {
    en: "You can't create a filter in a sheet that already has a filter.",
    fr: 'Impossible de créer un filtre dans une feuille qui en a déjà un.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  lastSheet: {
    en: "You can't remove all the sheets in a document.",
    fr: "Vous ne pouvez pas supprimer toutes les feuilles d'un document.",
    enSource: REPORTED,
    frSource: 'guess',
  },
  invalidArgument: {
    en: 'Invalid argument: {0}',
    fr: 'Argument non valide : {0}',
    enSource: REPORTED,
    frSource: 'guess',
  },
  invalidColor: {
    en: 'Invalid color: {0}',
    fr: 'Couleur non valide : {0}',
    enSource: 'guess',
    frSource: 'guess',
  },
  cellOutOfRange: {
    en: 'Cell reference out of range',
    fr: 'Référence de cellule hors limites',
    enSource: REPORTED,
    frSource: 'guess',
  },
  sheetNotFound: {
    en: 'Sheet not found.',
    fr: 'Feuille introuvable.',
    enSource: 'guess',
    frSource: 'guess',
  },
  unknownExtension: {
    en: 'Unknown file extension: {0}',
    fr: 'Extension de fichier inconnue : {0}',
    enSource: 'guess',
    frSource: 'guess',
  },
  rangeNotFound: {
    en: 'Range not found: {0}',
    fr: 'Plage introuvable : {0}',
    enSource: REPORTED,
    frSource: 'guess',
  },
  formatDateSignature: {
    en: "The parameters don't match the method signature for Utilities.formatDate.",
    fr: 'Les paramètres ne correspondent pas à la signature de la méthode Utilities.formatDate.',
    enSource: REPORTED,
    frSource: 'guess',
  },
  conversionUnsupported: {
    en: 'Converting from {0} to {1} is not supported.',
    fr: "La conversion de {0} en {1} n'est pas possible.",
    enSource: REPORTED,
    frSource: 'guess',
  },
} as const satisfies Record<string, ServiceErrorText>;

export type ServiceErrorId = keyof typeof SERVICE_ERRORS;

/** The language Apps Script answers in: French for a French locale (`fr`, `fr_FR`…), else English. */
export function errorLanguage(locale: string): 'en' | 'fr' {
  return /^fr\b|^fr_/i.test(locale) ? 'fr' : 'en';
}

/** An error's text in a locale, its arguments in place. */
export function serviceErrorText(
  id: ServiceErrorId,
  locale: string,
  ...args: readonly (string | number)[]
): string {
  const text: string = SERVICE_ERRORS[id][errorLanguage(locale)];
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/**
 * An error a service raises. Its `message` is English (host code and unit tests read it); the
 * membrane hands the script `localized(locale)`, as Apps Script speaks the user's language.
 */
export class ServiceError extends Error {
  readonly args: readonly (string | number)[];
  constructor(
    readonly id: ServiceErrorId,
    ...args: readonly (string | number)[]
  ) {
    super(serviceErrorText(id, 'en', ...args));
    this.args = args;
  }
  localized(locale: string): string {
    return serviceErrorText(this.id, locale, ...this.args);
  }
}
