/**
 * The ExakTime page fixtures the e2e tests serve, loaded as documents for unit tests (Node only: reads
 * `e2e/fixtures/exaktime/`). Scripts in them do not run.
 * @module
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const EXAKTIME_FIXTURES = {
  'time-cards': { file: 'time-cards.html', url: 'https://acme.exaktime.com/app/timecards' },
  'sign-in': { file: 'sign-in.html', url: 'https://acme.exaktime.com/login' },
} as const

export type ExakTimeFixtureName = keyof typeof EXAKTIME_FIXTURES

export const exaktimeFixtureDir = path.resolve(import.meta.dirname, '../../../e2e/fixtures/exaktime')

export function loadExakTimeFixture(name: ExakTimeFixtureName): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(exaktimeFixtureDir, EXAKTIME_FIXTURES[name].file), 'utf8'), 'text/html')
}
