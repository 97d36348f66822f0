import { describe, expect, it } from 'vitest'
import { assignStatement } from './statement-assignment'

const weekly = { frequency: 'weekly', startWeekday: 'monday' } as const

describe('assignStatement', () => {
  it('should put an item on its worker’s statement for the period containing the approval date', () => {
    expect(assignStatement({ workerId: 'w1', approvalDate: '2026-05-06' }, weekly, 'current')).toEqual({
      statementKey: 'w1:2026-05-04',
      workerId: 'w1',
      period: { start: '2026-05-04', end: '2026-05-10' },
    })
  })

  it('should use the previous period when the pool posts there', () => {
    const assignment = assignStatement({ workerId: 'w1', approvalDate: '2026-05-06' }, weekly, 'previous')
    expect(assignment.statementKey).toBe('w1:2026-04-27')
  })

  it('should give different workers different statements for the same period', () => {
    const a = assignStatement({ workerId: 'a', approvalDate: '2026-05-06' }, weekly, 'current')
    const b = assignStatement({ workerId: 'b', approvalDate: '2026-05-07' }, weekly, 'current')
    expect(a.period).toEqual(b.period)
    expect(a.statementKey).not.toBe(b.statementKey)
  })
})
