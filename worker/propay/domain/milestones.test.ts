import { describe, expect, it } from 'vitest'
import {
  incompleteCoverageMessage,
  incompleteMilestones,
  isCoverageComplete,
  isMilestoneDone,
  MILESTONE_STATUSES,
  type MilestoneStatus,
} from './milestones'

const milestones = (...statuses: MilestoneStatus[]) => statuses.map((status, index) => ({ id: `m${index}`, status }))

describe('milestone completion', () => {
  it('should count pending_review and completed as done, and nothing else', () => {
    expect(MILESTONE_STATUSES.filter(isMilestoneDone)).toEqual(['pending_review', 'completed'])
  })

  it('should call a recurring ProPay complete once its one milestone is pending_review', () => {
    expect(isCoverageComplete(milestones('pending_review'))).toBe(true)
    expect(isCoverageComplete(milestones('in_progress'))).toBe(false)
  })

  it('should need every non-canceled milestone of a non-recurring ProPay done', () => {
    expect(isCoverageComplete(milestones('completed', 'canceled', 'pending_review'))).toBe(true)
    expect(isCoverageComplete(milestones('completed', 'scheduled'))).toBe(false)
  })

  it('should not call a ProPay whose milestones are all canceled complete', () => {
    expect(isCoverageComplete(milestones('canceled', 'canceled'))).toBe(false)
    expect(isCoverageComplete([])).toBe(false)
  })

  it('should explain what is missing, or give null when complete', () => {
    expect(incompleteCoverageMessage(milestones('completed', 'scheduled'))).toBe(
      'The work is not complete: milestone(s) m1 (scheduled) must reach pending_review or completed.',
    )
    expect(incompleteCoverageMessage(milestones('canceled'))).toContain('canceled')
    expect(incompleteCoverageMessage(milestones('completed'))).toBeNull()
  })

  it('should list the milestones still holding up approval', () => {
    expect(incompleteMilestones(milestones('completed', 'pending', 'canceled', 'in_progress'))).toEqual([
      { id: 'm1', status: 'pending' },
      { id: 'm3', status: 'in_progress' },
    ])
  })
})
