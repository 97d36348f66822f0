import { describe, expect, it } from 'vitest'
import { VendorError } from './vendor-error'
import { HIDDEN, scrubError, secretScrubber } from './scrub-secrets'

describe('secretScrubber', () => {
  const scrub = secretScrubber(['Pa ss/word+1', 'boss@co.test'])

  it('should hide each secret as sent, in any letter case, URL-encoded and JSON-escaped', () => {
    expect(scrub('refused Pa ss/word+1 for BOSS@CO.TEST')).toBe(`refused ${HIDDEN} for ${HIDDEN}`)
    expect(scrub('GET /login?u=boss%40co.test&p=Pa%20ss%2Fword%2B1')).toBe(`GET /login?u=${HIDDEN}&p=${HIDDEN}`)
    expect(secretScrubber(['say "hi"'])('{"password":"say \\"hi\\""}')).toBe(`{"password":"${HIDDEN}"}`)
  })

  it('should hide a secret that contains another one whole', () => {
    expect(secretScrubber(['abcd', 'abcdefgh'])('x abcdefgh y')).toBe(`x ${HIDDEN} y`)
  })

  it('should leave texts without secrets, and texts when there are no secrets, alone', () => {
    expect(scrub('Aspire answered 503 to /WorkTickets.')).toBe('Aspire answered 503 to /WorkTickets.')
    expect(secretScrubber([])('anything')).toBe('anything')
    expect(secretScrubber(['', 'ab'])('ab cd')).toBe('ab cd')
  })

  it('should hide a secret holding a lone surrogate instead of failing to URL-encode it', () => {
    const scrubLone = secretScrubber(['a\ud83db-key'])
    expect(scrubLone('refused a\ud83db-key and a%EF%BF%BDb-key')).toBe(`refused ${HIDDEN} and ${HIDDEN}`)
  })

  it('should treat regular-expression characters in a secret literally', () => {
    expect(secretScrubber(['a.c$'])('abc$ a.c$')).toBe(`abc$ ${HIDDEN}`)
  })
})

describe('scrubError', () => {
  const scrub = secretScrubber(['s3cret-value'])

  it('should return an error of the same name with the secret hidden', () => {
    const scrubbed = scrubError(new TypeError('bad url https://x.test/?key=s3cret-value'), scrub) as Error
    expect(scrubbed.name).toBe('TypeError')
    expect(scrubbed.message).toBe(`bad url https://x.test/?key=${HIDDEN}`)
  })

  it('should keep a vendor error a vendor error, with its kind and options', () => {
    const scrubbed = scrubError(new VendorError('bad_response', 'echoed s3cret-value', { status: 400 }), scrub)
    expect(scrubbed).toBeInstanceOf(VendorError)
    expect(scrubbed).toMatchObject({ kind: 'bad_response', message: `echoed ${HIDDEN}`, options: { status: 400 } })
  })

  it('should keep an error without a secret, and its class, as it is', () => {
    const err = new VendorError('vendor_down', 'Aspire is down.')
    expect(scrubError(err, scrub)).toBe(err)
    expect(scrubError('not an error', scrub)).toBe('not an error')
  })
})
