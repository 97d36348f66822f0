/**
 * Vendor credentials at rest: AES-256-GCM with a random 96-bit IV per record and the connection id as
 * additional data, so a ciphertext copied onto another connection does not decrypt.
 * @module
 */
import { fromBase64, toBase64 } from '../util/base64'

async function importKey(keyBase64: string): Promise<CryptoKey> {
  const raw = fromBase64(keyBase64)
  if (raw.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes, base64-encoded')
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

export async function encryptCredentials(keyBase64: string, connectionId: string, value: unknown) {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const plaintext = new TextEncoder().encode(JSON.stringify(value))
  const additionalData = new TextEncoder().encode(connectionId)
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await importKey(keyBase64), plaintext)
  return { ciphertext: toBase64(new Uint8Array(ciphertext)), iv: toBase64(iv) }
}

export async function decryptCredentials<T>(keyBase64: string, connectionId: string, stored: { ciphertext: string; iv: string }): Promise<T> {
  const additionalData = new TextEncoder().encode(connectionId)
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(stored.iv), additionalData },
    await importKey(keyBase64),
    fromBase64(stored.ciphertext),
  )
  return JSON.parse(new TextDecoder().decode(plaintext)) as T
}
