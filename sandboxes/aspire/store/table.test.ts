import { describe, expect, it } from 'vitest'
import { compareKeys, Table } from './table'

const table = () => {
  const t = new Table<{ ID: number; Name: string | null; When: string | null }>('ID', 100)
  t.insert({ ID: 0, Name: 'b', When: '2026-01-02T00:00:00' })
  t.insert({ ID: 0, Name: null, When: '2026-01-01T00:00:00' })
  t.insert({ ID: 0, Name: 'A', When: null })
  return t
}

describe('Table', () => {
  it('should assign keys from the first key on and index them', () => {
    const t = table()
    expect(t.all().map((row) => row.ID)).toEqual([100, 101, 102])
    expect(t.get(101)?.When).toBe('2026-01-01T00:00:00')
    expect(t.peekNextKey()).toBe(103)
  })

  it('should keep rows sorted by key when a lower key is inserted explicitly', () => {
    const t = table()
    t.insert({ ID: 50, Name: 'x', When: null })
    expect(t.all().map((row) => row.ID)).toEqual([50, 100, 101, 102])
    expect(() => t.insert({ ID: 50, Name: 'dup', When: null })).toThrow(/Duplicate key/)
  })

  it('should update in place without changing the key', () => {
    const t = table()
    t.update(100, { Name: 'changed', ID: 999 })
    expect(t.get(100)?.Name).toBe('changed')
    expect(t.get(999)).toBeUndefined()
  })

  it('should delete without a trace', () => {
    const t = table()
    expect(t.delete(101)).toBe(true)
    expect(t.delete(101)).toBe(false)
    expect(t.all().map((row) => row.ID)).toEqual([100, 102])
  })

  it('should sort views with nulls first, strings case-insensitively and ties by key', () => {
    const t = table()
    expect(t.sortedBy('Name', 'string').map((row) => row.ID)).toEqual([101, 102, 100])
    expect(t.sortedBy('When', 'datetime').map((row) => row.ID)).toEqual([102, 101, 100])
  })

  it('should cache a view until the next change', () => {
    const t = table()
    const view = t.sortedBy('When', 'datetime')
    expect(t.sortedBy('When', 'datetime')).toBe(view)
    const version = t.version
    t.update(102, { When: '2027-01-01T00:00:00' })
    expect(t.version).toBe(version + 1)
    expect(t.sortedBy('When', 'datetime').map((row) => row.ID)).toEqual([101, 100, 102])
  })
})

describe('compareKeys', () => {
  it('should order null below any value', () => {
    expect(compareKeys(null, 0)).toBe(-1)
    expect(compareKeys('a', null)).toBe(1)
    expect(compareKeys(null, null)).toBe(0)
    expect(compareKeys(2, 10)).toBe(-1)
  })
})
