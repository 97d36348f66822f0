import { describe, expect, it } from 'vitest'
import { normalizeApiBaseUrl } from './normalize-url'

describe('normalizeApiBaseUrl', () => {
  it('should keep the origin and drop paths and stray spaces', () => {
    expect(normalizeApiBaseUrl('  http://127.0.0.1:8787/api/v1/ ')).toBe('http://127.0.0.1:8787')
    expect(normalizeApiBaseUrl('api.protiv.com')).toBe('https://api.protiv.com')
  })

  it('should refuse plain http to another computer', () => {
    expect(() => normalizeApiBaseUrl('http://api.protiv.com')).toThrow('Use https://')
  })

  it('should explain an address that is not one', () => {
    expect(() => normalizeApiBaseUrl('http://')).toThrow('is not a web address')
  })
})
