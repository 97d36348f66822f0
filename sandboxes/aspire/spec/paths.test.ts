import { describe, expect, it } from 'vitest'
import { matchSpecPath, SPEC_PATHS } from './paths'

describe('spec paths', () => {
  it('should list every path of the document with its verbs', () => {
    expect(SPEC_PATHS).toHaveLength(108)
    expect(matchSpecPath('/ItemAllocations')?.methods).toEqual(['GET', 'POST', 'PUT'])
  })

  it('should match templated paths and a trailing slash', () => {
    expect(matchSpecPath('/OpportunityTags/17')?.template).toBe('/OpportunityTags/{id}')
    expect(matchSpecPath('/WorkTickets/')?.template).toBe('/WorkTickets')
  })

  it('should not match unknown or differently cased paths', () => {
    expect(matchSpecPath('/WorkTicket')).toBeUndefined()
    expect(matchSpecPath('/workTickets')).toBeUndefined()
    expect(matchSpecPath('/WorkTickets/CreateAsNeededWorkTickets/x')).toBeUndefined()
  })
})
