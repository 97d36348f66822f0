/**
 * Sends generated requests to the app one at a time and checks each answer: never a 5xx; every refusal a JSON
 * error in the app's shape with a message; a refused request writes nothing; a request that cannot be right is
 * refused; a success matches the contract's response schema.
 * @module
 */
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { ErrorBody } from '../../../shared/api/errors'
import { app } from '../../../worker/app'
import { createSession } from '../../../worker/auth/session'
import { createDb } from '../../../worker/db/client'
import type { ApiRoute } from '../api-surface'
import { watchWrites, type Write } from '../write-detector'
import type { FuzzWorld } from './fuzz-world'
import { requestArbitrary, type FuzzRequest } from './request-arbitrary'
import { routeState } from './route-state'
import { validRequests } from './valid-requests'

export interface Violation {
  route: string
  problem: string
  status: number
  request: string
  /** How many requests showed the same problem. */
  count: number
}

export interface RouteStats {
  route: string
  requests: number
  statuses: Map<number, number>
  modes: Map<string, number>
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1)

const shorten = (text: string | undefined, max = 300) => {
  if (text === undefined) return ''
  const printable = JSON.stringify(text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text)
  return printable
}

const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${shorten(r.url, 200)} caller=${JSON.stringify(r.caller).slice(0, 80)} content-type=${r.contentType ?? '(none)'} body=${shorten(r.body)}`

async function headersFor(r: FuzzRequest, world: FuzzWorld, route: ApiRoute) {
  const headers = new Headers()
  if (r.contentType !== undefined) headers.set('content-type', r.contentType)
  if ('role' in r.caller) {
    const user = world.org.users[r.caller.role]
    // Signing out revokes the token it is sent with: each sign-out gets a session of its own.
    const token = route.key === 'POST /api/v1/auth/logout' ? (await createSession(createDb(env.DB), { id: user.id, orgId: world.org.orgId })).token : user.token
    headers.set('authorization', `Bearer ${token}`)
  } else if (r.caller.authorization !== undefined) headers.set('authorization', r.caller.authorization)
  return headers
}

/** What is wrong with one answer, if anything. */
function problemsOf(route: ApiRoute, r: FuzzRequest, status: number, contentType: string | null, text: string, writes: Write[]) {
  const problems: string[] = []
  if (status >= 500) problems.push(`${status} answer`)
  const ok = status >= 200 && status < 300
  if (!ok) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      problems.push('refusal is not JSON')
    }
    if (!/^application\/json/i.test(contentType ?? '')) problems.push(`refusal has Content-Type ${contentType}`)
    const error = ErrorBody.safeParse(parsed)
    if (parsed !== undefined && !error.success) problems.push('refusal is not in the error shape')
    if (error.success && error.data.error.message.trim().length < 10) problems.push('refusal has no clear message')
    if (writes.length) problems.push(`refused but wrote ${writes.map((w) => `${w.op} ${w.table}×${w.n}`).join(', ')}`)
  }
  if (ok && r.mustBeRefused) problems.push(`${status} to a request that cannot be right (mode ${r.mode})`)
  if (ok && /^text\/csv\b/i.test(contentType ?? '')) {
    // The payroll export: its contract schema describes the text itself.
    if (!route.endpoint.response.safeParse(text).success) problems.push('success does not match the contract')
  } else if (ok && text) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      problems.push('success is not JSON')
    }
    if (parsed !== undefined && !route.endpoint.response.safeParse(parsed).success) problems.push('success does not match the contract')
  }
  return problems
}

export const fuzzSeed = () => {
  const configured = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : NaN
  return Number.isInteger(configured) ? configured : 20_260_612
}

/** A route that takes no input at all (no path parameter, query or body) varies only by caller: a fifth of the share. */
const weightOf = (route: ApiRoute) => (route.params.length || route.endpoint.query || route.endpoint.body || route.method !== 'GET' ? 5 : 1)

export const DEFAULT_REQUESTS = 11_000

/** FUZZ_REQUESTS, else the default. */
export const configuredTotal = () => {
  const configured = env.FUZZ_REQUESTS ? Number(env.FUZZ_REQUESTS) : NaN
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_REQUESTS
}

/** The requests for `route`: `total` spread over every route of the app by weight. */
export const requestsFor = (route: ApiRoute, routes: ApiRoute[], total = configuredTotal()) =>
  Math.ceil((total * weightOf(route)) / routes.reduce((sum, r) => sum + weightOf(r), 0))

/** A per-route seed from the run's seed, so one route's requests do not change when another route is added. */
const routeSeed = (seed: number, key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, seed)

export async function fuzzRoute(route: ApiRoute, world: FuzzWorld, runs: number, seed: number) {
  const build = validRequests[route.key]
  if (!build) throw new Error(`${route.key} has no valid request in valid-requests.ts`)
  const arbitrary = requestArbitrary(route, build(world))
  const stats: RouteStats = { route: route.key, requests: 0, statuses: new Map(), modes: new Map() }
  const violations = new Map<string, Violation>()
  const state = routeState[route.key] ?? {}
  await state.setUp?.(world)
  const watched = watchWrites(env.DB)
  const appEnv = { ...env, DB: watched.db }
  for (const r of fc.sample(arbitrary, { seed: routeSeed(seed, route.key), numRuns: runs })) {
    const headers = await headersFor(r, world, route)
    const res = await app.request(r.url, { method: r.method, headers, body: r.body }, appEnv)
    const text = await res.text()
    const writes = watched.takeWrites()
    if (res.status >= 200 && res.status < 300) await state.afterSuccess?.(world, r.url, text)
    stats.requests++
    bump(stats.statuses, res.status)
    bump(stats.modes, r.mode)
    for (const problem of problemsOf(route, r, res.status, res.headers.get('content-type'), text, writes)) {
      const key = `${problem.replace(/×\d+/g, '')} ${res.status}`
      const seen = violations.get(key)
      if (seen) seen.count++
      else violations.set(key, { route: route.key, problem, status: res.status, request: `${describeRequest(r)} → ${shorten(text, 300)}`, count: 1 })
    }
  }
  return { stats, violations: [...violations.values()] }
}

export function statsTable(all: RouteStats[]) {
  const width = Math.max(...all.map((s) => s.route.length))
  const lines = all.map((s) => {
    const statuses = [...s.statuses].sort(([a], [b]) => a - b).map(([code, n]) => `${code}×${n}`).join(' ')
    const modes = [...s.modes].sort(([a], [b]) => a.localeCompare(b)).map(([mode, n]) => `${mode}:${n}`).join(' ')
    return `${s.route.padEnd(width)} | ${String(s.requests).padStart(5)} | ${statuses} | ${modes}`
  })
  const total = all.reduce((n, s) => n + s.requests, 0)
  return [...lines, `${'total'.padEnd(width)} | ${String(total).padStart(5)}`].join('\n')
}
