// Recognising the columns of an export by their header (SPEC §1).
import { headerKey } from './normalize';

export const FIELDS = [
  'lastName',
  'firstName',
  'login',
  'profile',
  'loginAlias',
  'activationCode',
  'email',
  'classes',
  'level',
  'children',
  'parents',
  'functions',
  'localAdmin',
  'createdAt',
  'lastLogin',
  'blocked',
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = ['lastName', 'firstName', 'login', 'profile'];

/** Accepted headers as a referent would write them; matching uses their headerKey. */
export const ACCEPTED_HEADERS: Record<Field, readonly string[]> = {
  lastName: ['Nom', 'Last name', 'Lastname', 'Nom de famille'],
  firstName: ['Prénom', 'First name', 'Firstname'],
  login: ['Identifiant', 'Login'],
  profile: ['Type', 'Profil', 'Profile'],
  loginAlias: ['Login personnalisé (Alias)', 'Alias de login', 'Login alias', 'Alias'],
  activationCode: ["Code d'activation", 'Activation code', 'Code'],
  email: ['Courriel', 'Email', 'E-mail', 'Mail', 'Adresse courriel', 'Adresse e-mail'],
  classes: ['Classes', 'Classe', 'Classe(s)', 'Class'],
  level: ['Niveau', 'Level'],
  children: ['Enfants', 'Enfant(s)', 'Children'],
  parents: ['Parents', 'Parent(s)', 'Relatives'],
  functions: ['Fonctions', 'Fonction(s)', 'Functions'],
  localAdmin: ['Administrateur local', 'Admin local', 'Local admin'],
  createdAt: ['Date de création', 'Creation date', 'Created', 'Créé le'],
  lastLogin: ['Dernière connexion', 'Last login'],
  blocked: ['Bloqué', 'Blocked'],
};

/** How the referent knows each field: its usual French header. */
export const FIELD_LABELS: Record<Field, string> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  login: 'Identifiant',
  profile: 'Profil',
  loginAlias: 'Login personnalisé (alias)',
  activationCode: "Code d'activation",
  email: 'Courriel',
  classes: 'Classes',
  level: 'Niveau',
  children: 'Enfants',
  parents: 'Parents',
  functions: 'Fonctions',
  localAdmin: 'Administrateur local',
  createdAt: 'Date de création',
  lastLogin: 'Dernière connexion',
  blocked: 'Bloqué',
};

const FIELD_BY_KEY: ReadonlyMap<string, Field> = new Map(
  FIELDS.flatMap((field) => ACCEPTED_HEADERS[field].map((h) => [headerKey(h), field] as const)),
);

/** The field a header stands for, or null when the column is not one of ours. */
export function fieldOfHeader(header: string): Field | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

export interface FoundColumn {
  /** 0-based index of the column in the table. */
  index: number;
  /** The header as written in the export. */
  header: string;
}

/** Which fields the export has, with the header found for each. */
export interface ColumnReport {
  found: Partial<Record<Field, FoundColumn>>;
  /** Headers kept but not used (unknown columns, or a second column for the same field). */
  ignored: string[];
  /** Every header of the export, as written. */
  headers: string[];
}

export type HeaderResult =
  | { ok: true; columns: ColumnReport; warnings: string[] }
  | { ok: false; missingRequired: Field[]; headers: string[] };

/** Maps the header row to fields; the first column for a field wins, later ones are reported. */
export function recognizeHeaders(headers: readonly string[]): HeaderResult {
  const found: Partial<Record<Field, FoundColumn>> = {};
  const ignored: string[] = [];
  const warnings: string[] = [];
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field === null) {
      if (header !== '') ignored.push(header);
      return;
    }
    const first = found[field];
    if (first) {
      ignored.push(header);
      warnings.push(
        `Deux colonnes pour « ${FIELD_LABELS[field]} » : « ${first.header} » est utilisée, « ${header} » est ignorée.`,
      );
      return;
    }
    found[field] = { index, header };
  });
  const missingRequired = REQUIRED_FIELDS.filter((field) => !found[field]);
  if (missingRequired.length > 0) return { ok: false, missingRequired, headers: [...headers] };
  return {
    ok: true,
    columns: { found, ignored, headers: [...headers] },
    warnings,
  };
}
