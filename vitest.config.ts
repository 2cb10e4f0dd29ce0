import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src-main/test-temp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          // The import and voucher export tests again against a backend with a reader thread, where the
          // import prepares and the voucher file is written off the thread serving calls.
          name: 'readers',
          include: [
            'src-main/domain/imports/imports.handlers.test.ts',
            'src-main/domain/imports/imports.publish.test.ts',
            'src-main/domain/imports/imports.search-index.test.ts',
            'src-main/domain/imports/imports.undo.test.ts',
            'src-main/domain/catalog/catalog.import.test.ts',
            'src-main/domain/catalog/catalog.import-publish.test.ts',
            'src-main/domain/vouchers/vouchers.test.ts',
          ],
          environment: 'node',
          env: { DESK_ERP_TEST_READERS: '1' },
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          // Components rendered into a DOM (jsdom), with the app's providers (src-renderer/test-utils).
          name: 'dom',
          include: ['src-renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src-renderer/test-utils/setup.ts'],
          // A long form typed into field by field in jsdom takes seconds, more on a busy machine.
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // Each file starts its own server and browser; two cores, so one file at a time.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
        },
      },
    ],
  },
});
