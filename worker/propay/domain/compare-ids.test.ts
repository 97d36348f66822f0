import { describe, expect, it } from 'vitest'
import { compareIds, sortedUniqueIds } from './compare-ids'

describe('compareIds', () => {
  it('should order all-digit ids as numbers', () => {
    expect(['10', '9', '100', '2'].sort(compareIds)).toEqual(['2', '9', '10', '100'])
  })

  it('should order other ids by code unit, whatever the locale', () => {
    expect(['b', 'B', 'a', 'w10', 'w9'].sort(compareIds)).toEqual(['B', 'a', 'b', 'w10', 'w9'])
  })

  it('should give a total order even for numerically equal ids', () => {
    expect(compareIds('007', '7')).toBeLessThan(0)
    expect(compareIds('7', '7')).toBe(0)
  })

  it('should sort and drop duplicates', () => {
    expect(sortedUniqueIds(['3', '1', '3', '2'])).toEqual(['1', '2', '3'])
  })
})
