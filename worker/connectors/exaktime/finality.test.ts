import { describe, expect, it } from 'vitest'
import { finalityJudge } from './finality'
import type { DwTimeRecord } from './types'

const record = (over: Partial<DwTimeRecord> = {}): DwTimeRecord => ({
  TimeRecordId: 1, UserId: 7, LocationId: 201, JobId: null, CostCodeId: 11, WorkDate: '2026-05-04', TimeIn: null, TimeOut: null,
  RegularHours: 8, OT1Hours: 0, OT2Hours: 0, PayPeriodId: 3, IsQuarantined: false, LastModified: null, ...over,
})
const open = { PayPeriodId: 3, StartDate: '2026-05-04', EndDate: '2026-05-10', IsClosed: false }

describe('finalityJudge', () => {
  it('should need a sign-off at sign_off level, and accept a supervisor at supervisor level', () => {
    const supervisor = [{ UserId: 7, WorkDate: '2026-05-04', ApprovalType: 'Supervisor' }]
    expect(finalityJudge('sign_off', supervisor, [open])(record())).toBe('waiting')
    expect(finalityJudge('supervisor', supervisor, [open])(record())).toBe('final')
    expect(finalityJudge('sign_off', [{ UserId: 7, WorkDate: '2026-05-04T00:00:00', ApprovalType: 'SignOff' }], [open])(record())).toBe('final')
  })

  it('should not let one employee’s or day’s approval count for another', () => {
    const judge = finalityJudge('sign_off', [{ UserId: 8, WorkDate: '2026-05-04', ApprovalType: 'SignOff' }, { UserId: 7, WorkDate: '2026-05-05', ApprovalType: 'SignOff' }], [open])
    expect(judge(record())).toBe('waiting')
  })

  it('should make time in a closed pay period final without approvals, by id or by dates', () => {
    const closed = { ...open, IsClosed: true }
    expect(finalityJudge('sign_off', [], [closed])(record())).toBe('final')
    expect(finalityJudge('sign_off', [], [closed])(record({ PayPeriodId: null }))).toBe('final')
    expect(finalityJudge('sign_off', [], [closed])(record({ PayPeriodId: 4 }))).toBe('waiting')
  })

  it('should hold quarantined time whatever its day says', () => {
    expect(finalityJudge('supervisor', [{ UserId: 7, WorkDate: '2026-05-04', ApprovalType: 'SignOff' }], [{ ...open, IsClosed: true }])(record({ IsQuarantined: true }))).toBe('quarantined')
  })
})
