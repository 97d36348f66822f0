/**
 * JWT-shaped access tokens. Clients only decode the payload to read `exp`; the sandbox validates tokens by
 * looking them up, so the signature is random bytes rather than a real HMAC.
 * @module
 */
import { randomBytes } from 'node:crypto'

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')

export interface TokenClaims {
  sub: string
  iat: number
  nbf: number
  exp: number
  jti: string
}

export function signJwt(clientId: string, issuedAtMs: number, lifetimeSeconds: number): { token: string; claims: TokenClaims } {
  const iat = Math.floor(issuedAtMs / 1000)
  const claims: TokenClaims = { sub: clientId, iat, nbf: iat, exp: iat + lifetimeSeconds, jti: randomToken(12) }
  const payload = { ...claims, iss: 'https://cloud-api.youraspire.com', aud: 'Aspire.ExternalApi', client_id: clientId }
  return { token: `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${randomToken()}`, claims }
}

/** Reads the claims of a token without verifying it (what a client does to find `exp`). */
export function decodeJwt(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)))) as Record<string, unknown>
  } catch {
    return null
  }
}
