import { describe, expect, it } from 'vitest'
import { perMinuteOf, TokenBucket } from './rate-limit'

describe('TokenBucket', () => {
  it('should allow a full minute of requests at once, then refuse', () => {
    const bucket = new TokenBucket('sandbox', 0)
    for (let i = 0; i < 60; i++) expect(bucket.take(0).ok).toBe(true)
    expect(bucket.take(0)).toEqual({ ok: false, retryAfterSeconds: 1, perMinute: 60 })
  })

  it('should refill continuously', () => {
    const bucket = new TokenBucket({ perMinute: 6 }, 0)
    for (let i = 0; i < 6; i++) bucket.take(0)
    expect(bucket.take(5_000).ok).toBe(false)
    expect(bucket.take(10_000).ok).toBe(true)
    expect(bucket.take(10_000)).toMatchObject({ ok: false, retryAfterSeconds: 10 })
  })

  it('should not limit when off and use the published profiles', () => {
    const bucket = new TokenBucket('off', 0)
    for (let i = 0; i < 10_000; i++) expect(bucket.take(0).ok).toBe(true)
    expect(perMinuteOf('production')).toBe(1200)
    expect(perMinuteOf('sandbox')).toBe(60)
  })

  it('should start full again after reconfiguring', () => {
    const bucket = new TokenBucket({ perMinute: 1 }, 0)
    bucket.take(0)
    expect(bucket.take(0).ok).toBe(false)
    bucket.configure({ perMinute: 2 }, 0)
    expect(bucket.take(0).ok).toBe(true)
  })
})
