import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests start servers and child processes; two cores gain nothing from more forks. The files
    // of a fork share its module cache instead of each loading the app again (isolate: false): collecting took
    // more than half of the integration tests' CPU time (113 s of 184 s for test/api). No test mocks a module,
    // stubs the environment or fakes timers, and each starts its own servers and databases. (Set here: vitest
    // 3.2 ignores `isolate` in a project's own options.)
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
