import { env } from 'cloudflare:workers'
import { encryptCredentials } from '../../worker/crypto/credentials'
import { createDb } from '../../worker/db/client'
import { connections } from '../../worker/db/schema'
import { nowIso } from '../../worker/util/clock'

/** A connection row written directly, for tests of the API around it that must not call a vendor. */
export async function insertConnection(orgId: string, overrides: Partial<typeof connections.$inferInsert> = {}) {
  const id = overrides.id ?? crypto.randomUUID()
  const sealed = await encryptCredentials(env.CREDENTIALS_KEY, id, { clientId: 'fixture-client', secret: 'fixture-secret' })
  const now = nowIso()
  await createDb(env.DB)
    .insert(connections)
    .values({
      id,
      orgId,
      vendor: 'aspire',
      accountLabel: `Aspire API key …${id.slice(0, 4)}`,
      credentialsCiphertext: sealed.ciphertext,
      credentialsIv: sealed.iv,
      credentialKind: 'api_key',
      settings: { syncStartDate: '2026-01-01' },
      frequencySeconds: 120,
      nextRunAt: now,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
  return id
}
