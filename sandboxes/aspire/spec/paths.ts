/**
 * The path/verb table of the real API, from the OpenAPI document. It decides 404 (path unknown to Aspire)
 * versus 405 (known path, verb not offered) before anything else looks at a request, as ASP.NET routing does.
 * @module
 */
import { openApi } from './openapi'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SpecPath {
  /** The path as written in the document, e.g. `/OpportunityTags/{id}`. */
  template: string
  methods: HttpMethod[]
  pattern: RegExp
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete'])

const toPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`)

export const SPEC_PATHS: SpecPath[] = Object.entries(openApi.paths).map(([template, operations]) => ({
  template,
  methods: Object.keys(operations)
    .filter((verb) => VERBS.has(verb))
    .map((verb) => verb.toUpperCase() as HttpMethod),
  pattern: toPattern(template),
}))

const exact = new Map(SPEC_PATHS.filter((p) => !p.template.includes('{')).map((p) => [p.template, p]))

/** Matches a request path against the document; paths are case-sensitive here (see README). */
export function matchSpecPath(pathname: string): SpecPath | undefined {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
  return exact.get(path) ?? SPEC_PATHS.find((p) => p.pattern.test(path))
}
