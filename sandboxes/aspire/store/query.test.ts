import { describe, expect, it } from 'vitest'
import { ODataError } from '../../shared/odata/odata-error'
import { parseQueryOptions } from '../odata/query-options'
import { makeRow } from '../tenant/tenant-data'
import { Table } from './table'
import { bindQuery, project, runQuery } from './query'

const SCHEMA = 'AspireCloud.Domain.Tenant.WorkTicketTimes.ODataModel.WorkTicketTime'
const PAGING = { defaultPageSize: 25, maxPageSize: 1000 }

function times(count: number) {
  const table = new Table<Record<string, unknown>>('WorkTicketTimeID', 1)
  for (let i = 0; i < count; i++) {
    table.insert(
      makeRow('WorkTicketTimes', {
        ContactID: 1000 + (i % 7),
        Hours: (i % 10) / 2,
        // Many rows share a stamp, as after a weekly approval.
        LastModifiedDateTime: `2026-03-${String(1 + Math.floor(i / 40)).padStart(2, '0')}T10:00:00`,
        ContactName: i % 2 ? 'carlos' : 'Ana',
      }),
    )
  }
  return table
}

const run = (table: Table<Record<string, unknown>>, search: string, paging = PAGING) =>
  runQuery(table, bindQuery(parseQueryOptions(search), SCHEMA, 'WorkTicketTimeID', paging))

const naive = (table: Table<Record<string, unknown>>, keep: (row: Record<string, unknown>) => boolean) => table.all().filter(keep)

describe('bindQuery', () => {
  it('should default to 25 rows in key order', () => {
    const query = bindQuery({}, SCHEMA, 'WorkTicketTimeID', PAGING)
    expect(query).toMatchObject({ orderBy: { field: 'WorkTicketTimeID', desc: false }, offset: 0, size: 25, page: 1 })
  })

  it('should cap $limit and $top at the maximum page size', () => {
    expect(bindQuery({ limit: 5000 }, SCHEMA, 'WorkTicketTimeID', PAGING).size).toBe(1000)
    expect(bindQuery({ top: 5000 }, SCHEMA, 'WorkTicketTimeID', PAGING).size).toBe(1000)
  })

  it('should turn $pageNumber and $limit into an offset, and $skip into a page', () => {
    expect(bindQuery({ pageNumber: 3, limit: 100 }, SCHEMA, 'WorkTicketTimeID', PAGING)).toMatchObject({ offset: 200, size: 100, page: 3 })
    expect(bindQuery({ skip: 200, top: 100 }, SCHEMA, 'WorkTicketTimeID', PAGING)).toMatchObject({ offset: 200, size: 100, page: 3 })
  })

  it('should reject unknown fields in $select, $orderby and $expand, and multi-field $orderby', () => {
    expect(() => bindQuery({ select: 'Hours,Nope' }, SCHEMA, 'WorkTicketTimeID', PAGING)).toThrow(/Nope/)
    expect(() => bindQuery({ orderby: 'hours' }, SCHEMA, 'WorkTicketTimeID', PAGING)).toThrow(/'hours'/)
    expect(() => bindQuery({ orderby: 'Hours, ContactID' }, SCHEMA, 'WorkTicketTimeID', PAGING)).toThrow(/Only one field/)
    expect(() => bindQuery({ orderby: 'Hours sideways' }, SCHEMA, 'WorkTicketTimeID', PAGING)).toThrow(ODataError)
    expect(() => bindQuery({ expand: 'Hours' }, SCHEMA, 'WorkTicketTimeID', PAGING)).toThrow(ODataError)
  })

  it('should keep $select fields in schema order', () => {
    expect(bindQuery({ select: 'Hours, WorkTicketTimeID' }, SCHEMA, 'WorkTicketTimeID', PAGING).select).toEqual(['WorkTicketTimeID', 'Hours'])
  })
})

describe('runQuery', () => {
  const table = times(400)

  it('should page by $pageNumber/$limit without gaps or overlaps', () => {
    const seen: unknown[] = []
    for (let page = 1; ; page++) {
      const rows = run(table, `$limit=70&$pageNumber=${page}`)
      seen.push(...rows.map((row) => row.WorkTicketTimeID))
      if (rows.length < 70) break
    }
    expect(seen).toEqual(table.all().map((row) => row.WorkTicketTimeID))
  })

  it('should order ascending and descending with ties broken by key', () => {
    const asc = run(table, '$orderby=Hours asc&$top=1000')
    expect(asc.map((row) => row.Hours)).toEqual([...asc.map((row) => row.Hours as number)].sort((a, b) => a - b))
    const desc = run(table, '$orderby=Hours desc&$top=5')
    expect(desc.every((row) => row.Hours === 4.5)).toBe(true)
  })

  it('should match a full scan for range filters on the ordered field (binary search path)', () => {
    const cases: Array<[string, (row: Record<string, unknown>) => boolean]> = [
      ['LastModifiedDateTime ge 2026-03-05', (row) => (row.LastModifiedDateTime as string) >= '2026-03-05T00:00:00'],
      ['LastModifiedDateTime gt 2026-03-05T10:00:00Z', (row) => (row.LastModifiedDateTime as string) > '2026-03-05T10:00:00'],
      ['LastModifiedDateTime le 2026-03-02T10:00:00Z', (row) => (row.LastModifiedDateTime as string) <= '2026-03-02T10:00:00'],
      ['LastModifiedDateTime eq 2026-03-03T10:00:00Z and ContactID eq 1003', (row) => row.LastModifiedDateTime === '2026-03-03T10:00:00' && row.ContactID === 1003],
    ]
    for (const [filter, keep] of cases) {
      const rows = run(table, `$filter=${encodeURIComponent(filter)}&$orderby=LastModifiedDateTime&$top=1000`)
      expect(rows.map((row) => row.WorkTicketTimeID).sort(), filter).toEqual(naive(table, keep).map((row) => row.WorkTicketTimeID).sort())
    }
  })

  it('should use id ranges on the default order', () => {
    const rows = run(table, `$filter=${encodeURIComponent('WorkTicketTimeID gt 390 and WorkTicketTimeID le 395')}`)
    expect(rows.map((row) => row.WorkTicketTimeID)).toEqual([391, 392, 393, 394, 395])
  })

  it('should skip within the filtered rows', () => {
    const all = run(table, `$filter=${encodeURIComponent("ContactName eq 'ANA'")}&$top=1000`)
    const page = run(table, `$filter=${encodeURIComponent("ContactName eq 'ANA'")}&$skip=10&$top=5`)
    expect(page).toEqual(all.slice(10, 15))
  })

  it('should return nothing for $top=0', () => {
    expect(run(table, '$top=0')).toEqual([])
  })
})

describe('project', () => {
  it('should keep only the selected keys', () => {
    expect(project([{ A: 1, B: 2, C: 3 }], ['A', 'C'])).toEqual([{ A: 1, C: 3 }])
    const rows = [{ A: 1 }]
    expect(project(rows, undefined)).toBe(rows)
  })
})
