import { defineConfig } from 'vitest/config'

// End-to-end tests: the built extension in a real Chromium against a real local worker.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
