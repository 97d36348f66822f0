/**
 * The vitest project that runs worker code inside workerd with real D1, the real migrations and the vendor
 * sandboxes. Shared by the main test run and the chaos runner (`npm run chaos`), which differ only in the
 * files they run and how long a test may take.
 * @module
 */
import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { seedLocalBrowser } from '../dev/local-browser'

type TestOptions = NonNullable<TestProjectInlineConfiguration['test']>

export async function workerProject(test: TestOptions): Promise<TestProjectInlineConfiguration> {
  const root = path.join(import.meta.dirname, '..', '..')
  const migrations = await readD1Migrations(path.join(root, 'migrations'))
  // The `[browser]` binding launches miniflare's Chrome for Testing, which cannot be downloaded offline: point it at
  // the system Chromium before workerd starts (the browser transport tests need it).
  seedLocalBrowser()
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(root, 'wrangler.toml') },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            CREDENTIALS_KEY: 'dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE=',
            ENVIRONMENT: 'test',
            // The tests point connections at the local sandboxes (worker/connectors/vendor-base-url.ts).
            ALLOW_VENDOR_BASE_URL: 'true',
            // The API fuzzer's seed and request count (worker/security/), overridable from the shell.
            FUZZ_SEED: process.env.FUZZ_SEED ?? '',
            FUZZ_REQUESTS: process.env.FUZZ_REQUESTS ?? '',
          },
        },
      }),
    ],
    test: {
      setupFiles: [path.join(root, 'tools/test/apply-migrations.ts')],
      globalSetup: [path.join(root, 'tools/test/start-sandboxes.ts')],
      ...test,
    },
  }
}
