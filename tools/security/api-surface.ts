/**
 * The API surface as the app itself serves it: every method + path registered on the Hono app (middleware entries
 * left out), joined to its contract entry for the request schemas. The security probes iterate this list, so a
 * route added to the app is probed without anyone remembering to list it.
 * @module
 */
import { contract, type Endpoint, type EndpointName } from '../../shared/api/contract'
import { app } from '../../worker/app'

export interface ApiRoute {
  /** `METHOD /path`, the key the probes use. */
  key: string
  name: EndpointName
  method: Endpoint['method']
  path: string
  /** Names of the `:param` segments, in order. */
  params: string[]
  endpoint: Endpoint
}

export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!)

/** Every route of the app, once, in registration order. Throws for a route the contract does not describe. */
export function apiRoutes(): ApiRoute[] {
  const byKey = new Map(Object.entries(contract).map(([name, e]) => [`${e.method} ${e.path}`, { name: name as EndpointName, endpoint: e as Endpoint }]))
  const seen = new Set<string>()
  const routes: ApiRoute[] = []
  // `ALL` entries are middleware (`use`): CORS and the bearer check, not endpoints.
  for (const r of app.routes.filter((route) => route.method !== 'ALL')) {
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) continue
    seen.add(key)
    const declared = byKey.get(key)
    if (!declared) throw new Error(`${key} is served but missing from shared/api/contract.ts`)
    routes.push({ key, name: declared.name, method: declared.endpoint.method, path: r.path, params: pathParams(r.path), endpoint: declared.endpoint })
  }
  return routes
}

/** The path with each `:param` replaced by its value, URL-encoded unless `raw` (to send bytes as they are). */
export function fillPath(path: string, values: Record<string, string>, raw = false) {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`)
    return raw ? value : encodeURIComponent(value)
  })
}
