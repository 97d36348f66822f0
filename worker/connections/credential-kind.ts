/**
 * The kind of credentials each connection holds, for the connection view, without decrypting them on every read: it
 * is stored beside the ciphertext whenever credentials are stored (connect, reconnect, renewal). Rows stored before
 * that column existed have none, and no SQL migration can give them one (the credentials are encrypted): they are
 * decrypted here once, the first time they are shown, and the kind written back, so later reads find it stored.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { CredentialKind } from '../../shared/api/connections'
import { decryptCredentials } from '../crypto/credentials'
import type { Db } from '../db/client'
import { connections } from '../db/schema'
import { connectorFor } from '../sync/registry'

type ConnectionRow = typeof connections.$inferSelect

async function kindOf(key: string, row: ConnectionRow): Promise<CredentialKind | null> {
  try {
    const credentials = await decryptCredentials(key, row.id, { ciphertext: row.credentialsCiphertext, iv: row.credentialsIv })
    return connectorFor(row.vendor).credentialKind(credentials)
  } catch (err) {
    // Unreadable credentials (a wrong CREDENTIALS_KEY) stay without a kind and are tried again on the next read;
    // the message is the decryption's, which never carries the credentials.
    console.warn(`credential kind of ${row.id} not learned: ${(err as Error).message}`)
    return null
  }
}

/** The rows with their credential kind, learning and storing it once for rows stored before it was kept. */
export async function withCredentialKinds(db: Db, key: string, rows: ConnectionRow[]): Promise<ConnectionRow[]> {
  const missing = rows.filter((row) => row.credentialKind === null)
  if (missing.length === 0) return rows
  const learned = new Map<string, CredentialKind>()
  for (const row of missing) {
    const kind = await kindOf(key, row)
    if (kind) learned.set(row.id, kind)
  }
  const updates = missing
    .filter((row) => learned.has(row.id))
    .map((row) =>
      db
        .update(connections)
        .set({ credentialKind: learned.get(row.id)! })
        // Only over the credentials just read: a reconnect meanwhile stored its own kind with its own credentials.
        .where(and(eq(connections.id, row.id), isNull(connections.credentialKind), eq(connections.credentialsCiphertext, row.credentialsCiphertext))),
    )
  const [first, ...rest] = updates
  if (first) await db.batch([first, ...rest])
  return rows.map((row) => (learned.has(row.id) ? { ...row, credentialKind: learned.get(row.id)! } : row))
}
