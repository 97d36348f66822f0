import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { migrateLocalDb, seedDemo, startWorker } from '../../tools/dev/local-stack'

/** The port the e2e extension build is allowed to call (package.json `test:e2e`). */
export const E2E_API_PORT = 8799

/** A fresh worker on its own empty local D1, migrated and seeded with the demo organisation. */
export async function startE2eWorker() {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'protiv-e2e-d1-'))
  await migrateLocalDb(persistTo)
  await seedDemo(persistTo)
  return startWorker({ port: E2E_API_PORT, persistTo, vars: { CREDENTIALS_KEY: 'ZTJlLW9ubHkta2V5LWUyZS1vbmx5LWtleS0zMmJ5dGU=' } })
}
