import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { LoginRequest, type LoginResponse } from '../../shared/api/auth'
import { createDb } from '../db/client'
import { users } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json } from '../http/validate'
import { toApiUser } from '../users/to-api-user'
import { countAttempt, forgiveAttempt, throttledMessage } from './login-throttle'
import { decoyHash, verifyPassword } from './password'
import { requireAuth } from './require-auth'
import { createSession, revokeSession } from './session'

// One message for unknown email and wrong password: naming which part was wrong helps only an attacker.
const WRONG_CREDENTIALS = 'The email or password is incorrect.'

export const authRoutes = new Hono<AppEnv>()
  .post('/login', json(LoginRequest), async (c) => {
    const { email, password } = c.req.valid('json')
    const db = createDb(c.env.DB)
    const who = { email, ip: c.req.header('cf-connecting-ip') }
    // Checked before the password: while throttled even the right one is refused, or guessing would go on.
    const throttled = await countAttempt(db, who)
    if (throttled) {
      throw new ApiError('rate_limited', throttledMessage(throttled), undefined, { 'Retry-After': String(throttled.retryAfterSeconds) })
    }
    const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1)
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
    if (!user || !ok || user.disabledAt) throw new ApiError('unauthorized', WRONG_CREDENTIALS)
    await forgiveAttempt(db, who)
    const session = await createSession(db, user)
    const body: LoginResponse = { token: session.token, expiresAt: session.expiresAt, user: toApiUser(user) }
    return c.json(body, 200)
  })
  .post('/logout', requireAuth, async (c) => {
    await revokeSession(createDb(c.env.DB), c.get('auth').sessionId)
    return c.json({ ok: true as const }, 200)
  })
