import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../tools/test/propay/api'
import { nettingScenario } from '../../tools/test/propay/netting-scenario'
import { call, userWithRole } from '../../tools/test/fixtures'
import { env } from 'cloudflare:workers'
import { createDb } from '../db/client'
import { workers } from '../db/schema'
import { and, eq } from 'drizzle-orm'
import { payrollCsvStream } from './export-csv'

const BOM = '\uFEFF'

async function exported(token: string, query: string) {
  const res = await call(`/api/v1/statements/export.csv?${query}`, { token })
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

describe('GET /api/v1/statements/export.csv', () => {
  it('should export the period’s statements with their net figures, names with commas, quotes and non-Latin text intact', async () => {
    const { admin, connectionId, approveJob } = await nettingScenario()
    await approveJob('NA')
    await approveJob('NB')
    const j1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    const detail = await ok('approveProPay', admin.token, `/api/v1/propays/${j1.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    const w2 = detail.lineItems.find((i) => i.workerId === 'w2')!.statementId
    await ok('addStatementAdjustment', admin.token, `/api/v1/statements/${w2}/adjustments`, { json: { kind: 'deduction', amountCents: 1, purpose: 'Rounding test' } }, 201)
    await createDb(env.DB).update(workers).set({ name: '李雷' }).where(and(eq(workers.connectionId, connectionId), eq(workers.externalId, 'w2')))
    await createDb(env.DB).update(workers).set({ name: '=HYPERLINK("http://evil")' }).where(and(eq(workers.connectionId, connectionId), eq(workers.externalId, 'w1')))

    const { res, bytes } = await exported(admin.token, 'period=2026-05-08')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bonuses-for-payroll-2026-05-08.csv"')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    expect(text).toBe(
      BOM +
        'Worker Name,Worker ID,Pay Period Start,Pay Period End,Amount,Statement,Branch/Division\r\n' +
        '"Núñez, ""Jr.""",n1,2026-05-04,2026-05-10,75.00,ST-001,north\r\n' +
        '"\'=HYPERLINK(""http://evil"")",w1,2026-05-04,2026-05-10,150.00,ST-002,\r\n' +
        '李雷,w2,2026-05-04,2026-05-10,149.99,ST-003,\r\n',
    )
    // The same figures as the statements, to the cent.
    const statements = (await ok('listStatements', admin.token, '/api/v1/statements?period=2026-05-08')).statements
    const amounts = Object.fromEntries(statements.map((s) => [s.number, (s.totalCents / 100).toFixed(2)]))
    expect(amounts).toEqual({ 'ST-001': '75.00', 'ST-002': '150.00', 'ST-003': '149.99' })
  })

  it('should stream page by page, each statement once, in statement order', async () => {
    const { admin, connectionId, approveJob } = await nettingScenario()
    await approveJob('NA')
    const j1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    await ok('approveProPay', admin.token, `/api/v1/propays/${j1.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    const reader = payrollCsvStream(createDb(env.DB), { orgId: admin.orgId, period: '2026-05-04' }, 1).getReader()
    const chunks: string[] = []
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(next.value))
    expect(chunks).toHaveLength(4)
    expect(chunks[0]!.startsWith(BOM + 'Worker Name,')).toBe(true)
    expect(chunks.slice(1).map((c) => c.match(/ST-\d+/)![0])).toEqual(['ST-001', 'ST-002', 'ST-003'])
  })

  it('should answer a header only for a period without statements, and 400 without a period', async () => {
    const { admin } = await nettingScenario()
    const { bytes } = await exported(admin.token, 'period=2030-01-01')
    expect(new TextDecoder().decode(bytes)).toBe('Worker Name,Worker ID,Pay Period Start,Pay Period End,Amount,Statement,Branch/Division\r\n')
    expect((await fails('/api/v1/statements/export.csv', admin.token, 400)).message).toMatch(/^The query string is not valid: period: /)
    await fails('/api/v1/statements/export.csv?period=May', admin.token, 400)
  })

  it('should be for admins only and never show another organisation’s statements', async () => {
    const { admin, approveJob } = await nettingScenario(undefined, 'Acme')
    await approveJob('NA')
    const other = await nettingScenario(undefined, 'Globex')
    const { bytes } = await exported(other.admin.token, 'period=2026-05-08')
    expect(new TextDecoder().decode(bytes).split('\r\n')).toHaveLength(2)
    for (const role of ['manager', 'crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/statements/export.csv?period=2026-05-08', user.token, 403)
    }
  })
})
