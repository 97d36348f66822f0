import { describe, expect, it } from 'vitest'
import { VendorError } from '../../sync/vendor-error'
import { KEY_HEADER, keyHeaders, keyRefusal, requireApiKey, unreachable } from './key-flow'

describe('the assumed Arcoro key flow', () => {
  it('should send the key itself in the one assumed header', () => {
    expect(keyHeaders('arc_1')).toEqual({ [KEY_HEADER]: 'arc_1' })
  })

  it('should stop a connection stored with a username and password with a relink that says what to do', () => {
    let thrown: unknown
    try {
      requireApiKey({ companyId: 'acme', username: 'boss', password: 'hunter2' })
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(VendorError)
    expect((thrown as VendorError).action).toBe('relink')
    expect((thrown as VendorError).message).toMatch(/^ExakTime no longer accepts a username and password from other apps\. Create an API key in Arcoro .* reconnect/)
    expect((thrown as VendorError).message).not.toContain('hunter2')
    expect(() => requireApiKey({ companyId: 'acme', apiKey: 'arc_1' })).not.toThrow()
  })

  it('should give a refused key, a key without a permission and an unreachable vendor their own kinds and words', () => {
    expect(keyRefusal(401, 'Employees')).toMatchObject({ kind: 'bad_credentials', message: expect.stringMatching(/refused the ExakTime API key/) })
    expect(keyRefusal(403, 'DwTimeRecords')).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/lacks read access to DwTimeRecords.*give the key read access to DwTimeRecords/) })
    expect(keyRefusal(404, 'Employees')).toBeNull()
    expect(unreachable('api.arcoro.com', new VendorError('vendor_down', 'The vendor could not be reached.'))).toEqual(new VendorError('vendor_down', 'api.arcoro.com could not be reached; nothing is wrong with the API key.'))
  })
})
