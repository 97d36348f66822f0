/**
 * Credentials a vendor renewed during a step (Buildertrend re-issues its session cookie while it is used, the way
 * ASP.NET's sliding expiration does), sealed and stored so the next step starts from the fresh ones. Only when the
 * stored ciphertext is still the one this step read: credentials a person replaced meanwhile (a reconnect) win. Their
 * kind is stored with them, as on every write of credentials (connections/credential-kind.ts).
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { CredentialKind } from '../../shared/api/connections'
import { encryptCredentials } from '../crypto/credentials'
import type { Db } from '../db/client'
import { connections } from '../db/schema'

export async function storeRenewedCredentials(db: Db, key: string, conn: { id: string; credentialsCiphertext: string }, renewed: unknown, kind: CredentialKind): Promise<boolean> {
  const sealed = await encryptCredentials(key, conn.id, renewed)
  const stored = await db
    .update(connections)
    .set({ credentialsCiphertext: sealed.ciphertext, credentialsIv: sealed.iv, credentialKind: kind })
    .where(and(eq(connections.id, conn.id), eq(connections.credentialsCiphertext, conn.credentialsCiphertext), isNull(connections.deletedAt)))
    .returning({ id: connections.id })
  return stored.length === 1
}
