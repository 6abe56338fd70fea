// ESLint: typescript-eslint's recommended rules with type information, for the server (src, test,
// bench, scripts) and the workspace app (app/src, its own tsconfig). Formatting is Prettier's job and
// the direction of imports is dependency-cruiser's (.dependency-cruiser.cjs); both run in `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test/fixtures/', 'bench/results/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // A name starting with _ is unused on purpose (a required parameter, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Fastify plugins and route handlers are async by contract (a plugin that returns no promise is taken
      // for the callback style and must call done); many of ours have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['app/src/**/*.tsx', 'app/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read HTTP answers as JSON (`response.json()` is `any`) and assert on them field by field: the
    // assertion is the type check. The rules about `any` flowing on stay on for every other file.
    files: ['test/**/*.ts', 'src/**/*.test.ts', 'src/**/*.test-support.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
