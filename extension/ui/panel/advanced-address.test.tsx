import { signal } from '@preact/signals'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInto, unmountAll } from '../../test-support/render'
import { AdvancedAddress, chosenAddress, vendorAddressesAllowed } from './advanced-address'

const field = (address = signal('')) => <AdvancedAddress id="addr" label="Address" placeholder="" hint="" address={address} />

describe('the Advanced vendor address', () => {
  afterEach(() => {
    unmountAll()
    vi.unstubAllEnvs()
  })

  it('should be offered and sent, trimmed, in a developer build', () => {
    expect(vendorAddressesAllowed()).toBe(true)
    expect(renderInto(field()).querySelector('#addr')).not.toBeNull()
    expect(chosenAddress(signal(' http://127.0.0.1:8801 '))).toBe('http://127.0.0.1:8801')
  })

  it('should be neither shown nor sent in a production build, whatever the signal holds', () => {
    vi.stubEnv('MODE', 'production')
    expect(vendorAddressesAllowed()).toBe(false)
    const address = signal('https://elsewhere.example')
    expect(renderInto(field(address)).innerHTML).toBe('')
    expect(chosenAddress(address)).toBe('')
  })
})
