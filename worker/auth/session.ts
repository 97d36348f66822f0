/**
 * Bearer tokens: 32 random bytes, shown to the client once, stored only as their SHA-256.
 * @module
 */
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Role } from '../../shared/api/auth'
import type { Db } from '../db/client'
import { sessions, users } from '../db/schema'
import { toBase64Url } from '../util/base64'
import { nowIso } from '../util/clock'
import { sha256Base64Url } from '../util/sha256'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

export interface AuthContext {
  sessionId: string
  userId: string
  orgId: string
  role: Role
}

export async function createSession(db: Db, user: { id: string; orgId: string }, now = Date.now()) {
  const token = `pvc_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`
  const expiresAt = nowIso(now + SESSION_TTL_MS)
  await db.insert(sessions).values({
    id: crypto.randomUUID(),
    userId: user.id,
    orgId: user.orgId,
    tokenHash: await sha256Base64Url(token),
    createdAt: nowIso(now),
    expiresAt,
  })
  return { token, expiresAt }
}

/** The caller behind a token, or null when the token is unknown, expired, revoked or its user disabled. */
export async function findSession(db: Db, token: string, now = Date.now()): Promise<AuthContext | null> {
  const [row] = await db
    .select({ sessionId: sessions.id, userId: users.id, orgId: users.orgId, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, await sha256Base64Url(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, nowIso(now)),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
  return row ?? null
}

export async function revokeSession(db: Db, sessionId: string, now = Date.now()) {
  await db.update(sessions).set({ revokedAt: nowIso(now) }).where(eq(sessions.id, sessionId))
}
