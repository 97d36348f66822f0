/**
 * The Aspire page fixtures the e2e tests serve, loaded as documents for unit tests (Node only: reads
 * `e2e/fixtures/aspire/`). Scripts in them do not run.
 * @module
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const ASPIRE_FIXTURES = {
  'work-ticket': { file: 'work-ticket.html', url: 'https://cloud.youraspire.com/app/work-tickets/10452' },
  job: { file: 'opportunity.html', url: 'https://cloud.youraspire.com/app/opportunities/details/2201' },
  'work-ticket-list': { file: 'work-ticket-list.html', url: 'https://cloud.youraspire.com/app/work-tickets' },
  'api-admin': { file: 'api-admin.html', url: 'https://cloud.youraspire.com/app/admin/api' },
} as const

export type FixtureName = keyof typeof ASPIRE_FIXTURES

const fixtureDir = path.resolve(import.meta.dirname, '../../../e2e/fixtures/aspire')

export function loadAspireFixture(name: FixtureName): Document {
  const html = readFileSync(path.join(fixtureDir, ASPIRE_FIXTURES[name].file), 'utf8')
  return new DOMParser().parseFromString(html, 'text/html')
}
