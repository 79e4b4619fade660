// The command line's messages, in French.
import { printable } from '../../core/printable';
import { count, plural } from '../../core/plural';

// A path or a value from the command line or the file, with its controls made visible.
const quote = (text: string) => `« ${printable(text)} »`;

export const cliMessages = {
  unknownCommand: (command: string) =>
    `Commande inconnue : ${quote(command)}. Lancez « publipostage --help » pour la liste.`,
  unknownOption: (option: string, command: string, known: readonly string[]) =>
    `Option inconnue : ${quote(option)}. Options de ${quote(command)} : ${known.join(', ')}. ` +
    'Lancez « publipostage --help » pour le détail.',
  missingValue: (option: string) => `L'option ${quote(option)} attend une valeur.`,
  noValueExpected: (option: string) => `L'option ${quote(option)} ne prend pas de valeur.`,
  repeated: (option: string) => `L'option ${quote(option)} est donnée deux fois.`,
  badChoice: (option: string, value: string, choices: readonly string[]) =>
    `Valeur ${quote(value)} invalide pour ${quote(option)} : attendu ${choices.join(', ')}.`,
  badDate: (option: string, value: string) =>
    `Date ${quote(value)} invalide pour ${quote(option)} : attendu AAAA-MM-JJ, par exemple 2019-09-01.`,
  missingFile: (command: string) =>
    `Indiquez le fichier des comptes : publipostage ${command} <fichier.csv>.`,
  tooManyFiles: (files: readonly string[]) =>
    `Un seul fichier des comptes est attendu, reçu : ${files.map(quote).join(', ')}.`,
  missingOption: (option: string, command: string) =>
    `L'option ${quote(option)} est obligatoire pour ${quote(command)}.`,
  inPlace: (file: string) =>
    `Le fichier de sortie ${quote(file)} est le fichier des comptes : choisissez un autre nom, pour ne pas l'écraser.`,
  cannotWrite: (file: string, reason: string) => `Impossible d'écrire ${quote(file)} : ${reason}.`,
  exported: (accounts: number, file: string, showCodes: boolean) =>
    `${count(accounts, 'compte exporté', 'comptes exportés')} dans ${quote(file)}` +
    ` (codes d'activation ${showCodes ? 'visibles' : 'masqués'}).`,
  warning: (text: string) => `Attention : ${text}`,
  invalidEmails: (n: number) =>
    `${count(n, 'compte', 'comptes')} avec une adresse courriel invalide`,
  activation: (activated: number, notActivated: number) =>
    `${count(activated, 'compte activé', 'comptes activés')}, ` +
    `${notActivated} ${plural(notActivated, 'non activé', 'non activés')}`,
  byProfile: (parts: readonly string[]) => `Par profil : ${parts.join(', ')}`,
  duplicates: (groups: readonly string[][]) =>
    `Doublons possibles : ${groups.map((g) => g.join(' / ')).join(' ; ')}`,
  codesMasked: () => "Codes d'activation masqués : ajoutez --show-codes pour les afficher.",
};

/** `publipostage pdf` (letters, SPEC §4). */
export const pdfMessages = {
  badLayout: (value: string) =>
    `Modèle ${quote(value)} invalide pour « --layout » : attendu 1 (une lettre par page), 2 (deux A5 par page) ou 8 (huit cartes par page).`,
  outOrOutDir: () =>
    'Avec « --split-by », indiquez le dossier des PDF par « --out-dir » (et non « --out »).',
  outDirWithoutSplit: () =>
    '« --out-dir » ne sert qu’avec « --split-by class » ou « --split-by profile ».',
  settingsUnreadable: (file: string, reason: string) =>
    `Impossible de lire les réglages ${quote(file)} : ${reason}.`,
  notJson: (at: { line: number; column: number } | null) =>
    `ce n'est pas du JSON valide${at ? ` (ligne ${at.line}, colonne ${at.column})` : ''} ; ` +
    'attendu par exemple { "entName": "…", "entUrl": "https://…", "schoolName": "…", "contact": "…" }',
  settingsTooLarge: (bytes: number, max: number) =>
    `le fichier est trop grand (${Math.ceil(bytes / 1024)} Ko, au plus ${max / 1024} Ko)`,
  settingsInvalid: (file: string, errors: readonly string[]) =>
    `Réglages ${quote(file)} incorrects : ${errors.join(' ')}`,
  placeholderAddress: (problem: string) =>
    `${problem} Indiquez la vraie adresse dans un fichier de réglages (--settings réglages.json, champ « entUrl »), ` +
    'ou ajoutez --yes pour générer quand même.',
  undrawable: (file: string, letters: readonly { login: string; characters: string[] }[]) => {
    const shown = letters
      .slice(0, 10)
      .map(({ login, characters }) => `${quote(login)} (${characters.map(quote).join(' ')})`);
    const more = letters.length - shown.length;
    return (
      `dans ${quote(file)}, des caractères que les polices des courriers ne savent pas dessiner ` +
      `sortiront en carrés vides : ${shown.join(', ')}${more > 0 ? ` et ${count(more, 'autre', 'autres')}` : ''}. ` +
      'Vérifiez ces courriers, ou écrivez ces noms en lettres latines dans le fichier.'
    );
  },
  nothingSelected: () => 'Aucun compte ne correspond aux filtres : aucun PDF écrit.',
  written: (accounts: number, pages: number, file: string, bytes: number) =>
    `${count(accounts, 'courrier', 'courriers')} sur ${count(pages, 'page', 'pages')} dans ${quote(file)} (${Math.ceil(bytes / 1024)} Ko).`,
};
