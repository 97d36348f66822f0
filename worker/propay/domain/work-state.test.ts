import { describe, expect, it } from 'vitest'
import { deriveWorkState } from './work-state'

const open = [{ id: 'm1', status: 'in_progress' as const }]

describe('deriveWorkState', () => {
  it('should be pending with no time logged', () => {
    expect(deriveWorkState(open, [])).toBe('pending')
  })

  it('should be started once one worker has a minute logged, summed over entries', () => {
    expect(deriveWorkState(open, [{ workerId: 'w1', seconds: 59 }])).toBe('pending')
    expect(
      deriveWorkState(open, [
        { workerId: 'w1', seconds: 30 },
        { workerId: 'w1', seconds: 30 },
      ]),
    ).toBe('started')
  })

  it('should not add up seconds of different workers', () => {
    expect(
      deriveWorkState(open, [
        { workerId: 'w1', seconds: 30 },
        { workerId: 'w2', seconds: 30 },
      ]),
    ).toBe('pending')
  })

  it('should be complete when every non-canceled milestone is done, with or without time', () => {
    const done = [
      { id: 'm1', status: 'pending_review' as const },
      { id: 'm2', status: 'canceled' as const },
    ]
    expect(deriveWorkState(done, [])).toBe('complete')
    expect(deriveWorkState(done, [{ workerId: 'w1', seconds: 3600 }])).toBe('complete')
  })
})
