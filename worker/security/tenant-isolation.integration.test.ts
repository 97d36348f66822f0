import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createSession } from '../auth/session'
import { createDb } from '../db/client'
import { captureQueue } from '../../tools/test/aspire-sandbox'
import { apiRoutes } from '../../tools/security/api-surface'
import { idFieldPaths, idPathsIn } from '../../tools/security/id-fields'
import { probeRoute, slotsOf, type Attempt } from '../../tools/security/isolation-probe'
import { markersOf, orgIds } from '../../tools/security/org-ids'
import { orgRows } from '../../tools/security/org-rows'
import { probes } from '../../tools/security/probe-plan'
import { probeTable } from '../../tools/security/probe-table'
import { ROLES, seedOrg, type SeededOrg } from '../../tools/security/two-orgs'

/** Enough of an org for tracing which ids the probe's requests take, without seeding one. */
const traceOrg = {
  label: 'T',
  password: 'trace',
  aspireTenant: { clientId: 'trace', secret: 'trace', counts: {} },
  aspireBaseUrl: 'http://trace.test',
} as unknown as SeededOrg

describe('tenant isolation', () => {
  it('should know how to fill every path parameter and id field of every route the app serves', () => {
    const routes = apiRoutes()
    const problems: string[] = []
    for (const route of routes) {
      const probe = probes[route.key]
      if (!probe) {
        problems.push(`${route.key}: no entry in probe-plan.ts`)
        continue
      }
      for (const param of route.params) if (!probe.params?.[param]) problems.push(`${route.key}: path parameter :${param} has no kind`)
      const declared = [...idFieldPaths(route.endpoint.body), ...idFieldPaths(route.endpoint.query)]
      for (const field of declared) if (!probe.fields?.[field]) problems.push(`${route.key}: id field ${field} has no kind`)
      const sent = new Set((probe.build?.({ ref: () => 'x', vendor: () => 'x' }, traceOrg) ?? []).flatMap((r) => [...idPathsIn(r.body), ...idPathsIn(r.query)]))
      for (const field of Object.keys(probe.fields ?? {})) if (!sent.has(field)) problems.push(`${route.key}: id field ${field} is never sent`)
      const ids = slotsOf(route, probe, traceOrg).length
      if (declared.length + route.params.length > 0 && ids === 0) problems.push(`${route.key}: takes ids but the probe sends none`)
    }
    const served = new Set(routes.map((r) => r.key))
    for (const key of Object.keys(probes)) if (!served.has(key)) problems.push(`${key}: probed but not served`)
    expect(problems).toEqual([])
  })

  it('should give org A’s users of every role nothing of org B’s, whatever ids they send', async () => {
    const queue = captureQueue()
    const a = await seedOrg('A', 7, queue)
    const b = await seedOrg('B', 23, queue)
    const [own, other] = [await orgIds(a, b), await orgIds(b, a)]
    const before = await orgRows(b.orgId)
    const markers = markersOf(before, await orgRows(a.orgId))
    expect(markers.length).toBeGreaterThan(100)

    const attempts: Attempt[] = []
    for (const role of ROLES) {
      const user = a.users[role]
      for (const route of apiRoutes()) {
        // Signing out revokes the token it is sent with: give each sign-out a session of its own.
        const token =
          route.key === 'POST /api/v1/auth/logout'
            ? async () => (await createSession(createDb(env.DB), { id: user.id, orgId: a.orgId })).token
            : async () => user.token
        attempts.push(...(await probeRoute({ route, probe: probes[route.key]!, caller: { role, token }, self: a, own, other, markers })))
      }
    }
    console.log(`tenant-isolation probe: org A's ${ROLES.join(', ')} against org B\n${probeTable(attempts)}`)

    expect(await orgRows(b.orgId)).toEqual(before)
    expect(attempts.filter((x) => x.failure).map((x) => `${x.role} ${x.source}: ${x.request} → ${x.failure}`)).toEqual([])
    expect(attempts.filter((x) => x.source === 'other-org').length).toBeGreaterThan(500)
  }, 240_000)
})
