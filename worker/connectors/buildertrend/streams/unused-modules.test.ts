import { describe, expect, it } from 'vitest'
import { jobsToRetry, judgeModules } from './unused-modules'

const none = { budget: [], worksheet: [] }

describe('telling an unused Buildertrend module from a passing 500', () => {
  it('should suspect a module that failed every job of a pass that read every job, and confirm it on the next such pass', () => {
    const allWorksheets = { budget: [], worksheet: [1, 2, 3] }
    const suspected = judgeModules({}, { read: 3, complete: true, failed: allWorksheets })
    expect(suspected).toEqual({ worksheet: 'suspected' })
    expect(jobsToRetry(suspected, allWorksheets), 'suspected only: read them all again next cycle').toEqual([1, 2, 3])
    const confirmed = judgeModules(suspected, { read: 3, complete: true, failed: allWorksheets })
    expect(confirmed).toEqual({ worksheet: 'confirmed' })
    expect(jobsToRetry(confirmed, allWorksheets), 'confirmed: they wait for the next full pass').toEqual([])
    expect(judgeModules(confirmed, { read: 3, complete: true, failed: allWorksheets })).toEqual({ worksheet: 'confirmed' })
  })

  it('should retry next cycle a job that failed while other jobs answered, and clear the module', () => {
    const one = { budget: [2], worksheet: [] }
    const states = judgeModules({ budget: 'confirmed' }, { read: 3, complete: true, failed: one })
    expect(states).toEqual({})
    expect(jobsToRetry(states, one)).toEqual([2])
  })

  it('should never judge a module from a pass that read only some jobs, and keep what it knew', () => {
    const failedOne = { budget: [7], worksheet: [7] }
    expect(judgeModules({}, { read: 1, complete: false, failed: failedOne })).toEqual({})
    expect(jobsToRetry({}, failedOne)).toEqual([7])
    expect(judgeModules({ worksheet: 'confirmed' }, { read: 1, complete: false, failed: failedOne })).toEqual({ worksheet: 'confirmed' })
    expect(jobsToRetry({ worksheet: 'confirmed' }, failedOne), 'the budget may have been a passing error').toEqual([7])
    expect(judgeModules({ worksheet: 'suspected' }, { read: 0, complete: false, failed: none })).toEqual({ worksheet: 'suspected' })
  })
})
