import { describe, expect, it } from 'vitest'
import { decodeJwt, randomToken, signJwt } from './jwt'

describe('signJwt', () => {
  it('should build header.payload.signature with base64url parts and the requested exp', () => {
    const { token, claims } = signJwt('client-1', Date.parse('2026-11-18T15:00:00Z'), 3600)
    const parts = token.split('.')
    expect(parts).toHaveLength(3)
    expect(parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))).toBe(true)
    expect(claims.exp - claims.iat).toBe(3600)
    expect(decodeJwt(token)).toMatchObject({ sub: 'client-1', exp: claims.exp, aud: 'Aspire.ExternalApi' })
    expect(JSON.parse(atob(parts[0]!))).toEqual({ alg: 'HS256', typ: 'JWT' })
  })

  it('should issue different tokens each time', () => {
    expect(signJwt('c', 0, 1).token).not.toBe(signJwt('c', 0, 1).token)
    expect(randomToken()).not.toBe(randomToken())
  })

  it('should return null for something that is not a JWT', () => {
    expect(decodeJwt('nope')).toBeNull()
    expect(decodeJwt('a.%%%.c')).toBeNull()
  })
})
