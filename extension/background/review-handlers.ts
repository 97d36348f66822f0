/**
 * The review screen's calls (#15, #17): the review queue (whose size badges the extension icon), approved ProPays
 * and taking one back, statements, their adjustments and line-item actions, and the payroll CSV. Each is one API call;
 * the API decides who may do what and says why not.
 * @module
 */
import { browser } from 'wxt/browser'
import type { Messages } from '../messaging/protocol'
import { withApi } from './with-api'
import { clearProPayCache } from './propay-handlers'

type ReviewMessage = 'review:queue' | 'review:open' | 'propays:list' | 'review:unapprove' | 'statements:list' | 'statements:adjust' | 'statements:exportCsv' | 'lineItems:act'
type ReviewHandlers = { [T in ReviewMessage]: (payload: Messages[T]['request']) => Promise<Messages[T]['response']> }

/** The icon shows how many ProPays wait for approval; nothing when none do. */
export async function showWaitingCount(count: number) {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' })
  await browser.action.setBadgeBackgroundColor({ color: '#0f7b5f' })
}

export const reviewHandlers: ReviewHandlers = {
  async 'review:queue'() {
    const queue = await withApi((call) => call('reviewQueue'))
    await showWaitingCount(queue.readyToApprove.length).catch(() => undefined)
    return queue
  },

  async 'review:open'() {
    await browser.tabs.create({ url: browser.runtime.getURL('/review.html') })
    return { opened: true }
  },

  'propays:list': ({ status }) => withApi((call) => call('listProPays', { query: { status, limit: 200 } })),

  async 'review:unapprove'({ id }) {
    const detail = await withApi((call) => call('unapproveProPay', { params: { id } }))
    clearProPayCache()
    return detail
  },

  'statements:list': ({ status = 'open', period }) => withApi((call) => call('listStatements', { query: { status, period, limit: 500 } })),

  'statements:adjust': ({ id, kind, amountCents, purpose }) => withApi((call) => call('addStatementAdjustment', { params: { id }, body: { kind, amountCents, purpose } })),

  async 'statements:exportCsv'({ period }) {
    const csv = await withApi((call) => call('exportPayrollCsv', { query: { period } }))
    return { csv, filename: `bonuses-for-payroll-${period}.csv` }
  },

  'lineItems:act': ({ id, action, until }) =>
    withApi((call) => {
      if (action === 'hold') return call('holdLineItem', { params: { id }, body: until ? { until } : {} })
      if (action === 'extend_hold') return call('extendLineItemHold', { params: { id }, body: { until: until ?? '' } })
      if (action === 'release') return call('releaseLineItem', { params: { id } })
      return call('voidLineItem', { params: { id } })
    }),
}
