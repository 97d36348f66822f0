/**
 * Password hashing with PBKDF2-SHA-256 through WebCrypto, a random 16-byte salt per user.
 * 100,000 iterations is the most workerd's WebCrypto accepts for PBKDF2.
 * @module
 */
import { fromBase64, toBase64 } from '../util/base64'
import { timingSafeEqual } from '../util/timing-safe-equal'

const ITERATIONS = 100_000
const SCHEME = 'pbkdf2-sha256'

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return new Uint8Array(bits)
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = await derive(password, salt, ITERATIONS)
  return `${SCHEME}$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$')
  if (scheme !== SCHEME || !iterations || !salt || !hash) return false
  const actual = await derive(password, fromBase64(salt), Number(iterations))
  return timingSafeEqual(actual, fromBase64(hash))
}

/**
 * A hash of a random password, compared against when the email is unknown, so that a wrong email and a
 * wrong password take the same time and cannot be told apart.
 */
let decoy: Promise<string> | undefined
export const decoyHash = () => (decoy ??= hashPassword(crypto.randomUUID()))
