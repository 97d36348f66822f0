import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { decryptCredentials, encryptCredentials } from './credentials'

describe('credential encryption', () => {
  const secret = { ClientId: 'client-123', Secret: 'very-secret-value' }

  it('should round-trip and never contain the plaintext', async () => {
    const stored = await encryptCredentials(env.CREDENTIALS_KEY, 'conn-1', secret)
    expect(stored.ciphertext).not.toContain('very-secret-value')
    expect(atob(stored.ciphertext)).not.toContain('very-secret-value')
    expect(await decryptCredentials(env.CREDENTIALS_KEY, 'conn-1', stored)).toEqual(secret)
  })

  it('should use a fresh IV each time', async () => {
    const a = await encryptCredentials(env.CREDENTIALS_KEY, 'conn-1', secret)
    const b = await encryptCredentials(env.CREDENTIALS_KEY, 'conn-1', secret)
    expect(a.iv).not.toBe(b.iv)
    expect(a.ciphertext).not.toBe(b.ciphertext)
  })

  it('should refuse a ciphertext moved to another connection', async () => {
    const stored = await encryptCredentials(env.CREDENTIALS_KEY, 'conn-1', secret)
    await expect(decryptCredentials(env.CREDENTIALS_KEY, 'conn-2', stored)).rejects.toThrow()
  })
})
