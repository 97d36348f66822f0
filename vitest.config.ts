import { defineConfig } from 'vitest/config'
import { WxtVitest } from 'wxt/testing/vitest-plugin'
import { workerProject } from './tools/test/worker-project.ts'

export default defineConfig({
  test: {
    projects: [
      // Worker code runs inside workerd with real D1 and the real migrations.
      await workerProject({
        name: 'worker',
        // Integration tests talk HTTP to the sandboxes and run whole syncs; the default 5 s is for unit tests.
        testTimeout: 30_000,
        include: ['worker/**/*.test.ts', 'shared/**/*.test.ts', 'tools/chaos/**/*.test.ts', 'tools/security/**/*.test.ts'],
        exclude: ['**/*.node.test.ts'],
      }),
      {
        // Vendor sandboxes and local tooling run on Node, as they do under `npm start`.
        test: {
          name: 'node',
          environment: 'node',
          include: ['sandboxes/**/*.test.ts', 'tools/dev/**/*.test.ts', '**/*.node.test.ts'],
          exclude: ['node_modules/**', '.output/**'],
        },
      },
      {
        plugins: [WxtVitest()],
        // wxt.config.ts defines the built-in backend origin at build time; unit tests get their own.
        define: { __PROTIV_DEFAULT_API__: JSON.stringify('http://127.0.0.1:8787') },
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
        },
      },
    ],
  },
})
