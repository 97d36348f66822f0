import { describe, expect, it } from 'vitest'
import type { MilestoneRef } from './milestones'
import { proPayScopes, scopeKeyForMilestone } from './scope-keys'

const milestones: MilestoneRef[] = [
  { id: 'a', status: 'completed' },
  { id: 'b', status: 'in_progress' },
  { id: 'c', status: 'canceled' },
]

describe('proPayScopes', () => {
  it('should give a non-recurring job one ProPay rolling up all its milestones', () => {
    expect(proPayScopes({ id: '7', recurring: false }, milestones)).toEqual([
      { kind: 'job', key: 'job:7', jobId: '7', milestoneIds: ['a', 'b', 'c'] },
    ])
  })

  it('should give a recurring job one ProPay per milestone', () => {
    expect(proPayScopes({ id: '7', recurring: true }, milestones).map((scope) => scope.key)).toEqual([
      'milestone:a',
      'milestone:b',
      'milestone:c',
    ])
  })

  it('should cover every milestone by exactly one scope', () => {
    for (const recurring of [false, true]) {
      const covered = proPayScopes({ id: '7', recurring }, milestones).flatMap((scope) => scope.milestoneIds)
      expect(covered.sort()).toEqual(['a', 'b', 'c'])
    }
  })

  it('should still give a non-recurring job its one key when it has no milestones yet', () => {
    expect(proPayScopes({ id: '8', recurring: false }, [])).toEqual([
      { kind: 'job', key: 'job:8', jobId: '8', milestoneIds: [] },
    ])
  })

  it('should find the scope that covers a milestone', () => {
    expect(scopeKeyForMilestone({ id: '7', recurring: false }, 'b')).toBe('job:7')
    expect(scopeKeyForMilestone({ id: '7', recurring: true }, 'b')).toBe('milestone:b')
  })
})
