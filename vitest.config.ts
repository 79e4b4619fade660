import { defineConfig } from 'vitest/config';
import { handlebarsVitePlugin } from './scripts/handlebars-plugin.mjs';
import { textVitePlugin } from './scripts/text-plugin.mjs';

export default defineConfig({
  plugins: [textVitePlugin(), handlebarsVitePlugin()],
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
