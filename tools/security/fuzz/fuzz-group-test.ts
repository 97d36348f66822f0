import { expect, it } from 'vitest'
import { captureQueue } from '../../test/aspire-sandbox'
import { apiRoutes } from '../api-surface'
import { routesOf, type FuzzGroup } from './fuzz-groups'
import { fuzzRoute, fuzzSeed, requestsFor, statsTable, type RouteStats, type Violation } from './fuzz-runner'
import { seedFuzzWorld } from './fuzz-world'

/** The one test of an api-fuzz.<group>.test.ts file: every route of the group, against a freshly seeded org. */
export function fuzzGroup(group: FuzzGroup) {
  it(`should answer every hostile request to ${group} routes with a clean 4xx or a correct success, and write nothing when refusing`, async () => {
    const world = await seedFuzzWorld(captureQueue())
    const seed = fuzzSeed()
    const routes = apiRoutes()
    let planned = 0
    const stats: RouteStats[] = []
    const violations: Violation[] = []
    for (const route of routesOf(group)) {
      const runs = requestsFor(route, routes)
      planned += runs
      const result = await fuzzRoute(route, world, runs, seed)
      stats.push(result.stats)
      violations.push(...result.violations)
    }
    console.log(`api fuzz ${group}: seed ${seed} (FUZZ_SEED), ${planned} requests (FUZZ_REQUESTS spread over the app's routes)\n${statsTable(stats)}`)
    expect(violations.map((v) => `${v.route} ×${v.count}: ${v.problem} — ${v.request}`)).toEqual([])
    expect(stats.reduce((n, s) => n + s.requests, 0)).toBe(planned)
  }, 240_000)
}
