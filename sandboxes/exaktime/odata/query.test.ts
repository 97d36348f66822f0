import { describe, expect, it } from 'vitest'
import { EXAKTIME_DEMO } from '../sandbox'
import { harness, odata } from '../test/harness'

const key = EXAKTIME_DEMO.apiKey

describe('the OData warehouse', () => {
  it('should filter with comparisons, and, or and parentheses', async () => {
    const { api, sandbox } = harness()
    const records = sandbox.tenants.get('acme')!.data.timeRecords
    const day = records[10]!.workDate
    const res = await api(odata('DwTimeRecords', { $filter: `WorkDate eq ${day} and (OT1Hours gt 0 or IsQuarantined eq true)`, $top: 1000 }), key)
    const expected = records.filter((r) => r.workDate === day && (r.ot1Hours > 0 || r.quarantined)).map((r) => r.id)
    expect(res.body.value.map((r: { TimeRecordId: number }) => r.TimeRecordId)).toEqual(expected)
    const ne = await api(odata('DwTimeRecords', { $filter: `WorkDate ge ${day} and WorkDate le ${day} and UserId ne 1001`, $top: 1000 }), key)
    expect(ne.body.value.every((r: { UserId: number; WorkDate: string }) => r.UserId !== 1001 && r.WorkDate === day)).toBe(true)
    const lt = await api(odata('DwPayPeriods', { $filter: 'PayPeriodId lt 3', $top: 10 }), key)
    expect(lt.body.value.map((p: { PayPeriodId: number }) => p.PayPeriodId)).toEqual([1, 2])
  })

  it('should select, order by several fields, skip and take', async () => {
    const { api } = harness()
    const res = await api(odata('DwTimeRecords', { $select: 'TimeRecordId,WorkDate', $orderby: 'WorkDate desc,TimeRecordId asc', $top: 3, $skip: 1 }), key)
    expect(Object.keys(res.body.value[0])).toEqual(['TimeRecordId', 'WorkDate'])
    expect(res.body.value).toHaveLength(3)
    expect(res.body['@odata.nextLink']).toBeUndefined()
    const dates = res.body.value.map((r: { WorkDate: string }) => r.WorkDate)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('should page by default with a nextLink', async () => {
    const { api } = harness()
    const res = await api('/odata/DwTimeRecords', key)
    expect(res.body.value).toHaveLength(100)
    expect(res.body['@odata.nextLink']).toMatch(/\$skip=100/)
  })

  it('should answer OData errors for bad queries', async () => {
    const { api } = harness()
    const cases = [
      [{ $top: 1001 }, /limit of '1000'/],
      [{ $filter: 'Nope eq 1' }, /Could not find a property named 'Nope' on type 'DwTimeRecords'/],
      [{ $filter: 'WorkDate ge 2026' }, /Edm.Date/],
      [{ $filter: 'UserId eq' }, /Syntax error/],
      [{ $count: 'true' }, /'\$count' is not supported/],
      [{ $select: 'Bogus' }, /Bogus/],
      // No set has a load stamp (docs/vendors/exaktime.md §13 C4): select, filter and order by it are refused.
      [{ $select: 'TimeRecordId,DwLoadedAt' }, /Could not find a property named 'DwLoadedAt' on type 'DwTimeRecords'/],
      [{ $filter: "DwLoadedAt ge 2026-01-01T00:00:00Z" }, /Could not find a property named 'DwLoadedAt'/],
      [{ $orderby: 'DwLoadedAt desc' }, /Could not find a property named 'DwLoadedAt'/],
    ] as const
    for (const [options, message] of cases) {
      const res = await api(odata('DwTimeRecords', options as Record<string, string | number>), key)
      expect(res.status).toBe(400)
      expect(res.body.error).toEqual({ code: 'BadRequest', message: expect.stringMatching(message) })
    }
    expect((await api('/odata/DwNothing', key)).status).toBe(404)
    expect((await api('/odata/DwUsers', key, { method: 'POST', json: {} })).status).toBe(405)
  })

  it('should compare instants across offsets', async () => {
    const { api } = harness()
    const res = await api(odata('DwTimeRecords', { $filter: 'LastModified ge 2000-01-01T00:00:00-05:00', $top: 1 }), key)
    expect(res.body.value).toHaveLength(1)
  })
})
