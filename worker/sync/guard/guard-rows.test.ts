import { describe, expect, it } from 'vitest'
import type { AnyCanonicalRow } from '../connector'
import { guardRows } from './guard-rows'
import { skipNotice } from './skip-tally'

const XSS = '<img src=x onerror=window.__xss=1>'

const entry = (id: string, values: Record<string, unknown> = {}): AnyCanonicalRow => ({
  externalId: id,
  vendorModified: '2026-06-12T11:31:02',
  workerExternalId: '9',
  jobExternalId: null,
  milestoneExternalId: '44',
  routeExternalId: null,
  crewLeaderExternalId: null,
  costCodeExternalId: null,
  workDate: '2026-06-12',
  startAt: '2026-06-12T12:00:00.000Z',
  endAt: '2026-06-12T16:30:00.000Z',
  durationSeconds: 16_200,
  overtimeSeconds: 0,
  doubleTimeSeconds: 0,
  hourlyCents: 2450,
  costCents: 13_230,
  isDrive: false,
  approval: 'approved',
  ...values,
})

describe('guardRows', () => {
  it('should keep plausible rows exactly as given', () => {
    const rows = [entry('1'), entry('2', { durationSeconds: 0 }), entry('3', { durationSeconds: 86_400 })]
    const { rows: kept, tally } = guardRows('timeEntries', rows)
    expect(kept).toEqual(rows)
    expect(tally).toEqual({})
  })

  it('should skip time entries whose hours are outside 0–24, missing or not numbers, and say why', () => {
    const rows = [
      entry('neg', { durationSeconds: -28_800 }),
      entry('huge', { durationSeconds: 3.6e12 }),
      entry('nan', { durationSeconds: Number.NaN }),
      entry('text', { durationSeconds: '8' }),
      entry('none', { durationSeconds: null }),
      entry('ot', { overtimeSeconds: -3600 }),
      entry('ok'),
    ]
    const { rows: kept, tally } = guardRows('timeEntries', rows)
    expect(kept.map((r) => r.externalId)).toEqual(['ok'])
    expect(tally).toEqual({
      'timeEntries|skipped|hours out of range': 2,
      'timeEntries|skipped|hours not a number': 2,
      'timeEntries|skipped|hours missing': 1,
      'timeEntries|skipped|overtime hours out of range': 1,
    })
    expect(skipNotice(tally)).toBe(
      '2 time entries skipped: hours not a number; 2 time entries skipped: hours out of range; 1 time entry skipped: hours missing; 1 time entry skipped: overtime hours out of range.',
    )
  })

  it('should skip impossible or far-off work dates but only empty optional instants', () => {
    const rows = [
      entry('feb30', { workDate: '2026-02-30' }),
      entry('min', { workDate: '0001-01-01' }),
      entry('max', { workDate: '9999-12-31' }),
      entry('instant', { startAt: '0001-01-01T00:00:00.000Z', endAt: 'soon' }),
    ]
    const { rows: kept, tally } = guardRows('timeEntries', rows)
    expect(kept).toEqual([entry('instant', { startAt: null, endAt: null })])
    expect(tally).toEqual({
      'timeEntries|skipped|work date not a real date': 3,
      'timeEntries|emptied|start time not a real date': 1,
      'timeEntries|emptied|end time not a real date': 1,
    })
  })

  it('should empty absurd optional money instead of dropping the record, and keep integer cents', () => {
    const { rows, tally } = guardRows('timeEntries', [entry('1', { hourlyCents: 1e17, costCents: -5 }), entry('2', { costCents: 1234.4 })])
    expect(rows.map((r) => [r.hourlyCents, r.costCents])).toEqual([
      [null, null],
      [2450, 1234],
    ])
    expect(skipNotice(tally)).toBe('1 time entry imported without cost (out of range); 1 time entry imported without hourly rate (out of range).')
  })

  it('should skip wages of $0, below zero or beyond $10,000 an hour, and wages without a date', () => {
    const wage = (id: string, hourlyCents: unknown, effectiveDate: unknown = '2026-01-01') => ({ externalId: id, workerExternalId: '9', effectiveDate, hourlyCents, burdenBasisPoints: null })
    const { rows, tally } = guardRows('wages', [wage('a', 0), wage('b', -1250), wage('c', 1e17), wage('d', 2500, null), wage('e', 2500, '2026-13-01'), wage('f', 1_000_000)])
    expect(rows.map((r) => r.externalId)).toEqual(['f'])
    expect(skipNotice(tally)).toBe('3 wages skipped: hourly rate out of range; 1 wage skipped: effective date missing; 1 wage skipped: effective date not a real date.')
  })

  it('should store HTML, RTL overrides, zero-width characters and emoji verbatim', () => {
    const names = [XSS, '<script>window.__xss=1</script>', '"><svg onload=window.__xss=1>', "'; DROP TABLE jobs;--", '\u202Eevil\u200B 👷🏽‍♀️', 'x'.repeat(10_000)]
    const rows = names.map((name, i) => ({ externalId: String(i), name, timeZone: null, active: true }))
    const { rows: kept, tally } = guardRows('branches', rows)
    expect(kept.map((r) => r.name)).toEqual(names)
    expect(tally).toEqual({})
  })

  it('should skip a record without a usable id or a required name, and empty values of the wrong type', () => {
    const { rows, tally } = guardRows('branches', [
      { externalId: '', name: 'x' },
      { externalId: '1', name: null },
      { externalId: '2', name: 'North', timeZone: 42, active: 'yes' },
    ])
    expect(rows).toEqual([{ externalId: '2', vendorModified: null, name: 'North', timeZone: null, active: null }])
    expect(tally).toEqual({
      'branches|skipped|no usable id': 1,
      'branches|skipped|name missing': 1,
      'branches|emptied|time zone not a known value': 1,
      'branches|emptied|active not a known value': 1,
    })
  })

  it('should take column defaults for missing values that have one, and refuse unknown statuses', () => {
    const { rows, tally } = guardRows('timeEntries', [entry('1', { overtimeSeconds: undefined, isDrive: null }), entry('2', { approval: 'maybe' })])
    expect(rows).toEqual([entry('1', { overtimeSeconds: 0, isDrive: false })])
    expect(tally).toEqual({ 'timeEntries|skipped|approval not a known value': 1 })
  })
})

describe('skipNotice', () => {
  it('should say nothing when nothing was skipped', () => {
    expect(skipNotice(null)).toBeNull()
    expect(skipNotice({})).toBeNull()
  })

  it('should put skips first and name the field an emptied value came from', () => {
    expect(skipNotice({ 'jobs|emptied|contract price out of range': 1, 'timeEntries|skipped|hours out of range': 1200 })).toBe(
      '1,200 time entries skipped: hours out of range; 1 job imported without contract price (out of range).',
    )
  })
})
