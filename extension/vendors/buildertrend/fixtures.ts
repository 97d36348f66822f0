/**
 * The Buildertrend page fixtures the e2e tests serve, loaded as documents for unit tests (Node only: reads
 * `e2e/fixtures/buildertrend/`). Scripts in them do not run.
 * @module
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const BUILDERTREND_FIXTURES = {
  'time-clock': { file: 'time-clock.html', url: 'https://buildertrend.net/app/TimeClock' },
  job: { file: 'job.html', url: 'https://buildertrend.net/app/JobPage/4102' },
} as const

export type BuildertrendFixtureName = keyof typeof BUILDERTREND_FIXTURES

export function loadBuildertrendFixture(name: BuildertrendFixtureName): Document {
  const dir = path.resolve(import.meta.dirname, '../../../e2e/fixtures/buildertrend')
  return new DOMParser().parseFromString(readFileSync(path.join(dir, BUILDERTREND_FIXTURES[name].file), 'utf8'), 'text/html')
}
