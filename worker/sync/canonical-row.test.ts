import { describe, expect, it } from 'vitest'
import { type CanonicalRow, ENGINE_FILLED_COLUMNS, upsert, type Upsert } from './canonical-row'

const branch: CanonicalRow<'branches'> = { externalId: 'b1', name: 'North', timeZone: null, active: true }

describe('CanonicalRow', () => {
  it('should hold a mapper to the columns of its table', () => {
    // tsc proves these: each line must fail to compile, or `@ts-expect-error` itself is an error.
    // @ts-expect-error a required column (name) left out
    const missing: CanonicalRow<'branches'> = { externalId: 'b1', timeZone: null, active: true }
    // @ts-expect-error a column name the table does not have
    const misnamed: CanonicalRow<'branches'> = { externalId: 'b1', name: 'North', timezone: null }
    // @ts-expect-error a value of the wrong type
    const wrongType: CanonicalRow<'jobs'> = { externalId: 'j1', name: 'Job', recurring: 'yes', status: 'completed' }
    // @ts-expect-error a status the table's enum does not hold
    const wrongEnum: CanonicalRow<'jobs'> = { externalId: 'j1', name: 'Job', recurring: false, status: 'done' }
    // @ts-expect-error a column the engine fills (org id) is not the connector's to give
    const engineColumn: CanonicalRow<'branches'> = { externalId: 'b1', name: 'North', orgId: 'org-1' }
    // @ts-expect-error rows of one table under another table's name
    const crossed: Upsert = { table: 'jobs', rows: [branch] }
    expect([missing, misnamed, wrongType, wrongEnum, engineColumn, crossed]).toHaveLength(6)
  })

  it('should let a required column be null, for the value rules to skip the record and count it', () => {
    const noHours: CanonicalRow<'timeEntries'> = { externalId: 't1', workDate: null, durationSeconds: null, approval: 'provisional' }
    expect(noHours.durationSeconds).toBeNull()
  })

  it('should build an upsert for a table chosen at run time', () => {
    expect(upsert('branches', [branch])).toEqual({ table: 'branches', rows: [branch] })
  })

  it('should list the engine-filled columns once, without the two a connector gives', () => {
    expect(ENGINE_FILLED_COLUMNS).not.toContain('externalId')
    expect(ENGINE_FILLED_COLUMNS).not.toContain('vendorModified')
    expect(ENGINE_FILLED_COLUMNS).toEqual(expect.arrayContaining(['orgId', 'connectionId', 'dataHash']))
  })
})
