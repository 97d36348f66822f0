import { describe, expect, it } from 'vitest'
import { apiRoutes } from '../../tools/security/api-surface'
import { FUZZ_GROUPS, routesOf, segmentOf, type FuzzGroup } from '../../tools/security/fuzz/fuzz-groups'
import { DEFAULT_REQUESTS, requestsFor } from '../../tools/security/fuzz/fuzz-runner'
import type { FuzzWorld } from '../../tools/security/fuzz/fuzz-world'
import { validRequests } from '../../tools/security/fuzz/valid-requests'

/** Stand-in ids: enough to check the valid requests' shapes against the contract without seeding. */
const stubWorld = {
  org: {
    password: 'a password of the org',
    users: Object.fromEntries(['admin', 'manager', 'crew_lead', 'worker'].map((r) => [r, { id: `${r}-id`, email: `${r}@stub.test`, name: r, token: 't' }])),
    connections: { aspire: 'c-aspire', buildertrend: 'c-bt', exaktime: 'c-ex', fixture: 'c-fixture', deleted: 'c-deleted' },
    aspireTenant: { clientId: 'client', secret: 'secret', counts: {} },
    aspireBaseUrl: 'http://127.0.0.1:9',
    exaktimeCredentials: { companyId: 'acme', apiKey: 'arc_stub_key' },
    fixture: { openMilestone: 'F-M2' },
  },
  ids: { ref: { job: ['job-1'], propay: ['p-1', 'p-2', 'p-3'], statement: ['s-1'], lineItem: ['li-1', 'li-2'], material: ['m-1'] } },
  target: 'p-target',
  spareConnections: ['c-spare'],
  freshTenant: { clientId: 'fresh', secret: 'fresh-secret' },
} as unknown as FuzzWorld

describe('API fuzz plan', () => {
  it('should fuzz every route the app serves in exactly one group', () => {
    const grouped = (Object.keys(FUZZ_GROUPS) as FuzzGroup[]).flatMap((g) => routesOf(g).map((r) => r.key))
    expect(grouped.sort()).toEqual(apiRoutes().map((r) => r.key).sort())
    const segments = (Object.values(FUZZ_GROUPS) as readonly (readonly string[])[]).flat()
    expect(new Set(segments).size).toBe(segments.length)
    expect(apiRoutes().filter((r) => !segments.includes(segmentOf(r))).map((r) => r.key)).toEqual([])
  })

  it('should start every route from requests its contract accepts', () => {
    const problems: string[] = []
    for (const route of apiRoutes()) {
      const build = validRequests[route.key]
      if (!build) {
        problems.push(`${route.key}: no valid request`)
        continue
      }
      for (const request of build(stubWorld)) {
        for (const param of route.params) if (!request.params?.[param]) problems.push(`${route.key}: no :${param}`)
        const body = route.endpoint.body?.safeParse(request.body)
        if (body && !body.success) problems.push(`${route.key}: body ${JSON.stringify(body.error.issues)}`)
        if (!route.endpoint.body && request.body !== undefined) problems.push(`${route.key}: a body the route does not take`)
        const query = route.endpoint.query?.safeParse(request.query ?? {})
        if (query && !query.success) problems.push(`${route.key}: query ${JSON.stringify(query.error.issues)}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('should send at least 10,000 requests by default, to every route', () => {
    const routes = apiRoutes()
    const counts = routes.map((route) => requestsFor(route, routes, DEFAULT_REQUESTS))
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000)
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(50)
  })
})
