// Lint: typescript-eslint's recommended rules plus the layering rules from DESIGN.md
// (extract/ and src/store/ never import upward; viz/ never imports server code).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-results/**', 'viz/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['viz/**'], languageOptions: { globals: { ...globals.browser } } },
  // Tests poke at untyped JSON responses and browser globals.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  layer(['extract/**'], ['**/store/**', '**/ingest/**', '**/api/**', '**/cli/**', '**/server*'], 'extract/ imports only src/model and compromise'),
  layer(['src/store/**'], ['**/extract/**', '**/ingest/**', '**/api/**', '**/cli/**', '**/server*'], 'src/store/ imports only src/model'),
  layer(['src/export/**'], ['**/extract/**', '**/store/**', '**/ingest/**', '**/api/**', '**/cli/**', '**/server*'], 'src/export/ imports only src/model'),
  layer(['viz/**'], ['**/src/**', '**/extract/**'], 'viz/ talks to the server over HTTP only'),
);
