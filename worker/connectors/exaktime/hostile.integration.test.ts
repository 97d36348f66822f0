import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureQueue, cronCycle, drain, liveCount } from '../../../tools/test/aspire-sandbox'
import { connectExakTime, createExakTimeTenant, exRecords, exKey } from '../../../tools/test/exaktime-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import { checkBonusAnswers, connectionView } from '../../../tools/test/hostile-checks'
import type { SyncMessage } from '../../sync/queue-messages'

type TimeRecord = { id: number; regularHours: unknown; ot1Hours: unknown; ot2Hours: unknown; personId: number | null }
type Employee = { person_id: number; first_name: string | null; last_name: string | null; employee_id: string; pay_rates: Array<{ amount: unknown; effective_date: string | null; is_base_rate: boolean }> }
type Job = { id: number; name: string | null; identifier: string }

const hours = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN)
const realDay = (day: string | null) => !!day && /^\d{4}-\d\d-\d\d$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)

describe('ExakTime sync against a hostile tenant', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should finish ok, import every usable record, count the rest, and keep names verbatim', async () => {
    const tenant = await createExakTimeTenant({ size: 'demo', jobSource: 'job', hostile: true })
    const { token } = await orgWithAdmin()
    expect((await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })).status).toBe(200)
    const { id } = await connectExakTime(token, exKey(tenant), { jobSource: 'job', finalizedOnly: false, pageSize: 200, laborBudget: { basis: 'hours', hours: 40 } })
    await drain(queue)
    const view = await connectionView(token, id)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    expect(view.streams.every((s) => s.status === 'ok' && s.lastError === null)).toBe(true)

    // Time: each bucket a number (or numeric string) of at least 0 h, all of them within one day.
    const records = await exRecords<TimeRecord>(tenant, 'timeRecords')
    const usable = records.filter((r) => {
      const [reg, ot1, ot2] = [r.regularHours, r.ot1Hours, r.ot2Hours].map(hours) as [number, number, number]
      return reg >= 0 && ot1 >= 0 && ot2 >= 0 && reg + ot1 + ot2 <= 24
    })
    expect(records.length - usable.length).toBe(4)
    expect(await liveCount('time_entries', id)).toBe(usable.length)
    const timeNotice = view.streams.find((s) => s.name === 'TimeRecords')!.notice!
    expect(timeNotice).toContain('2 time entries skipped: hours out of range')
    expect(timeNotice).toContain('1 time entry skipped: hours not a number')
    expect(timeNotice).toContain('1 time entry skipped: overtime hours out of range')
    const halfPast = records.find((r) => r.regularHours === '8.5')!
    expect(await env.DB.prepare('SELECT duration_seconds AS s FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(id, String(halfPast.id)).first()).toEqual({ s: 30_600 })

    // Wages: base rates with a real date and a positive amount up to $10,000 an hour ("24.35" counts).
    const employees = await exRecords<Employee>(tenant, 'employees')
    const rates = employees.flatMap((e) => e.pay_rates.filter((p) => p.is_base_rate && p.effective_date !== null))
    const usableRates = rates.filter((p) => realDay(p.effective_date) && hours(p.amount) > 0 && hours(p.amount) <= 10_000)
    expect(await liveCount('wages', id)).toBe(usableRates.length)
    expect(view.streams.find((s) => s.name === 'PayRates')!.notice).toBe(
      '3 wages skipped: hourly rate out of range; 2 wages skipped: effective date not a real date; 1 wage skipped: hourly rate missing; 1 wage skipped: hourly rate not a number.',
    )

    // Names exactly as ExakTime spelled them.
    const { results: workers } = await env.DB.prepare('SELECT external_id, name FROM workers WHERE connection_id = ?1').bind(id).all<{ external_id: string; name: string }>()
    expect(workers).toHaveLength(employees.length)
    for (const e of employees) {
      expect(workers.find((w) => w.external_id === String(e.person_id))!.name).toBe([e.first_name, e.last_name].filter(Boolean).join(' ') || `Employee ${e.employee_id}`)
    }
    expect(workers.some((w) => w.name.includes('<script>window.__xss=1</script>'))).toBe(true)
    const jobs = await exRecords<Job>(tenant, 'jobs')
    const { results: ours } = await env.DB.prepare('SELECT external_id, name, start_date FROM jobs WHERE connection_id = ?1').bind(id).all<{ external_id: string; name: string; start_date: string | null }>()
    for (const j of jobs) expect(ours.find((o) => o.external_id === `J${j.id}`)!.name).toBe(j.name ?? j.identifier)
    expect(view.streams.find((s) => s.name === 'Jobs')!.notice).toBe('1 job imported without end date (not a real date); 1 job imported without start date (not a real date).')

    const { propays } = await checkBonusAnswers(token)
    expect(propays.length).toBeGreaterThan(0)

    await cronCycle(queue, Date.now() + 901_000)
    expect(await connectionView(token, id)).toMatchObject({ status: 'ok', lastError: null })
    expect(await liveCount('time_entries', id)).toBe(usable.length)
  })
})
