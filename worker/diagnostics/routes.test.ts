import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DiagnosticsView, type SelectorMissReport } from '../../shared/api/diagnostics'
import { call, orgWithAdmin, userWithRole } from '../../tools/test/fixtures'
import { REPORTS_PER_WINDOW } from './report-budget'
import { MAX_KEYS_PER_ORG } from './record-misses'

const report = (misses: SelectorMissReport['misses'], extensionVersion = '1.4.0'): SelectorMissReport => ({ extensionVersion, misses })
const probeMiss = { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id' } as const

const post = (token: string, body: unknown) => call('/api/v1/diagnostics/selector-misses', { method: 'POST', token, json: body })

async function diagnostics(token: string) {
  const res = await call('/api/v1/diagnostics', { token })
  expect(res.status, await res.clone().text()).toBe(200)
  return DiagnosticsView.parse(await res.json())
}

const rowsOf = async (orgId: string) =>
  (await env.DB.prepare('SELECT vendor, kind, page_pattern AS pagePattern, extension_version AS v, count FROM selector_misses WHERE org_id = ?1 ORDER BY page_pattern, v').bind(orgId).all()).results

describe('POST /api/v1/diagnostics/selector-misses', () => {
  it('should aggregate misses into one row per vendor, kind, pattern and extension version', async () => {
    const org = await orgWithAdmin()
    const worker = await userWithRole(org.token, 'worker')
    const list = { vendor: 'aspire', kind: 'badge_row_id', pagePattern: '/app/work-tickets' } as const
    const first = await post(org.token, report([probeMiss, probeMiss, list]))
    expect(first.status, await first.clone().text()).toBe(200)
    expect(await first.json()).toEqual({ recorded: 2 })
    // Any signed-in member's page can miss: a worker's report counts the same.
    expect((await post(worker.token, report([probeMiss]))).status).toBe(200)
    expect((await post(org.token, report([probeMiss], '1.5.0'))).status).toBe(200)
    expect(await rowsOf(org.orgId)).toEqual([
      { vendor: 'aspire', kind: 'badge_row_id', pagePattern: '/app/work-tickets', v: '1.4.0', count: 1 },
      { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id', v: '1.4.0', count: 3 },
      { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id', v: '1.5.0', count: 1 },
    ])
  })

  it.each([
    ['a query string', { ...probeMiss, pagePattern: '/app/work-tickets?search=Smith' }, 'pagePattern'],
    ['a fragment', { ...probeMiss, pagePattern: '/app/work-tickets#top' }, 'pagePattern'],
    ['an id left in', { ...probeMiss, pagePattern: '/app/work-tickets/details/10452' }, 'replace record ids with :id'],
    ['page text', { ...probeMiss, pagePattern: '/app/Smith residence spring cleanup' }, 'pagePattern'],
    ['no leading slash', { ...probeMiss, pagePattern: 'app/work-tickets' }, 'pagePattern'],
    ['an overlong pattern', { ...probeMiss, pagePattern: `/${'a'.repeat(250)}` }, 'at most 200 characters'],
    ['too many segments', { ...probeMiss, pagePattern: '/a'.repeat(13) }, 'at most 12 segments'],
    ['an unknown kind', { ...probeMiss, kind: 'missing_button' }, 'kind'],
    ['an unknown vendor', { ...probeMiss, vendor: 'jobber' }, 'vendor'],
    ['an extra field', { ...probeMiss, pageText: 'Work Ticket #10452' }, 'pageText'],
  ])('should refuse %s, naming the field, and write nothing', async (_, miss, named) => {
    const org = await orgWithAdmin()
    const res = await post(org.token, report([miss as typeof probeMiss]))
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain(named)
    expect(await rowsOf(org.orgId)).toEqual([])
  })

  it('should refuse an empty report, more than 20 misses and a version that is not one', async () => {
    const org = await orgWithAdmin()
    expect((await post(org.token, report([]))).status).toBe(400)
    expect((await post(org.token, report(Array.from({ length: 21 }, () => probeMiss)))).status).toBe(400)
    expect((await post(org.token, report([probeMiss], '1.4.0 (Windows; Smith)'))).status).toBe(400)
    expect(await rowsOf(org.orgId)).toEqual([])
  })

  it('should refuse reports past the window budget with 429 and Retry-After, writing nothing, per org', async () => {
    const org = await orgWithAdmin()
    const other = await orgWithAdmin()
    for (let i = 0; i < REPORTS_PER_WINDOW; i++) expect((await post(org.token, report([probeMiss]))).status).toBe(200)
    const refused = await post(org.token, report([probeMiss]))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Send again in \d+ s/)
    expect(await rowsOf(org.orgId)).toMatchObject([{ count: REPORTS_PER_WINDOW }])
    const budget = await env.DB.prepare('SELECT reports FROM selector_miss_budgets WHERE org_id = ?1').bind(org.orgId).first<{ reports: number }>()
    expect(budget?.reports).toBe(REPORTS_PER_WINDOW)
    // Another organisation has its own budget.
    expect((await post(other.token, report([probeMiss]))).status).toBe(200)
  })

  it('should open a new window once the old one has ended', async () => {
    const org = await orgWithAdmin()
    await env.DB.prepare("INSERT INTO selector_miss_budgets (org_id, reports, window_ends_at) VALUES (?1, ?2, '2020-01-01T00:00:00.000Z')").bind(org.orgId, REPORTS_PER_WINDOW).run()
    expect((await post(org.token, report([probeMiss]))).status).toBe(200)
    const budget = await env.DB.prepare('SELECT reports, window_ends_at AS endsAt FROM selector_miss_budgets WHERE org_id = ?1').bind(org.orgId).first<{ reports: number; endsAt: string }>()
    expect(budget?.reports).toBe(1)
    expect(budget!.endsAt > new Date().toISOString()).toBe(true)
  })

  it('should stop adding new patterns at the per-org cap but keep counting known ones', async () => {
    const org = await orgWithAdmin()
    const values = Array.from({ length: MAX_KEYS_PER_ORG }, (_, i) => `('${org.orgId}', 'aspire', 'screen_probe', '/filler/p${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x', '1.0.0', 1, 'a', 'a')`)
    await env.DB.prepare(`INSERT INTO selector_misses VALUES ${values.join(', ')}`).run()
    const known = '/filler/pa0x'
    const res = await post(org.token, report([probeMiss, { ...probeMiss, pagePattern: known }], '1.0.0'))
    expect(await res.json()).toEqual({ recorded: 1 })
    const n = await env.DB.prepare('SELECT count(*) AS n FROM selector_misses WHERE org_id = ?1').bind(org.orgId).first<{ n: number }>()
    expect(n?.n).toBe(MAX_KEYS_PER_ORG)
    expect(await env.DB.prepare('SELECT count FROM selector_misses WHERE org_id = ?1 AND page_pattern = ?2').bind(org.orgId, known).first('count')).toBe(2)
  })

  it('should need a signed-in caller', async () => {
    const res = await call('/api/v1/diagnostics/selector-misses', { method: 'POST', json: report([probeMiss]) })
    expect(res.status).toBe(401)
  })
})

describe('GET /api/v1/diagnostics', () => {
  it('should show admins their org’s misses per vendor, kind and pattern, newest first, with connection facts', async () => {
    const org = await orgWithAdmin()
    const other = await orgWithAdmin()
    await post(org.token, report([probeMiss]))
    await post(org.token, report([probeMiss], '1.5.0'))
    await env.DB.prepare("UPDATE selector_misses SET last_seen_at = '2020-01-01T00:00:00.000Z' WHERE org_id = ?1").bind(org.orgId).run()
    await post(org.token, report([{ vendor: 'buildertrend', kind: 'page_action', pagePattern: '/app/TimeClock' }]))
    await post(other.token, report([{ vendor: 'exaktime', kind: 'screen_probe', pagePattern: '/timecards' }]))
    const view = await diagnostics(org.token)
    expect(view.selectorMisses.map((m) => [m.vendor, m.kind, m.pagePattern, m.count, m.extensionVersions])).toEqual([
      ['buildertrend', 'page_action', '/app/TimeClock', 1, ['1.4.0']],
      ['aspire', 'screen_probe', '/app/work-tickets/details/:id', 2, ['1.4.0', '1.5.0']],
    ])
    expect(view.connections).toEqual([])
    expect(view.backendVersion).toMatch(/\S/)
  })

  it('should list the org’s connections without credentials or settings', async () => {
    const org = await orgWithAdmin()
    const now = new Date().toISOString()
    await env.DB.prepare(
      `INSERT INTO connections (id, org_id, vendor, account_label, credentials_ciphertext, credentials_iv, settings, status, last_error_code, last_error_message, frequency_seconds, next_run_at, created_at, updated_at)
       VALUES ('c-diag', ?1, 'aspire', 'Aspire …7f3a', 'CIPHERTEXT-CANARY', 'IV-CANARY', '{"syncStartDate":"2026-01-01"}', 'failed', 'vendor_unavailable', 'Aspire did not answer.', 900, ?2, ?2, ?2)`,
    )
      .bind(org.orgId, now)
      .run()
    const view = await diagnostics(org.token)
    expect(view.connections).toEqual([
      {
        id: 'c-diag',
        vendor: 'aspire',
        accountLabel: 'Aspire …7f3a',
        status: 'failed',
        paused: false,
        frequencySeconds: 900,
        lastRunStartedAt: null,
        lastRunFinishedAt: null,
        lastSuccessAt: null,
        nextRunAt: now,
        lastError: { code: 'vendor_unavailable', message: 'Aspire did not answer.' },
      },
    ])
    const text = JSON.stringify(view)
    expect(text).not.toContain('CANARY')
    expect(text).not.toContain('syncStartDate')
  })

  it('should refuse everyone but admins with a message saying whom to ask', async () => {
    const org = await orgWithAdmin()
    for (const role of ['manager', 'crew_lead', 'worker'] as const) {
      const user = await userWithRole(org.token, role)
      const res = await call('/api/v1/diagnostics', { token: user.token })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('Only an admin of your organisation can see diagnostics')
    }
  })
})
