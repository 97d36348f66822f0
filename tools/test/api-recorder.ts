/**
 * Keeps the body and headers of every answer the app gives during a test, whichever helper made the
 * call, and sweeps every GET route the app serves.
 * @module
 */
import { vi } from 'vitest'
import { app } from '../../worker/app'
import type { Seen } from './canaries'
import { call } from './fixtures'

export function recordApi() {
  const answers: Seen[] = []
  const original = app.request.bind(app)
  const spy = vi.spyOn(app, 'request').mockImplementation(async (input, init, env, ctx) => {
    const res = await original(input, init, env, ctx)
    const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
    answers.push({ where: `${init?.method ?? 'GET'} ${String(input)} → ${res.status}`, text: `${headers}\n\n${await res.clone().text()}` })
    return res
  })
  return { answers, restore: () => spy.mockRestore() }
}

/** Every GET path the app serves, as registered (`/api/v1/jobs/:id`). */
export const getRoutes = () => [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))].sort()

/**
 * Calls every GET route with real ids: `ids` by the collection before the parameter (`jobs` for
 * `/jobs/:id`), `queries` by path. A parameter without an id fails the test, so a new route is noticed.
 */
export async function sweepGetRoutes(token: string, ids: Record<string, string>, queries: Record<string, string> = {}) {
  const statuses: Record<string, number> = {}
  for (const route of getRoutes()) {
    const path = route.replace(/\/([\w-]+)\/:(\w+)/g, (_, collection: string) => {
      const id = ids[collection]
      if (!id) throw new Error(`no id for ${route}: pass ids.${collection}`)
      return `/${collection}/${encodeURIComponent(id)}`
    })
    const res = await call(`${path}${queries[route] ? `?${queries[route]}` : ''}`, { token })
    statuses[route] = res.status
  }
  return statuses
}
