import { describe, expect, it } from 'vitest'
import { jobStatusOf, mapOpportunity, milestoneStatusOf } from './work'

describe('milestoneStatusOf', () => {
  it('should read the fixed status code, not the tenant-renamed display name', () => {
    expect(milestoneStatusOf({ WorkTicketStatus: 'Complete', WorkTicketStatusName: 'Done & Dusted', CompleteDate: '2026-05-01T00:00:00', HoursAct: 3 })).toBe('pending_review')
    expect(milestoneStatusOf({ WorkTicketStatus: 'Scheduled', WorkTicketStatusName: 'Complete', CompleteDate: null, HoursAct: 0 })).toBe('scheduled')
  })

  it('should not treat Pending Approval as complete', () => {
    expect(milestoneStatusOf({ WorkTicketStatus: 'Pending Approval', WorkTicketStatusName: 'Pending Approval', CompleteDate: null, HoursAct: 5 })).toBe('in_progress')
  })

  it('should accept both spellings of canceled', () => {
    expect(milestoneStatusOf({ WorkTicketStatus: 'Cancelled', WorkTicketStatusName: null, CompleteDate: null, HoursAct: 0 })).toBe('canceled')
    expect(milestoneStatusOf({ WorkTicketStatus: 'Canceled', WorkTicketStatusName: null, CompleteDate: null, HoursAct: 0 })).toBe('canceled')
  })

  it('should call an open ticket with hours worked in progress', () => {
    expect(milestoneStatusOf({ WorkTicketStatus: 'Open', WorkTicketStatusName: 'Open', CompleteDate: null, HoursAct: 0 })).toBe('pending')
    expect(milestoneStatusOf({ WorkTicketStatus: 'Open', WorkTicketStatusName: 'Open', CompleteDate: null, HoursAct: 1.5 })).toBe('in_progress')
  })

  it('should fall back to the display name when the code is missing', () => {
    expect(milestoneStatusOf({ WorkTicketStatus: null, WorkTicketStatusName: 'Complete', CompleteDate: '2026-05-01T00:00:00', HoursAct: 1 })).toBe('pending_review')
  })
})

describe('mapOpportunity', () => {
  it('should make contracts recurring and work orders not, with money in cents', () => {
    const base = { OpportunityID: 7, OpportunityName: 'Maple Court HOA', WonDollars: 12345.67, EstimatedLaborHours: 40.5, JobStatusName: 'In Process' }
    expect(mapOpportunity({ ...base, OpportunityType: 'Contract' })).toMatchObject({ recurring: true, contractPriceCents: 1234567, budgetSeconds: 145800, status: 'in_progress' })
    expect(mapOpportunity({ ...base, OpportunityType: 'Work Order' })).toMatchObject({ recurring: false })
  })

  it('should read lost opportunities and canceled jobs as canceled', () => {
    expect(jobStatusOf({ JobStatusName: null, OpportunityStatusName: 'Lost', CompleteDate: null })).toBe('canceled')
    expect(jobStatusOf({ JobStatusName: 'Complete', OpportunityStatusName: 'Won', CompleteDate: '2026-01-01T00:00:00' })).toBe('completed')
  })
})
