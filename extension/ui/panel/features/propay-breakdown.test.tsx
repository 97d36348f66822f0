import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { listenForMessages } from '../../../background/router'
import { clearProPayCache } from '../../../background/propay-handlers'
import { apiError, signIn, stubBackend } from '../../../test-support/connection'
import { aProPay, aProPayDetail } from '../../../test-support/propay'
import { click, renderInto, settle, text, unmountAll } from '../../../test-support/render'
import { extensionPage, messagesFrom } from '../../../test-support/sender'
import type { ProPaySummary } from '../../../../shared/api/propays'
import { canApprove, ProPayBreakdownDialog, type Viewer } from './propay-breakdown'

const XSS = '<img src=x onerror=window.__xss=1>'
const admin: Viewer = { id: 'u_admin', role: 'admin' }
/** The breakdown as its frame (breakdown.html, an extension page) shows it; `approved` records what Approve returned. */
const approved: string[] = []
const breakdownOf = async (propays: ProPaySummary[], viewer: Viewer = admin) => {
  messagesFrom(extensionPage('/breakdown.html', true))
  const root = renderInto(<ProPayBreakdownDialog propays={propays} viewer={viewer} onClose={() => {}} onApproved={(detail) => approved.push(detail.status)} />)
  await settle()
  return root
}
const value = (root: ParentNode, id: string) => root.querySelector(`[data-testid=bd-${id}]`)?.getAttribute('data-value') ?? null
const figure = (root: ParentNode, id: string) => text(root, `[data-testid=bd-${id}]`)

describe('ProPayBreakdownDialog', () => {
  beforeEach(async () => {
    fakeBrowser.reset()
    clearProPayCache()
    listenForMessages()
    await signIn('admin')
    // No test reaches a real backend.
    stubBackend(() => apiError(404, 'not_found', 'No stub for this request.'))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    unmountAll()
    delete (window as { __xss?: number }).__xss
  })

  it('should open the breakdown with every figure of the engine', async () => {
    const detail = aProPayDetail()
    const requests = stubBackend((method, path) => (method === 'GET' && path === '/api/v1/propays/pp_1' ? { status: 200, body: detail } : apiError(404, 'not_found', 'No such ProPay.')))
    const root = await breakdownOf([aProPay()])
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/propays/pp_1'])
    const b = detail.breakdown!
    expect(figure(root, 'budget-type')).toBe('hours')
    expect(figure(root, 'input-hours')).toBe('57.5 h')
    expect(figure(root, 'budget-base')).toBe('57.5 h · $1,215.28')
    expect(figure(root, 'budget-modifier')).toBe('105%')
    expect(figure(root, 'budget-after-modifier')).toBe('60.4 h · $1,276.04')
    expect(figure(root, 'budget-adjustment')).toBe('+2.5%')
    expect(figure(root, 'budget-effective')).toBe('61.9 h · $1,307.94')
    expect(value(root, 'budget-effective')).toBe(String(b.budget.effective.cents))
    expect(figure(root, 'budget-blended-wage')).toBe('$21.14')
    expect(figure(root, 'actual-hours')).toBe('52.7 h')
    expect(figure(root, 'actual-cost')).toBe('$1,112.78')
    expect(figure(root, 'excluded-drive-hours')).toBe('1.5 h')
    expect(figure(root, 'excluded-drive-cost')).toBe('$31.71')
    expect(figure(root, 'cost-settings')).toBe('burden')
    expect(figure(root, 'saved')).toBe('$195.16')
    expect(figure(root, 'split')).toBe('50%')
    expect(figure(root, 'worker-share')).toBe('$97.58')
    expect(figure(root, 'penalties-deducted')).toBe('$5.00')
    expect(figure(root, 'crew-distributable')).toBe('$63.31')
    expect(figure(root, 'crew-total-weight')).toBe('52.7')
    expect(figure(root, 'crew-unallocated')).toBe('$0.01')
    const buckets = [...root.querySelectorAll('[data-testid=bd-buckets] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(buckets).toEqual([
      ['Crew', '70%', '$68.31', 'Luis Ortega, Ana Diaz'],
      ['Crew lead', '20%', '$19.52', 'Luis Ortega'],
      ['Manager', '10%', '$9.75', 'Priya Nair'],
      ['Company', '0%', '$0.00', ''],
      ['Other', '0%', '$0.00', ''],
    ])
    const workers = [...root.querySelectorAll('[data-testid=bd-workers] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(workers).toEqual([
      ['Luis Ortegacrew lead+ 1.5 h drive (excluded)', '30.0 h', '$21.15/h', '30', '$55.56Crew $36.04 · Crew lead $19.52'],
      ['Ana Diaz', '22.7 h', '$21.07/h', '22.7', '$27.26Crew $27.26'],
    ])
    expect([...root.querySelectorAll('[data-testid=bd-problems] li')].map((li) => li.textContent)).toEqual([
      'No wage for Sam Stone on 2026-11-02.',
      'Time was logged after completion.',
    ])
    expect([...root.querySelectorAll('[data-testid=bd-safeguards] li')].map((li) => li.textContent)).toEqual([
      'Disqualifier: Callback within 30 days (unresolved)',
      'Penalty: Damage $5.00 (applied)',
    ])
  })

  it('should show a job name and worker names holding a script as text, and run nothing', async () => {
    const detail = aProPayDetail({ job: { ...aProPay().job, name: XSS }, workerNames: { w1: XSS, w2: '<b>Ana</b>' } })
    stubBackend(() => ({ status: 200, body: detail }))
    const root = await breakdownOf([aProPay({ job: { ...aProPay().job, name: XSS } })])
    await settle()
    expect(text(root, '[data-testid=bd-job-name]')).toBe(XSS)
    expect(root.querySelector('[data-testid=bd-workers] .bd-worker-name')!.textContent).toBe(XSS)
    expect(root.querySelectorAll('img, b')).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 20))
    expect((window as { __xss?: number }).__xss).toBeUndefined()
  })

  it('should approve for an admin and say so in the breakdown', async () => {
    const requests = stubBackend((method) =>
      method === 'POST'
        ? { status: 200, body: aProPayDetail({ status: 'approved', approvable: false, approvalRound: 1, approvalDate: '2026-11-22' }) }
        : { status: 200, body: aProPayDetail() },
    )
    const root = await breakdownOf([aProPay()])
    await click(root.querySelector('[data-testid=propay-approve]'))
    expect(requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/propays/pp_1/approve', body: {} })
    expect(approved.at(-1)).toBe('approved')
    expect(root.querySelector('[data-testid=propay-approve]')).toBeNull()
    expect(text(root, '[data-testid=bd-status]')).toBe('Approved')
  })

  it("should show the API's message when the ProPay cannot be approved", async () => {
    stubBackend((method) =>
      method === 'POST' ? apiError(409, 'conflict', 'This ProPay cannot be approved: work ticket 10008 is not complete.') : { status: 200, body: aProPayDetail() },
    )
    const root = await breakdownOf([aProPay()])
    await click(root.querySelector('[data-testid=propay-approve]'))
    expect(text(root, '[data-testid=propay-approve-error]')).toBe('This ProPay cannot be approved: work ticket 10008 is not complete.')
    expect(text(root, '[data-testid=bd-status]')).toBe('Ready to approve')
  })

  it('should offer Approve only to admins and the ProPay’s own manager, and only when approvable', () => {
    const propay = aProPay({ managerUserId: 'u_manager' })
    expect(canApprove({ id: 'u_admin', role: 'admin' }, propay)).toBe(true)
    expect(canApprove({ id: 'u_manager', role: 'manager' }, propay)).toBe(true)
    expect(canApprove({ id: 'u_other', role: 'manager' }, propay)).toBe(false)
    expect(canApprove({ id: 'u_manager', role: 'crew_lead' }, propay)).toBe(false)
    expect(canApprove({ id: 'u_admin', role: 'admin' }, aProPay({ approvable: false }))).toBe(false)
  })

  it('should let a manager who does not manage it read the breakdown without Approve', async () => {
    stubBackend(() => ({ status: 200, body: aProPayDetail({ blockers: [{ code: 'work_incomplete', message: 'Work ticket 10008 is not complete.' }] }) }))
    const root = await breakdownOf([aProPay()], { id: 'u_other', role: 'manager' })
    expect(figure(root, 'actual-cost')).toBe('$1,112.78')
    expect(root.querySelector('[data-testid=propay-approve]')).toBeNull()
    expect(text(root, '[data-testid=bd-problems] li')).toBe('Work ticket 10008 is not complete.')
  })
})
