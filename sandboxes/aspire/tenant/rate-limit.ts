/**
 * Aspire's per-tenant request budget as a token bucket: the bucket holds a minute's worth of requests and
 * refills continuously. Profiles are Aspire's published limits; tests default to no limit.
 * @module
 */

export type RateLimitSetting = 'off' | 'sandbox' | 'production' | { perMinute: number }

export const RATE_PROFILES = { sandbox: 60, production: 1200 } as const

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number; perMinute: number }

export const perMinuteOf = (setting: RateLimitSetting): number | null =>
  setting === 'off' ? null : typeof setting === 'object' ? setting.perMinute : RATE_PROFILES[setting]

export class TokenBucket {
  private perMinute: number | null
  private tokens: number
  private updatedAt: number

  constructor(setting: RateLimitSetting, now: number) {
    this.perMinute = perMinuteOf(setting)
    this.tokens = this.perMinute ?? 0
    this.updatedAt = now
  }

  /** Changes the limit and starts from a full bucket. */
  configure(setting: RateLimitSetting, now: number): void {
    this.perMinute = perMinuteOf(setting)
    this.tokens = this.perMinute ?? 0
    this.updatedAt = now
  }

  take(now: number): TakeResult {
    const perMinute = this.perMinute
    if (perMinute === null) return { ok: true }
    const refillPerMs = perMinute / 60_000
    // A clock moved backwards (tenant clock reset) must not drain the bucket.
    const elapsed = Math.max(0, now - this.updatedAt)
    this.tokens = Math.min(perMinute, this.tokens + elapsed * refillPerMs)
    this.updatedAt = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / refillPerMs / 1000)), perMinute }
  }
}
