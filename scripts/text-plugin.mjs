// The default texts (templates/{fr,en}/*.txt) are plain data bundled as strings: esbuild's own
// `text` loader does it for dist/; this plugin does the same for Vite (the tests), before Vite's
// asset handling would turn the file into its URL.
import { readFile } from 'node:fs/promises';

export function textVitePlugin() {
  return {
    name: 'text-as-string',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('.txt')) return null;
      const source = await readFile(id, 'utf8');
      return { code: `export default ${JSON.stringify(source)};\n`, map: null };
    },
  };
}
