import { describe, expect, it } from 'vitest'
import { overtimeAdjustment, type WorkweekHours } from './overtime-adjustment'
import { HOUR } from './test-fixtures'

const week = (weekStart: string, proPayHours: number, totalHours: number, overtimeHours: number): WorkweekHours => ({
  weekStart,
  proPaySeconds: proPayHours * HOUR,
  totalSeconds: totalHours * HOUR,
  overtimeSeconds: overtimeHours * HOUR,
})

describe('overtimeAdjustment', () => {
  it('should add half the bonus rate for each overtime hour', () => {
    // $100 bonus over 50 h worked that week = $2/h; 10 overtime hours × $1 = $10.
    expect(overtimeAdjustment(10_000, [week('2026-05-04', 10, 50, 10)])).toEqual({
      weeks: [
        {
          weekStart: '2026-05-04',
          bonusCents: 10_000,
          bonusRateCentsPerHour: 200,
          overtimeSeconds: 10 * HOUR,
          adjustmentCents: 1_000,
        },
      ],
      totalCents: 1_000,
    })
  })

  it('should spread the bonus over the weeks in proportion to the ProPay hours', () => {
    const result = overtimeAdjustment(10_001, [week('2026-05-11', 1, 45, 5), week('2026-05-04', 2, 40, 0)])
    expect(result.weeks.map((w) => [w.weekStart, w.bonusCents, w.adjustmentCents])).toEqual([
      ['2026-05-04', 6_667, 0],
      // 3334 × 5 h / (2 × 45 h) = 185.2 → 185
      ['2026-05-11', 3_334, 185],
    ])
    expect(result.totalCents).toBe(185)
  })

  it('should give no adjustment to a bonus with no hours on the ProPay', () => {
    expect(overtimeAdjustment(5_000, [week('2026-05-04', 0, 50, 10)])).toEqual({ weeks: [], totalCents: 0 })
  })
})
