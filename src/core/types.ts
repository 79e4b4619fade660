// The domain's types, shared by the core, the add-on, the CLI and the sidebar.
// Everything here crosses google.script.run, so it is plain data: no Date, no function.

/** Profile codes of the ENT; any other value of the export is kept verbatim as its own profile. */
export const KNOWN_PROFILES = ['Student', 'Teacher', 'Relative', 'Personnel', 'Guest'] as const;
export type KnownProfile = (typeof KNOWN_PROFILES)[number];
export type Profile = KnownProfile | (string & {});

/** valid: one @, a local part, a domain of two labels or more; missing: empty cell. */
export type EmailStatus = 'valid' | 'invalid' | 'missing';

/** A calendar day, `YYYY-MM-DD`: dates cross google.script.run and JSON as text. */
export type IsoDate = string;

/** One account of the ENT export, normalised (SPEC §1). */
export interface Account {
  /** 1-based row in the source, blank rows included: the row the referent sees. */
  row: number;
  /** The login to hand out: the alias when there is one, else the identifiant. */
  login: string;
  originalLogin: string;
  lastName: string;
  firstName: string;
  profile: Profile;
  /** Activated means the export has no activation code for the account. */
  activated: boolean;
  activationCode: string | null;
  email: string | null;
  emailStatus: EmailStatus;
  /** Effective classes: a parent's own plus its children's (SPEC §1). */
  classes: string[];
  levels: string[];
  children: string[];
  functions: string[];
  localAdmin: boolean;
  blocked: boolean;
  createdAt: IsoDate | null;
  /** The account's own `level` cell (Niveau), null without one. Set by loadAccounts. */
  ownLevel?: string | null;
  /** The level of each of `classes`, same order. Set by loadAccounts; else derived from names. */
  classLevels?: string[];
}

export type ActivationFilter = 'all' | 'activated' | 'not-activated';
export type EmailFilter = 'all' | 'with' | 'without';
export type BlockedFilter = 'all' | 'blocked' | 'not-blocked';
export type SortKey = 'alpha' | 'class' | 'profile';
/** Letters per A4 page (modèle de publipostage). */
export type Layout = 1 | 2 | 8;

/** The prétraitement's filters (SPEC §2); an unset filter selects everything. */
export interface Filters {
  profiles?: Profile[];
  levels?: string[];
  classes?: string[];
  activation?: ActivationFilter;
  email?: EmailFilter;
  localAdmins?: boolean;
  createdAfter?: IsoDate;
  createdBefore?: IsoDate;
  blocked?: BlockedFilter;
}

export interface Summary {
  total: number;
  withoutEmail: number;
  invalidEmail: number;
  activated: number;
  notActivated: number;
  byProfile: Record<string, number>;
  /** Groups of logins of the same person (same normalised names, different logins). */
  duplicates: string[][];
}

/** The accounts a selection keeps, in sort order, and their counts (the prétraitement). */
export interface Selection {
  accounts: Account[];
  summary: Summary;
}

/** A mistake of the referent's (file, columns, filter), with a French message shown as is. */
export interface UserError {
  code: string;
  message: string;
}

/** The letters' and e-mails' settings, kept in the document's properties or a JSON file. */
export interface Settings {
  entName: string;
  entUrl: string;
  schoolName: string;
  contact: string;
  /** E-mails: sender name and reply-to address. */
  senderName?: string;
  replyTo?: string;
}
