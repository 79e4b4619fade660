// The merge fields a referent's text may use (« {{prénom}} »): a closed list. A name is looked up
// in a Map built from this list and a value is computed by a switch over the known fields, so a
// template can never reach an object's property, a prototype or anything that is not a field.
import { displayName, profileLabel, roleParts, type Language } from '../present';
import type { Account, Settings } from '../types';

export type FieldName =
  | 'prénom'
  | 'nom'
  | 'identifiant'
  | 'code'
  | 'profil'
  | 'profil_classes'
  | 'classes'
  | 'enfants'
  | 'courriel'
  | 'adresse_ent'
  | 'nom_ent'
  | 'établissement'
  | 'contact';

export interface MergeField {
  /** The French name, as a referent types it between double braces. */
  name: FieldName;
  /** The English name, accepted in every text and shown in the English field list. */
  alias: string;
  /** What the sidebar's field list shows, in French and English. */
  label: { fr: string; en: string };
  description: { fr: string; en: string };
  /** Filled from the settings (the same on every letter), or from the account. */
  source: 'settings' | 'account';
}

/** The fields, in the order the sidebar lists them. */
export const MERGE_FIELDS: readonly MergeField[] = [
  {
    name: 'prénom',
    alias: 'first_name',
    label: { fr: 'Prénom', en: 'First name' },
    description: {
      fr: 'Le prénom du titulaire du compte.',
      en: "The account holder's first name.",
    },
    source: 'account',
  },
  {
    name: 'nom',
    alias: 'last_name',
    label: { fr: 'Nom', en: 'Last name' },
    description: { fr: 'Le nom de famille du titulaire.', en: "The holder's last name." },
    source: 'account',
  },
  {
    name: 'identifiant',
    alias: 'login',
    label: { fr: 'Identifiant', en: 'Login' },
    description: {
      fr: 'L’identifiant de connexion. Seul sur sa ligne dans un courrier, il devient le cadre de l’identifiant.',
      en: 'The sign-in login. Alone on its line in a letter, it becomes the login box.',
    },
    source: 'account',
  },
  {
    name: 'code',
    alias: 'activation_code',
    label: { fr: 'Code d’activation', en: 'Activation code' },
    description: {
      fr: 'Le code d’activation (vide pour un compte déjà activé). Seul sur sa ligne dans un courrier, il devient le cadre du code.',
      en: 'The activation code (empty once activated). Alone on its line in a letter, it becomes the code box.',
    },
    source: 'account',
  },
  {
    name: 'profil',
    alias: 'profile',
    label: { fr: 'Profil', en: 'Profile' },
    description: { fr: 'Élève, Enseignant, Parent, Personnel…', en: 'Student, Teacher, Parent…' },
    source: 'account',
  },
  {
    name: 'profil_classes',
    alias: 'profile_classes',
    label: { fr: 'Profil et classes', en: 'Profile and classes' },
    description: {
      fr: 'Le profil avec ses classes, ou les enfants d’un parent («\u00a0Élève, classe de 6EME 3\u00a0»).',
      en: 'The profile with its classes, or a parent’s children (“Student, class 6EME 3”).',
    },
    source: 'account',
  },
  {
    name: 'classes',
    alias: 'classes',
    label: { fr: 'Classes', en: 'Classes' },
    description: {
      fr: 'Les classes, séparées par des virgules.',
      en: 'The classes, comma-separated.',
    },
    source: 'account',
  },
  {
    name: 'enfants',
    alias: 'children',
    label: { fr: 'Enfants', en: 'Children' },
    description: { fr: 'Les enfants d’un parent.', en: 'A parent’s children.' },
    source: 'account',
  },
  {
    name: 'courriel',
    alias: 'email',
    label: { fr: 'Courriel', en: 'E-mail' },
    description: {
      fr: 'L’adresse de courriel du compte si elle est valide, sinon vide.',
      en: 'The account’s e-mail address when valid, else empty.',
    },
    source: 'account',
  },
  {
    name: 'adresse_ent',
    alias: 'ent_url',
    label: { fr: 'Adresse de l’ENT', en: 'ENT address' },
    description: {
      fr: 'L’adresse web de l’ENT (réglages).',
      en: 'The ENT’s web address (settings).',
    },
    source: 'settings',
  },
  {
    name: 'nom_ent',
    alias: 'ent_name',
    label: { fr: 'Nom de l’ENT', en: 'ENT name' },
    description: { fr: 'Le nom de l’ENT (réglages).', en: 'The ENT’s name (settings).' },
    source: 'settings',
  },
  {
    name: 'établissement',
    alias: 'school',
    label: { fr: 'Établissement', en: 'School' },
    description: {
      fr: 'Le nom de l’établissement (réglages), sans article\u00a0: évitez «\u00a0de {{établissement}}\u00a0».',
      en: 'The school’s name (settings).',
    },
    source: 'settings',
  },
  {
    name: 'contact',
    alias: 'contact',
    label: { fr: 'Contact', en: 'Contact' },
    description: {
      fr: 'La ligne de contact (réglages).',
      en: 'The contact line (settings).',
    },
    source: 'settings',
  },
];

/** Every accepted spelling (French name, English alias) to its field; a Map, never an object. */
const BY_NAME: ReadonlyMap<string, MergeField> = new Map(
  MERGE_FIELDS.flatMap((field) => [[field.name, field] as const, [field.alias, field] as const]),
);

/** The field a name written between braces stands for, or null: composed accents (NFC) only. */
export function lookupField(name: string): MergeField | null {
  return BY_NAME.get(name.normalize('NFC')) ?? null;
}

/** The field as a referent of `language` reads it: « {{prénom}} » or « {{first_name}} ». */
export function fieldTag(field: FieldName, language: Language = 'fr'): string {
  const found = BY_NAME.get(field)!;
  return `{{${language === 'en' ? found.alias : found.name}}}`;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The known field closest to a mistyped name (accents and case ignored: « prenom » → « prénom »),
 * as the referent's language writes it; null when nothing is close enough to be a typo.
 */
export function closestField(name: string, language: Language = 'fr'): string | null {
  const typed = fold(name.trim());
  let best: { spelling: string; cost: number } | null = null;
  for (const field of MERGE_FIELDS) {
    for (const spelling of [field.name, field.alias]) {
      const cost = distance(typed, fold(spelling));
      if (!best || cost < best.cost) {
        best = {
          spelling: spelling === field.alias && language === 'en' ? field.alias : field.name,
          cost,
        };
      }
    }
  }
  if (!best) return null;
  const limit = Math.max(2, Math.floor(typed.length / 3));
  return best.cost <= limit ? best.spelling : null;
}

/** A field's value: text, or a list (classes, children) that a letter may shorten item-wise. */
export type FieldValue = { text: string; list?: { prefix: string; items: string[] } };

/** What a text is filled with: the settings, and the account (absent in a settings-only check). */
export interface FieldContext {
  settings: Settings;
  account: Account;
  language: Language;
}

/** Every value on one line, accents composed: a cell's line break is not the text's. */
function oneLine(value: string): string {
  return (
    value
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- a control character in a value becomes a space
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/ {2,}/g, ' ')
  );
}

function clean(value: string): string {
  return oneLine(value).trim();
}

function list(prefix: string, items: readonly string[]): FieldValue {
  const cleaned = items.map(clean).filter((item) => item !== '');
  return { text: prefix + cleaned.join(', '), list: { prefix, items: cleaned } };
}

/** The value of a field for one account: a closed switch, no property is read by name. */
export function fieldValue(field: FieldName, context: FieldContext): FieldValue {
  const { account, settings, language } = context;
  switch (field) {
    case 'prénom':
      return { text: clean(account.firstName) };
    case 'nom':
      return { text: clean(account.lastName) };
    case 'identifiant':
      return { text: clean(account.login) };
    case 'code':
      return {
        text: account.activated ? '' : clean(account.activationCode ?? ''),
      };
    case 'profil':
      return { text: clean(profileLabel(account.profile, language)) };
    case 'profil_classes': {
      const parts = roleParts(account, language);
      // The prefix keeps its trailing space (« Responsable de : »), the list follows it.
      return parts.items.length === 0
        ? { text: clean(parts.prefix) }
        : list(oneLine(parts.prefix).trimStart(), parts.items);
    }
    case 'classes':
      return list('', account.classes);
    case 'enfants':
      return list('', account.children);
    case 'courriel':
      return { text: account.emailStatus === 'valid' ? clean(account.email ?? '') : '' };
    case 'adresse_ent':
      return { text: clean(settings.entUrl) };
    case 'nom_ent':
      return { text: clean(settings.entName) };
    case 'établissement':
      return { text: clean(settings.schoolName) };
    case 'contact':
      return { text: clean(settings.contact) };
  }
}

/** The name a letter shows when a text leaves the name line empty: the login, as before. */
export function fallbackName(account: Account): string {
  return clean(displayName(account)) || clean(account.login);
}
