import { cliMessages } from './messages';
import { CliUserError } from './options';
import { runPreview } from './preview';
import { CsvReadError } from '../../core/csv-reader';
import { OutputError } from '../output-file';
import { printableLines } from '../../core/printable';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `Publipostage des comptes ENT — identifiants et codes d'activation.

Usage :
  publipostage preview <fichier.csv> [filtres] [--sort alpha|class|profile] [--json]
  publipostage pdf     <fichier.csv> [filtres] [--sort …] --layout 1|2|8 --out <fichier.pdf>
                       [--split-by class|profile --out-dir <dossier>] [--settings <réglages.json>]
                       [--templates <dossier>]
  publipostage mail    <fichier.csv> [filtres] [--sort …] --outbox <dossier> [--settings <réglages.json>]
                       [--templates <dossier>]
  publipostage export  <fichier.csv> [filtres] [--sort …] --out <fichier.csv> [--show-codes]

Filtres :
  --profile P            profil (répétable) : Enseignant, Élève, Parent, Personnel, Invité
  --level L              niveau (répétable), par exemple 6EME
  --class C              classe (répétable), par exemple "6EME 3"
  --activation all|activated|not-activated
  --email all|with|without
  --local-admins         seulement les administrateurs locaux
  --created-after AAAA-MM-JJ, --created-before AAAA-MM-JJ
  --blocked all|blocked|not-blocked

Options :
  --json                 (preview) le résultat en JSON
  --show-codes           (preview, export) afficher les codes d'activation, masqués sinon
  --layout 1|2|8         (pdf) 1 lettre par page A4, 2 lettres A5 par page, 8 cartes à découper
  --split-by class|profile  (pdf) un PDF par classe ou par profil, écrits dans --out-dir
  --settings FICHIER     (pdf, mail) réglages JSON : entName, entUrl, schoolName, contact
  --templates DOSSIER    (pdf, mail) les textes de l'établissement, un fichier UTF-8 par texte :
                         letter-not-activated.txt, letter-activated.txt (modèles 1 et 2),
                         card-not-activated.txt, card-activated.txt (modèle 8),
                         mail-not-activated.txt, mail-activated.txt (1re ligne : l'objet, puis
                         une ligne vide, puis le texte) ; champs {{prénom}}, {{nom}},
                         {{identifiant}}, {{code}}, {{classes}}… ; un fichier absent = le texte
                         par défaut (voir README, « Textes des courriers et des courriels »)
  --yes                  (pdf) générer même si l'adresse de l'ENT est encore l'exemple
  --outbox DOSSIER       (mail) un fichier .eml par message et le journal journal.csv ; relancer
                         la commande avec le même dossier n'envoie rien deux fois
  --quota N              (mail) au plus N messages par exécution (quota journalier simulé) ;
                         le reste attend « en attente : quota » jusqu'à la prochaine exécution
  --language fr|en       (pdf, mail) langue des courriers et des messages, français par défaut
  --campaign NOM         (mail) nom de la campagne (par défaut courriel-AAAA-MM-JJ)

Exemples :
  publipostage preview comptes.csv --profile Enseignant --profile Personnel --activation not-activated
  publipostage preview comptes.csv --level 6EME --class "5EME 2" --sort class --json
  publipostage export comptes.csv --email without --out sans-courriel.csv
  publipostage pdf comptes.csv --profile Élève --layout 8 --settings reglages.json --out cartes.pdf
  publipostage pdf comptes.csv --layout 2 --split-by class --out-dir courriers --settings reglages.json
  publipostage mail comptes.csv --profile Enseignant --outbox envoi/ --settings reglages.json
`;

/**
 * `--help` anywhere, before or after the command, or `-h` where it is not an option's value
 * (`--class -h` names a class); after `--`, both are file names.
 */
function wantsHelp(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return false;
    if (arg === '--help') return true;
    const previous = args[i - 1] ?? '';
    const isValue = previous.startsWith('--') && !previous.includes('=') && !FLAGS.has(previous);
    if (arg === '-h' && !isValue) return true;
  }
  return false;
}

const FLAGS = new Set(['--json', '--show-codes', '--local-admins', '--yes']);

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/**
 * One module per command; each parses its own options with ./options. The others are loaded
 * when asked for: pdf brings pdfkit and its fonts, mail the templates, which cost `preview`
 * a fifth of a second at startup (bench/preview.bench.mjs).
 */
const COMMANDS: Record<string, Command> = {
  preview: runPreview,
  pdf: async (args, io) => (await import('./pdf')).runPdf(args, io),
  export: async (args, io) => (await import('./export')).runExport(args, io),
  mail: async (args, io) => (await import('./mail')).runMail(args, io),
};

/** Runs one command line; returns the exit status (0 success, 2 user error). */
export async function runCli(args: readonly string[], terminal: CliIo): Promise<number> {
  // Messages and warnings quote the file (names, headers, paths): an ESC sequence there must not
  // drive the referent's terminal.
  const io: CliIo = {
    stdout: terminal.stdout,
    stderr: (text) => terminal.stderr(printableLines(text)),
  };
  const [command] = args;
  if (command === undefined || command === 'help' || wantsHelp(args)) {
    io.stdout(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`${cliMessages.unknownCommand(command)}\n`);
    return 2;
  }
  try {
    return await run(args.slice(1), io);
  } catch (error) {
    // The referent's mistakes get a message; programming errors keep their stack trace.
    if (
      error instanceof CliUserError ||
      error instanceof CsvReadError ||
      error instanceof OutputError
    ) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
