import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // French texts hold U+00A0 inside « » and before : ; ! ? (docs/DECISIONS.md), in template
      // literals too; the code itself stays free of it.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    // The core runs in Apps Script and in Node: no Node module, no Google global.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/core reste pur : pas de module Node.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'DocumentApp',
          'DriveApp',
          'GmailApp',
          'MailApp',
          'HtmlService',
          'PropertiesService',
          'LockService',
          'ScriptApp',
          'Session',
          'Utilities',
          'process',
        ].map((name) => ({
          name,
          message: 'src/core reste pur : les services sont passés en paramètre.',
        })),
      ],
    },
  },
);
