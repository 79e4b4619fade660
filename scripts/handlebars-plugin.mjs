// Templates in templates/*.hbs are precompiled at build time, so Apps Script runs only
// Handlebars' small runtime and never compiles a template (no `new Function` at run time).
// One transform, two wrappers: esbuild for dist/, Vite for the tests.
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';

/** The module a template file becomes: its precompiled template function as default export. */
export function templateModule(source) {
  const spec = Handlebars.precompile(source, { strict: true });
  return `import Handlebars from 'handlebars/runtime';\nexport default Handlebars.template(${spec});\n`;
}

export function handlebarsEsbuildPlugin() {
  return {
    name: 'handlebars-precompile',
    setup(build) {
      build.onLoad({ filter: /\.hbs$/ }, async (args) => ({
        contents: templateModule(await readFile(args.path, 'utf8')),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

export function handlebarsVitePlugin() {
  return {
    name: 'handlebars-precompile',
    transform(source, id) {
      if (!id.endsWith('.hbs')) return null;
      return { code: templateModule(source), map: null };
    },
  };
}
