/**
 * Serves the Aspire page fixtures at Aspire's real address, one per screen, so the manifest's real match
 * patterns apply and the fixtures' little router (spa-router.js) can navigate between them in-app.
 * @module
 */
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/aspire')

/** Aspire routes → fixture files. Keep in step with `extension/vendors/aspire/selectors.ts`. */
export const ASPIRE_FIXTURE_ROUTES: ReadonlyArray<[RegExp, string]> = [
  [/^\/app\/work-tickets\/?$/, 'work-ticket-list.html'],
  [/^\/app\/work-tickets\/(?:details\/)?\d+\/?$/, 'work-ticket.html'],
  [/^\/app\/opportunities\/(?:details\/)?\d+\/?$/, 'opportunity.html'],
  [/^\/app\/admin\/api\/?$/, 'api-admin.html'],
]

export const ASPIRE = {
  workTicket: 'https://cloud.youraspire.com/app/work-tickets/10452',
  job: 'https://cloud.youraspire.com/app/opportunities/details/2201',
  workTicketList: 'https://cloud.youraspire.com/app/work-tickets',
  apiAdmin: 'https://cloud.youraspire.com/app/admin/api',
} as const

/** What Aspire's own backend does for the fixture pages' buttons (the work ticket's Complete), when a test needs it. */
export interface AspireFixtureBackend {
  completeTicket?(ticketId: string): Promise<void>
}

export async function serveAspireFixtures(context: BrowserContext, backend: AspireFixtureBackend = {}) {
  await context.route('https://cloud.youraspire.com/**', async (route) => {
    const { pathname } = new URL(route.request().url())
    const complete = pathname.match(/^\/__fixtures\/work-tickets\/(\d+)\/complete$/)
    if (complete && route.request().method() === 'POST') {
      if (!backend.completeTicket) return route.fulfill({ status: 404, body: 'no fixture backend for Complete' })
      await backend.completeTicket(complete[1]!)
      return route.fulfill({ status: 204 })
    }
    if (pathname === '/__fixtures/spa-router.js') {
      return route.fulfill({ path: path.join(FIXTURES, 'spa-router.js'), contentType: 'text/javascript; charset=utf-8' })
    }
    const file = ASPIRE_FIXTURE_ROUTES.find(([pattern]) => pattern.test(pathname))?.[1]
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: `<h1>No fixture for ${pathname}</h1>` })
    return route.fulfill({ path: path.join(FIXTURES, file), contentType: 'text/html; charset=utf-8' })
  })
}

export interface WorkTicketRow {
  WorkTicketID: number
  OpportunityID: number
  WorkTicketStatus: string
}

/**
 * Adds rows to the fixture's work ticket list as Aspire does when it pages in more: text set as text, never as
 * HTML. `names` gives a job link its text (Aspire shows the opportunity's name there).
 */
export const addWorkTicketRows = (page: Page, rows: WorkTicketRow[], names: Record<number, string> = {}) =>
  page.evaluate(
    ({ rows, names }) => {
      const body = document.querySelector('table.search-results tbody')!
      for (const row of rows) {
        const tr = document.createElement('tr')
        tr.dataset.rowId = String(row.WorkTicketID)
        const cells = ['', '', '', row.WorkTicketStatus, ''].map((text) => Object.assign(document.createElement('td'), { textContent: text }))
        cells[1]!.append(Object.assign(document.createElement('a'), { href: `/app/work-tickets/${row.WorkTicketID}`, textContent: String(row.WorkTicketID) }))
        const jobLink = Object.assign(document.createElement('a'), { href: `/app/opportunities/details/${row.OpportunityID}` })
        jobLink.textContent = names[row.OpportunityID] ?? `Opportunity ${row.OpportunityID}`
        cells[2]!.append(jobLink)
        tr.append(...cells)
        body.append(tr)
      }
    },
    { rows, names },
  )
