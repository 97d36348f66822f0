import { describe, expect, it } from 'vitest'
import { harness, q } from '../test/harness'

type Row = Record<string, unknown>

describe('GET collections', () => {
  it('should return a bare JSON array with every key present, nulls included', async () => {
    const h = await harness()
    const rows = await h.get('/WorkTickets')
    expect(Array.isArray(rows)).toBe(true)
    expect(rows[0]).toHaveProperty('Notes', null)
    expect(Object.keys(rows[0]!)).toContain('WorkTicketStatusName')
  })

  it('should wrap rows in { value } when the tenant is switched to the envelope', async () => {
    const h = await harness({ config: { listEnvelope: 'value' } })
    const body = await h.get<{ value: Row[] }>('/Branches')
    expect(body.value).toHaveLength(1)
  })

  it('should default to 25 rows and cap $limit at 1000', async () => {
    const h = await harness({ size: 'demo' })
    expect(await h.get('/WorkTicketTimes')).toHaveLength(25)
    expect(await h.get(`/WorkTicketTimes${q({ $limit: 5000 })}`)).toHaveLength(600)
    const many = await harness({ size: { employees: 10, workTickets: 20, timeEntries: 1500 } })
    expect(await many.get(`/WorkTicketTimes${q({ $limit: 5000 })}`)).toHaveLength(1000)
  })

  it('should page with $pageNumber/$limit and with $top/$skip to the same rows', async () => {
    const h = await harness({ size: 'demo' })
    const byPage: Row[] = []
    for (let page = 1; ; page++) {
      const rows = await h.get(`/WorkTicketTimes${q({ $orderby: 'WorkTicketTimeID asc', $limit: 250, $pageNumber: page })}`)
      byPage.push(...rows)
      if (rows.length < 250) break
    }
    const bySkip = [
      ...(await h.get(`/WorkTicketTimes${q({ $top: 300, $skip: 0 })}`)),
      ...(await h.get(`/WorkTicketTimes${q({ $top: 300, $skip: 300 })}`)),
    ]
    expect(byPage).toHaveLength(600)
    expect(bySkip.map((row) => row.WorkTicketTimeID)).toEqual(byPage.map((row) => row.WorkTicketTimeID))
    expect(await h.get(`/WorkTicketTimes${q({ $limit: 250, $pageNumber: 4 })}`)).toEqual([])
  })

  it('should filter employees by contact type and active flag', async () => {
    const h = await harness({ size: 'demo' })
    const employees = await h.get(`/Contacts${q({ $filter: "ContactTypeName eq 'Employee' and Active eq true", $limit: 1000 })}`)
    const all = await h.get(`/Contacts${q({ $limit: 1000 })}`)
    expect(employees.length).toBeGreaterThan(5)
    expect(employees.length).toBe(all.filter((row) => row.ContactTypeName === 'Employee' && row.Active === true).length)
  })

  it('should filter by a modified watermark with an unquoted date-time and Z, ordered by that field', async () => {
    const h = await harness({ size: 'demo' })
    const all = await h.get(`/WorkTicketTimes${q({ $limit: 1000 })}`)
    const watermark = [...all.map((row) => row.LastModifiedDateTime as string)].sort()[300]!
    const rows = await h.get(`/WorkTicketTimes${q({ $filter: `LastModifiedDateTime ge ${watermark}Z`, $orderby: 'LastModifiedDateTime asc', $limit: 1000 })}`)
    expect(rows.length).toBe(all.filter((row) => (row.LastModifiedDateTime as string) >= watermark).length)
    const stamps = rows.map((row) => row.LastModifiedDateTime as string)
    expect(stamps).toEqual([...stamps].sort())
  })

  it('should support contains, in-lists, or and parentheses', async () => {
    const h = await harness({ size: 'demo' })
    const tickets = await h.get(`/WorkTickets${q({ $limit: 1000 })}`)
    const ids = tickets.slice(0, 3).map((row) => row.WorkTicketID)
    const picked = await h.get(`/WorkTickets${q({ $filter: `WorkTicketID in (${ids.join(',')})` })}`)
    expect(picked.map((row) => row.WorkTicketID)).toEqual(ids)
    const either = await h.get(`/WorkTickets${q({ $filter: `(WorkTicketID eq ${ids[0]}) or (WorkTicketID eq ${ids[2]})` })}`)
    expect(either.map((row) => row.WorkTicketID)).toEqual([ids[0], ids[2]])
    const branches = await h.get(`/Branches${q({ $filter: "contains(BranchName,'aus')" })}`)
    expect(branches.map((row) => row.BranchName)).toEqual(['Austin'])
  })

  it('should project with $select', async () => {
    const h = await harness()
    const rows = await h.get(`/WorkTickets${q({ $select: 'WorkTicketID,HoursEst', $top: 2 })}`)
    expect(rows.map((row) => Object.keys(row))).toEqual([
      ['WorkTicketID', 'HoursEst'],
      ['WorkTicketID', 'HoursEst'],
    ])
  })

  it('should order descending by a single field', async () => {
    const h = await harness()
    const rows = await h.get(`/WorkTickets${q({ $orderby: 'HoursEst desc', $limit: 1000 })}`)
    const hours = rows.map((row) => row.HoursEst as number)
    expect(hours).toEqual([...hours].sort((a, b) => b - a))
  })

  it('should answer 400 with a message for an unknown field, bad syntax, a repeated option or a second orderby field', async () => {
    const h = await harness()
    const cases = [
      `/WorkTickets${q({ $filter: 'workTicketID eq 1' })}`,
      `/WorkTickets${q({ $filter: 'WorkTicketID eq' })}`,
      '/WorkTickets?$top=1&$top=2',
      `/WorkTickets${q({ $orderby: 'WorkTicketID,HoursEst' })}`,
      `/WorkTickets${q({ $select: 'Nope' })}`,
    ]
    for (const path of cases) {
      const res = await h.api(path)
      expect(res.status, path).toBe(400)
      expect(((await res.json()) as { message: string }).message, path).toMatch(/^The query specified in the URI is not valid\. /)
    }
    const res = await h.api(`/WorkTickets${q({ $filter: 'workTicketID eq 1' })}`)
    expect(((await res.json()) as { message: string }).message).toContain("Could not find a property named 'workTicketID'")
  })

  it('should take date-time literals as ASP.NET OData does: with Z or an offset, or a bare date', async () => {
    const h = await harness({ size: 'demo' })
    const stamps = (await h.get(`/WorkTicketTimes${q({ $select: 'LastModifiedDateTime', $limit: 1000 })}`)).map((row) => row.LastModifiedDateTime as string)
    const pivot = [...stamps].sort()[Math.floor(stamps.length / 2)]!
    const later = (filter: string) => h.get(`/WorkTicketTimes${q({ $filter: filter, $select: 'LastModifiedDateTime', $limit: 1000 })}`)
    const expected = stamps.filter((s) => s >= pivot).length
    expect(await later(`LastModifiedDateTime ge ${pivot}Z`)).toHaveLength(expected)
    // The literal is read in the server's zone (UTC): 6 h behind UTC is the same instant as 6 h later at Z.
    const sixLater = new Date(Date.parse(`${pivot}Z`) + 6 * 3_600_000).toISOString().slice(0, 19)
    expect(await later(`LastModifiedDateTime ge ${pivot}-06:00`)).toHaveLength(stamps.filter((s) => s >= sixLater).length)
    expect(await later(`LastModifiedDateTime ge ${pivot.slice(0, 10)}`)).toHaveLength(stamps.filter((s) => s >= `${pivot.slice(0, 10)}T00:00:00`).length)
  })

  it('should refuse a date-time literal without offset, and datetime\'…\', with the ODataLib message', async () => {
    const h = await harness()
    const res = await h.api(`/WorkTickets${q({ $filter: 'LastModifiedDateTime ge 2026-01-01T00:00:00' })}`)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      message:
        "The query specified in the URI is not valid. The DateTimeOffset text '2026-01-01T00:00:00' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.",
    })
    const typed = await h.api(`/WorkTickets${q({ $filter: "LastModifiedDateTime ge datetime'2026-01-01T00:00:00'" })}`)
    expect(typed.status).toBe(400)
    expect(((await typed.json()) as { message: string }).message).toContain("Unrecognized 'Edm.String' literal 'datetime'2026-01-01T00:00:00''")
  })

  it('should find a single record with $filter on its key (there is no /Entity(id))', async () => {
    const h = await harness()
    const [first] = await h.get('/WorkTickets')
    expect(await h.get(`/WorkTickets${q({ $filter: `WorkTicketID eq ${first!.WorkTicketID}` })}`)).toEqual([first])
  })
})
