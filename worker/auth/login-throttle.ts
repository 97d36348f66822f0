/**
 * Login throttling against password guessing. Attempts are counted per account (the normalised email,
 * whether or not such a user exists, so a throttled answer never tells which emails are real) and per
 * client address (`CF-Connecting-IP`), in fixed windows.
 *
 * Time-limited, never a lockout: a permanent lock after N failures would let anyone who knows an email
 * lock its owner out for good with N requests. A window caps guessing at 5 tries per account per 15
 * minutes (≈ 480 a day, hopeless against a 12-character password) while the owner waits at most one
 * window. Attempts made while throttled do not extend the window, for the same reason.
 *
 * An attempt is counted *before* its password is checked, in one atomic upsert, so parallel guesses cannot
 * all pass the check before the first failure is written; a success takes its count back.
 * @module
 */
import { eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginThrottles } from '../db/schema'
import { nowIso } from '../util/clock'
import { sha256Base64Url } from '../util/sha256'

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
/** Failed attempts allowed per window; the next attempt is refused until the window ends. */
export const LOGIN_LIMITS = {
  account: 5,
  // Higher: an office or a crew's phones share one address, and each person may mistype a few times.
  address: 20,
} as const

type Scope = keyof typeof LOGIN_LIMITS

export interface LoginKeys {
  email: string
  /** `CF-Connecting-IP`; absent only outside Cloudflare (tests, local tools), where the address is not counted. */
  ip?: string | undefined
}

export type Throttled = { scope: Scope; retryAfterSeconds: number }

const keysOf = async ({ email, ip }: LoginKeys) => {
  const keys: Array<{ scope: Scope; key: string }> = [{ scope: 'account', key: await sha256Base64Url(`email:${email}`) }]
  if (ip) keys.push({ scope: 'address', key: await sha256Base64Url(`ip:${ip}`) })
  return keys
}

/**
 * Counts one attempt for each key and answers whether it may proceed. When it may not, the longest wait
 * wins: both counters must have room before a password is checked.
 */
export async function countAttempt(db: Db, who: LoginKeys, now = Date.now()): Promise<Throttled | null> {
  const at = nowIso(now)
  const windowEnds = nowIso(now + LOGIN_WINDOW_MS)
  const expired = sql`${loginThrottles.windowEndsAt} <= ${at}`
  const keys = await keysOf(who)
  const upsert = (key: string) =>
    db
      .insert(loginThrottles)
      .values({ key, failures: 1, windowEndsAt: windowEnds })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
          windowEndsAt: sql`CASE WHEN ${expired} THEN ${windowEnds} ELSE ${loginThrottles.windowEndsAt} END`,
        },
      })
      .returning()
  const [first, ...rest] = keys.map((k) => upsert(k.key))
  const counted = await db.batch([first!, ...rest])
  let throttled: Throttled | null = null
  for (const [i, { scope }] of keys.entries()) {
    const row = counted[i]?.[0]
    if (!row || row.failures <= LOGIN_LIMITS[scope]) continue
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.windowEndsAt) - now) / 1000))
    if (!throttled || retryAfterSeconds > throttled.retryAfterSeconds) throttled = { scope, retryAfterSeconds }
  }
  return throttled
}

/** A successful sign-in clears the account's failures and takes its own attempt back from the address. */
export async function forgiveAttempt(db: Db, who: LoginKeys) {
  const [account, address] = await keysOf(who)
  await db.batch([
    db.delete(loginThrottles).where(eq(loginThrottles.key, account!.key)),
    // The address keeps its other failures: a valid account of one's own must not reset a guesser's count.
    ...(address
      ? [db.update(loginThrottles).set({ failures: sql`max(${loginThrottles.failures} - 1, 0)` }).where(eq(loginThrottles.key, address.key))]
      : []),
  ])
}

/** Drops rows whose window has ended (they no longer throttle anything); run by the one-minute cron. */
export async function pruneLoginThrottles(db: Db, now = Date.now()) {
  await db.delete(loginThrottles).where(lte(loginThrottles.windowEndsAt, nowIso(now)))
}

/** What the person reads: the wait rounded up to whole minutes, and what to do. */
export function throttledMessage({ scope, retryAfterSeconds }: Throttled) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  const from = scope === 'address' ? ' from this network' : ''
  return `Too many sign-in attempts${from}. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
}
