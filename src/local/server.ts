// `npm start`: the emulator's server on the sample school (or --input), serving dist/ as built.
import { join } from 'node:path';
import { startEmulatorServer } from './emulator/http';

// Apps Script runs the add-on in the project's time zone (appsscript.json): the bundle's own
// Date getters must see Europe/Paris too.
process.env.TZ = 'Europe/Paris';

const USAGE = `Usage : npm start -- [--input fichier.csv] [--port 8080]

  --input  le CSV dont part la feuille (par défaut : samples/college-victor-hugo.csv)
  --port   le port du serveur (par défaut : la variable PORT, sinon 8080 ; 0 = un port libre)
  --dist   le dossier de Code.js et sidebar.html à exécuter (par défaut : celui de ce serveur)
`;

interface Args {
  input?: string;
  port?: string;
  dist?: string;
  help?: boolean;
}

function parse(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--input') out.input = value();
    else if (flag === '--port') out.port = value();
    else if (flag === '--dist') out.dist = value();
    else throw new Error(`Option inconnue : ${arg}`);
  }
  return out;
}

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const requested = args.port ?? process.env.PORT ?? '8080';
  const port = /^\d+$/.test(requested) ? Number(requested) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    process.stderr.write(`Port invalide : « ${requested} » (un nombre de 0 à 65535).\n`);
    process.exitCode = 2;
    return;
  }
  const csvPath = args.input ?? join(root, 'samples', 'college-victor-hugo.csv');
  const distDir = args.dist ?? __dirname;
  try {
    const emulator = await startEmulatorServer({ distDir, csvPath, port });
    process.stdout.write(
      `Émulateur Publipostage ENT : ${emulator.url}\n(feuille importée de ${csvPath} ; Ctrl+C pour arrêter)\n`,
    );
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      e.code === 'EADDRINUSE'
        ? `Le port ${port} est déjà utilisé : essayez npm start -- --port ${port + 1}`
        : e.code === 'ENOENT' && e.path
          ? `Fichier introuvable : ${e.path} (lancez npm run build)`
          : e.message;
    process.stderr.write(`${message}\n`);
    process.exitCode = 2;
  }
}

void main();
