import { describe, expect, it } from 'vitest'
import { VendorError } from '../../../sync/vendor-error'
import { BROWSER_DOWN, BROWSER_QUOTA, browserFailure } from './browser-failure'

describe('browser failures in words', () => {
  it("should read Browser Rendering's daily limit as a wait that names Protiv's browser", () => {
    const err = browserFailure(new Error('Unable to create new browser: code: 429: message: Browser time limit exceeded for today'))
    expect(err).toMatchObject({ kind: 'rate_limited', message: BROWSER_QUOTA, options: { retryAfterMs: 15 * 60_000 } })
  })

  it("should read any other launch failure as Protiv's browser being down, not Buildertrend", () => {
    const err = browserFailure(new Error('Unable to connect to browser'))
    expect(err.kind).toBe('vendor_down')
    expect(err.message).toContain(BROWSER_DOWN)
    expect(err.message).toContain('Unable to connect to browser')
  })

  it('should pass a VendorError through unchanged', () => {
    const original = new VendorError('session_expired', 'ended')
    expect(browserFailure(original)).toBe(original)
  })
})
