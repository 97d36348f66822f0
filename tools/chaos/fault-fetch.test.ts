import { describe, expect, it } from 'vitest'
import { pageList } from './fault-fetch'

describe('the page list a fault cuts short or reorders', () => {
  it('should be the body when the vendor answers a bare array', () => {
    const body = [{ id: 1 }, { id: 2 }]
    expect(pageList(body)).toBe(body)
  })

  it('should be the longest list of the envelope, up to two objects deep', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }]
    expect(pageList({ value: rows, '@odata.nextLink': 'x' })).toBe(rows)
    expect(pageList({ success: true, data: { records: rows, other: [1] } })).toBe(rows)
  })

  it('should leave lists inside records alone', () => {
    const data = [{ person_id: 1, pay_rates: [{ a: 1 }, { a: 2 }, { a: 3 }] }]
    expect(pageList({ data, total_count: 1 })).toBe(data)
  })
})
