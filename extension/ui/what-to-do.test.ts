import { describe, expect, it } from 'vitest'
import { Vendor } from '../../shared/api/connections'
import { vendorUis } from '../vendors/registry'
import { whatToDo } from './what-to-do'

const failing = { code: 'vendor_error', message: 'It failed.' }

describe('whatToDo', () => {
  it("should give each vendor's own advice when the stored credentials were refused", () => {
    for (const vendor of Vendor.options) {
      expect(whatToDo({ vendor, status: 'relink_needed', lastError: null })).toBe(vendorUis[vendor].advice.relinkNeeded)
    }
    expect(new Set(Vendor.options.map((vendor) => whatToDo({ vendor, status: 'relink_needed', lastError: null }))).size).toBe(Vendor.options.length)
  })

  it("should use a vendor's partial-run advice where it has one, and the generic one otherwise", () => {
    expect(whatToDo({ vendor: 'aspire', status: 'partial', lastError: failing })).toContain('every scope ticked')
    expect(whatToDo({ vendor: 'exaktime', status: 'partial', lastError: failing })).toBe(
      'It retries automatically and keeps what it read. If it keeps happening, the message above says what to check.',
    )
  })

  it('should say nothing for a healthy connection, and the same for every vendor otherwise', () => {
    expect(whatToDo({ vendor: 'aspire', status: 'ok', lastError: null })).toBeNull()
    expect(whatToDo({ vendor: 'buildertrend', status: 'failed', lastError: failing })).toBe('It retries at the next sync. Use Force sync to try now.')
    expect(whatToDo({ vendor: 'exaktime', status: 'paused', lastError: failing })).toBe('Resume the connection to try again.')
  })
})
