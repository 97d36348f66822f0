import { describe, expect, it } from 'vitest'
import { createTenant, records } from '../../../tools/test/aspire-sandbox'
import type { AspireContext } from './client'
import { selectOf } from './entity-stream'
import { aspireEntitySpecs } from './streams'

/** A record that refuses to be read outside `allowed`, as one answered for a `$select` of those fields looks to a mapper. */
function selectedOnly(record: Record<string, unknown>, allowed: Set<string>, entity: string): Record<string, unknown> {
  return new Proxy(record, {
    get(target, key) {
      if (typeof key === 'string' && !allowed.has(key)) throw new Error(`${entity}: the mapper reads ${key}, which its fields do not list`)
      return Reflect.get(target, key)
    },
  })
}

describe('Aspire record reads ask only for the fields the mappers read', () => {
  it('should map every record of a varied tenant from its selected fields alone', async () => {
    // The hostile tenant: nulls, odd zones and statuses, so every branch of every mapper is taken.
    const tenant = await createTenant({ size: 'demo', seed: 5, hostile: true })
    const ctx = { orgTimeZone: 'America/Chicago', http: {}, settings: {} } as unknown as AspireContext
    const specs = aspireEntitySpecs()
    expect(specs.length).toBe(10)
    for (const spec of specs) {
      const entity = spec.path.slice(1)
      const all = await records(tenant, entity)
      expect(all.length, entity).toBeGreaterThan(0)
      const allowed = new Set(selectOf(spec).split(','))
      for (const record of all) {
        const limited = selectedOnly(record, allowed, entity)
        // Same rows from the selected fields as from the whole record.
        expect(spec.map(limited, ctx)).toEqual(spec.map(record, ctx))
      }
      spec.onCompleteList?.(ctx, all.map((r) => selectedOnly(r, allowed, entity)))
    }
  })

  it('should refuse a mapper that reads a field its list leaves out', () => {
    const [branches] = aspireEntitySpecs()
    const narrowed = new Set(selectOf({ ...branches!, fields: branches!.fields.filter((f) => f !== 'TimeZone') }).split(','))
    const ctx = { orgTimeZone: 'America/Chicago' } as unknown as AspireContext
    expect(() => branches!.map(selectedOnly({ BranchID: 1, BranchName: 'North', TimeZone: 'UTC', Active: true }, narrowed, 'Branches'), ctx)).toThrow(/reads TimeZone/)
  })
})
