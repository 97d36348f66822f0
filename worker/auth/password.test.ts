import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password'

describe('password hashing', () => {
  it('should verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('s3cret password')
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$/)
    expect(await verifyPassword('s3cret password', stored)).toBe(true)
    expect(await verifyPassword('s3cret passwore', stored)).toBe(false)
  })

  it('should salt each hash differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })

  it('should refuse a stored value of another scheme', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false)
  })
})
