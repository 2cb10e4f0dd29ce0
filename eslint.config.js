import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'better-sqlite3', 'kysely'];
const backendLayers = ['**/*.repository', '**/*.service', '**/*.handlers', '**/*.area', '**/db/*', '**/server/*', '**/cli/*', '**/seed/*', '**/backend/*', '**/api/dispatch', '**/domain/context'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'bench/tmp-scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Type shims and test doubles mirror loosely typed outside APIs.
    files: ['**/*.d.ts', '**/*.test.ts', '**/*.test.tsx', '**/test-*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // DESIGN §1: only the Electron shell may import electron.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src-main/app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/app/ may import electron (DESIGN §1).' }] }] },
  },
  {
    // Contracts, rules, export tables and core money/dates are runtime-neutral: the renderer imports them.
    files: ['src-main/**/*.contract.ts', 'src-main/**/*.dto.ts', 'src-main/**/*.rules.ts', 'src-main/**/*.export.ts', 'src-main/**/*.export-words.ts', 'src-main/domain/exports/exports.table.ts', 'src-main/domain/core/money.ts', 'src-main/domain/core/dates.ts', 'src-main/domain/core/english.ts', 'src-main/api/contract.ts', 'src-main/api/method.ts', 'src-main/api/errors.ts', 'src-main/api/result.ts', 'src-main/api/session.ts', 'src-main/api/permissions.ts', 'src-main/api/paging.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Contracts are runtime-neutral.' }],
          patterns: [{ group: [...nodeOnly, ...backendLayers], message: 'A contract imports only zod and other contracts (STYLE.md).' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only through the API client.' }],
          patterns: [{ group: [...nodeOnly, ...backendLayers], message: 'The renderer imports only contracts, never a repository or service (STYLE.md).' }],
        },
      ],
    },
  },
);
