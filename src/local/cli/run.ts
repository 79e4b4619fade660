export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `Publipostage des comptes ENT — identifiants et codes d'activation.

Usage :
  publipostage preview <fichier.csv> [filtres] [--sort alpha|class|profile] [--json]
  publipostage pdf     <fichier.csv> [filtres] [--sort …] --layout 1|2|8 --out <fichier.pdf>
                       [--split-by class|profile --out-dir <dossier>] [--settings <réglages.json>]
  publipostage mail    <fichier.csv> [filtres] [--sort …] --outbox <dossier> [--settings <réglages.json>]
  publipostage export  <fichier.csv> [filtres] [--sort …] --out <fichier.csv> [--show-codes]

Filtres :
  --profile P            profil (répétable) : Enseignant, Élève, Parent, Personnel, Invité
  --level L              niveau (répétable), par exemple 6EME
  --class C              classe (répétable), par exemple "6EME 3"
  --activation all|activated|not-activated
  --email all|with|without
  --local-admins         seulement les administrateurs locaux
  --created-after AAAA-MM-JJ, --created-before AAAA-MM-JJ
  --blocked all|blocked|not-blocked
`;

/** Runs one command line; returns the exit status (0 success, 2 user error). */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(`Commande inconnue : « ${command} ». Lancez « publipostage --help » pour la liste.\n`);
  return 2;
}
