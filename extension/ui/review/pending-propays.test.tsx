import { describe, expect, it } from 'vitest'
import { stubBackend } from '../../test-support/connection'
import { NO_OPTIONS, aMilestone, aProPay, aProPayDetail } from '../../test-support/propay'
import { click, renderInto, settle, text } from '../../test-support/render'
import { extensionPage } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { PendingProPays } from './pending-propays'

const me = { id: 'user_manager', role: 'manager' as const }
const figures = (bonusPoolCents: number) => ({ ...aProPay().figures!, bonusPoolCents })
const mineA = aProPay({ id: 'pp_a', approvable: true, managerUserId: me.id, figures: figures(12_345), job: { id: 'j1', externalId: '3001', number: '1001', name: 'Eagle Pointe' } })
const mineB = aProPay({ id: 'pp_b', approvable: true, managerUserId: me.id, figures: figures(655), job: { id: 'j2', externalId: '3002', number: '1002', name: 'Maple Court' } })
const theirs = aProPay({ id: 'pp_c', approvable: true, managerUserId: 'someone_else', figures: figures(999), job: { id: 'j3', externalId: '3003', number: '1003', name: 'Birch Lane' } })

function backend() {
  const approved: string[] = []
  const requests = stubBackend((method, path) => {
    if (path === '/api/v1/review-queue') return { status: 200, body: { milestones: [], readyToApprove: [mineA, mineB, theirs].filter((p) => !approved.includes(p.id)), filters: NO_OPTIONS } }
    const m = path.match(/^\/api\/v1\/propays\/(\w+)\/approve$/)
    if (method === 'POST' && m) {
      approved.push(m[1]!)
      return { status: 200, body: aProPayDetail({ id: m[1]!, status: 'approved' }) }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `no stub for ${method} ${path}` } } }
  })
  return { requests, approved }
}

const rows = (root: HTMLElement) => [...root.querySelectorAll('[data-testid=review-table] tbody tr[data-propay-id]')].map((r) => r.getAttribute('data-propay-id'))
const button = (root: HTMLElement, id: string, name: string) => [...root.querySelectorAll(`tr[data-propay-id="${id}"] button`)].find((b) => b.textContent === name) as HTMLButtonElement

describe('PendingProPays (the review screen)', () => {
  signedInExtension(() => extensionPage('/review.html', true))

  it('should approve only after a confirmation that shows the total, and only what the viewer may approve', async () => {
    const { requests, approved } = backend()
    const root = renderInto(<PendingProPays viewer={me} />)
    await settle()
    expect(rows(root)).toEqual(['pp_a', 'pp_b', 'pp_c'])
    expect(button(root, 'pp_c', 'Approve…').disabled).toBe(true)
    await click(button(root, 'pp_a', 'Approve…'))
    expect(root.querySelector('[data-testid=approve-confirmation]')!.textContent).toContain('Approve 1 ProPay, $123.45 in bonuses?')
    expect(approved).toEqual([])
    await click(root.querySelector('[data-testid=approve-confirm]'))
    await settle()
    expect(approved).toEqual(['pp_a'])
    expect(root.querySelector('[data-testid=review-outcome]')!.textContent).toBe('1 approved.')
    expect(rows(root)).toEqual(['pp_b', 'pp_c'])
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/propays/pp_a/approve'])
  })

  it('should approve several at once with their summed total, and cancel without approving anything', async () => {
    const { approved } = backend()
    const root = renderInto(<PendingProPays viewer={me} />)
    await settle()
    for (const id of ['pp_a', 'pp_b']) await click(root.querySelector(`tr[data-propay-id="${id}"] input[type=checkbox]`))
    await click(root.querySelector('[data-testid=approve-selected]'))
    expect(root.querySelector('[data-testid=approve-confirmation]')!.textContent).toContain('Approve 2 ProPays, $130.00 in bonuses?')
    const cancel = [...root.querySelectorAll('[data-testid=approve-confirmation] button')].find((b) => b.textContent === 'Cancel')!
    await click(cancel)
    expect(root.querySelector('[data-testid=approve-confirmation]')).toBeNull()
    expect(approved).toEqual([])
    await click(root.querySelector('[data-testid=approve-selected]'))
    await click(root.querySelector('[data-testid=approve-confirm]'))
    await settle()
    expect(approved).toEqual(['pp_a', 'pp_b'])
  })

  it('should filter by job and to the ProPays the viewer manages', async () => {
    backend()
    const root = renderInto(<PendingProPays viewer={me} />)
    await settle()
    const mine = root.querySelector<HTMLInputElement>('[data-testid=filter-mine]')!
    mine.checked = true
    mine.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(rows(root)).toEqual(['pp_a', 'pp_b'])
    const job = root.querySelector<HTMLInputElement>('[data-testid=filter-job]')!
    job.value = 'maple'
    job.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(rows(root)).toEqual(['pp_b'])
  })

  it('should filter by branch, job and manager with the options the queue names, milestones pending review included', async () => {
    const north = { externalId: 'north', name: 'North' }
    const bo = { userId: null, workerId: 'boss', name: 'Bo Boss' }
    const queue = {
      milestones: [
        {
          milestone: aMilestone('M9', null),
          job: { id: 'j9', externalId: '3009', name: 'Oak Ridge', number: '1009', vendor: 'aspire' as const, branch: north, manager: bo },
        },
      ],
      readyToApprove: [
        { ...mineA, branch: north, manager: { userId: me.id, workerId: null, name: 'Mia Manager' } },
        { ...mineB, branch: null, manager: { userId: me.id, workerId: null, name: 'Mia Manager' } },
        { ...theirs, branch: north, manager: bo },
      ],
      filters: {
        branches: [{ value: 'conn_1:north', label: 'North' }],
        jobs: [
          { value: 'conn_1:3001', label: '1001 · Eagle Pointe' },
          { value: 'conn_1:3003', label: '1003 · Birch Lane' },
        ],
        managers: [
          { value: 'worker:conn_1:boss', label: 'Bo Boss' },
          { value: `user:${me.id}`, label: 'Mia Manager' },
        ],
      },
    }
    stubBackend(() => ({ status: 200, body: queue }))
    const root = renderInto(<PendingProPays viewer={me} />)
    await settle()
    const options = (id: string) => [...root.querySelectorAll(`[data-testid=${id}] option`)].map((o) => o.textContent)
    expect(options('filter-branch')).toEqual(['All branches', 'North'])
    expect(options('filter-manager')).toEqual(['All managers', 'Bo Boss', 'Mia Manager'])
    const milestones = () => [...root.querySelectorAll('[data-testid=review-milestones] li')].map((li) => li.textContent)
    const choose = async (id: string, value: string) => {
      const select = root.querySelector<HTMLSelectElement>(`[data-testid=${id}]`)!
      select.value = value
      select.dispatchEvent(new Event('change', { bubbles: true }))
      await settle()
    }

    await choose('filter-branch', 'conn_1:north')
    expect(rows(root)).toEqual(['pp_a', 'pp_c'])
    expect(milestones()).toHaveLength(1)
    await choose('filter-manager', 'worker:conn_1:boss')
    expect(rows(root)).toEqual(['pp_c'])
    expect(milestones()).toHaveLength(1)
    await choose('filter-job-id', 'conn_1:3001')
    expect(root.querySelector('[data-testid=review-table]')).toBeNull()
    expect(text(root, '[data-testid=review-empty]')).toBe('Nothing ready to approve matches these filters.')
    expect(milestones()).toEqual([])

    await choose('filter-branch', '')
    await choose('filter-manager', `user:${me.id}`)
    expect(rows(root)).toEqual(['pp_a'])
    const cells = [...root.querySelectorAll('tr[data-propay-id=pp_a] td')].map((td) => td.textContent)
    expect(cells).toContain('North')
    expect(cells).toContain('Mia Manager')
  })
})
