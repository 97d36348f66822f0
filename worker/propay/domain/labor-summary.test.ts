import { describe, expect, it } from 'vitest'
import { laborCostCents } from './labor-pricing'
import { summarizeLabor } from './labor-summary'
import { drive, HOUR, wage, work } from './test-fixtures'
import { DEFAULT_COST_SETTINGS, type CostSettings, type TimeEntry } from './time-entry'
import type { WageRecord } from './wage-history'

const costOf = (entries: TimeEntry[], wages: WageRecord[], settings: Partial<CostSettings> = {}) =>
  laborCostCents(summarizeLabor(entries, wages, { ...DEFAULT_COST_SETTINGS, ...settings }).counted)

describe('summarizeLabor', () => {
  describe('wage effective dating', () => {
    it('should cost each entry at the wage in force on its own date', () => {
      const wages = [wage('w1', 2000, '2026-01-01'), wage('w1', 2500, '2026-05-01')]
      expect(costOf([work('w1', 8, '2026-04-30'), work('w1', 8, '2026-05-01')], wages)).toBe(16_000 + 20_000)
    })

    it('should cost time without a wage at $0 and report it', () => {
      const entries = [work('w1', 8, '2025-12-31'), work('w1', 1, '2025-12-31')]
      const summary = summarizeLabor(entries, [wage('w1', 2000)], DEFAULT_COST_SETTINGS)
      expect(laborCostCents(summary.counted)).toBe(0)
      expect(summary.counted.seconds).toBe(9 * HOUR)
      expect(summary.missingWages).toEqual([{ workerId: 'w1', date: '2025-12-31' }])
    })
  })

  describe('drive time', () => {
    const entries = [work('w1', 8), drive('w1', 1)]

    it('should leave drive time out of labor by default and list it separately', () => {
      const summary = summarizeLabor(entries, [wage('w1', 2000)], DEFAULT_COST_SETTINGS)
      expect(summary.counted.seconds).toBe(8 * HOUR)
      expect(laborCostCents(summary.counted)).toBe(16_000)
      expect(summary.excludedDrive.seconds).toBe(HOUR)
      expect(laborCostCents(summary.excludedDrive)).toBe(2_000)
      expect(summary.byWorker.get('w1')?.excludedDrive.seconds).toBe(HOUR)
    })

    it('should count drive time when the ProPay includes it', () => {
      const summary = summarizeLabor(entries, [wage('w1', 2000)], { ...DEFAULT_COST_SETTINGS, includeDriveTime: true })
      expect(summary.counted.seconds).toBe(9 * HOUR)
      expect(laborCostCents(summary.counted)).toBe(18_000)
      expect(summary.excludedDrive.seconds).toBe(0)
    })
  })

  describe('burden', () => {
    const wages = [wage('w1', 2000, '2026-01-01', 2500)]

    it('should use the base wage only by default', () => {
      expect(costOf([work('w1', 10)], wages)).toBe(20_000)
    })

    it('should cost wage × (1 + burden %) when burden is included', () => {
      expect(costOf([work('w1', 10)], wages, { includeBurden: true })).toBe(25_000)
    })
  })

  describe('overtime premium', () => {
    const overtime = work('w1', 10, '2026-05-04', { overtimeSeconds: 2 * HOUR })

    it('should leave the overtime premium out by default', () => {
      expect(costOf([overtime], [wage('w1', 2000)])).toBe(20_000)
    })

    it('should add the premium part of the multiplier when included', () => {
      expect(costOf([overtime], [wage('w1', 2000)], { includeOvertimePremium: true })).toBe(22_000)
      const doubleTime = { ...overtime, overtimeMultiplierBp: 20_000 }
      expect(costOf([doubleTime], [wage('w1', 2000)], { includeOvertimePremium: true })).toBe(24_000)
    })

    it('should burden the premium too when both are included', () => {
      const settings = { includeOvertimePremium: true, includeBurden: true }
      expect(costOf([overtime], [wage('w1', 2000, '2026-01-01', 2500)], settings)).toBe(27_500)
    })
  })

  describe('rounding', () => {
    it('should round actual labor once per ProPay, not per entry', () => {
      // Three thirds of a cent: per-entry rounding would give $0.00.
      const entries = [1, 2, 3].map(() => ({ ...work('w1', 0), seconds: 1200 }))
      expect(costOf(entries, [wage('w1', 1)])).toBe(1)
    })

    it('should round half a cent up', () => {
      expect(costOf([{ ...work('w1', 0), seconds: 1800 }], [wage('w1', 1)])).toBe(1)
      expect(costOf([{ ...work('w1', 0), seconds: 1799 }], [wage('w1', 1)])).toBe(0)
    })
  })

  it('should total time per task for the task budgets', () => {
    const summary = summarizeLabor(
      [work('w1', 2, '2026-05-04', { taskId: 't1' }), work('w2', 3, '2026-05-04', { taskId: 't1' }), work('w1', 1)],
      [wage('w1', 2000), wage('w2', 3000)],
      DEFAULT_COST_SETTINGS,
    )
    expect(summary.byTask.get('t1')?.seconds).toBe(5 * HOUR)
    expect(laborCostCents(summary.byTask.get('t1')!)).toBe(13_000)
    expect([...summary.byTask.keys()]).toEqual(['t1'])
  })
})
