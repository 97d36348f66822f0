/**
 * A faulty network between the connectors and the vendor sandboxes: wraps `fetch` and, request by request,
 * decides from the run's seed whether to answer 429 bursts, 5xx (JSON or a proxy's HTML page), time out,
 * drop the connection, cut a list short, reorder it, lose the answer of a write after it was applied, or
 * let the vendor's data change just before the request lands. Control-API calls pass untouched.
 * @module
 */
import type { Rng } from './rng'

export type FaultKind = 'rate-limit' | 'server-error' | 'html-error' | 'timeout' | 'network' | 'truncate' | 'reorder' | 'lost-response' | 'mutate'

export interface FaultPlan {
  /** Chance that a vendor request meets a fault. */
  rate: number
  kinds: readonly FaultKind[]
  /** Changes the vendor's data (through its control API) while a sync is running. */
  mutate?: () => Promise<void>
}

export interface FaultLog {
  requests: number
  faults: Partial<Record<FaultKind, number>>
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/**
 * The page's list: the body itself when it is an array, else the longest array in the envelope (up to two
 * objects deep, as in `{ data: { records: [...] } }`). Arrays inside rows (an employee's pay rates) are
 * part of a record, not the page, and are left alone.
 */
export function pageList(body: unknown): unknown[] | null {
  let best: unknown[] | null = null
  const visit = (v: unknown, depth: number) => {
    if (Array.isArray(v)) {
      if (!best || v.length > best.length) best = v
    } else if (v && typeof v === 'object' && depth < 2) for (const child of Object.values(v)) visit(child, depth + 1)
  }
  visit(body, 0)
  return best
}

async function rewriteList(res: Response, change: (rows: unknown[]) => void): Promise<Response> {
  const text = await res.text()
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return new Response(text, { status: res.status, headers })
  }
  const rows = pageList(body)
  if (rows && rows.length > 1) change(rows)
  return new Response(JSON.stringify(body), { status: res.status, headers })
}

function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    if (!signal) return reject(new TypeError('chaos: timed out'))
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

export function faultyFetch(realFetch: typeof fetch, vendorOrigins: string[], rng: Rng, getPlan: () => FaultPlan | null, log: FaultLog): typeof fetch {
  let burst: { kind: 'rate-limit' | 'server-error'; left: number; status: number } | null = null

  return async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    const plan = getPlan()
    const isVendor = vendorOrigins.includes(url.origin) && !url.pathname.startsWith('/__control')
    if (!plan || !isVendor) return realFetch(input, init)
    log.requests++
    const note = (kind: FaultKind) => (log.faults[kind] = (log.faults[kind] ?? 0) + 1)
    const signal = init?.signal ?? request.signal

    if (burst && burst.left > 0) {
      burst.left--
      note(burst.kind)
      return burst.kind === 'rate-limit'
        ? json(429, { message: 'Too many requests' }, rng.chance(0.5) ? { 'retry-after': rng.pick(['0', '1']) } : {})
        : json(burst.status, { message: 'chaos: the vendor is having a bad moment' })
    }
    const write = request.method !== 'GET' && request.method !== 'HEAD'
    // Writes are few and the most dangerous to get wrong, so they meet faults far more often.
    if (!rng.chance(write ? Math.max(plan.rate, 0.4) : plan.rate)) return realFetch(input, init)
    const kind = write && plan.kinds.includes('lost-response') && rng.chance(0.5) ? 'lost-response' : rng.pick(plan.kinds.filter((k) => k !== 'lost-response' || write))
    note(kind)
    switch (kind) {
      case 'rate-limit':
        burst = { kind, left: rng.int(0, 4), status: 429 }
        return json(429, { message: 'Too many requests' }, { 'retry-after': rng.pick(['0', '1']) })
      case 'server-error': {
        const status = rng.pick([500, 502, 503, 504])
        burst = { kind, left: rng.int(0, 4), status }
        return json(status, { message: 'chaos: internal error' })
      }
      case 'html-error':
        return new Response('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', { status: rng.pick([502, 503]), headers: { 'content-type': 'text/html' } })
      case 'timeout':
        return hangUntilAborted(signal)
      case 'network':
        throw new TypeError('chaos: network connection lost')
      case 'truncate': {
        const res = await realFetch(input, init)
        return res.ok ? rewriteList(res, (rows) => rows.splice(rng.int(0, rows.length - 1))) : res
      }
      case 'reorder': {
        const res = await realFetch(input, init)
        return res.ok ? rewriteList(res, (rows) => rng.shuffle(rows)) : res
      }
      case 'lost-response': {
        const res = await realFetch(input, init)
        await res.body?.cancel()
        if (rng.chance(0.5)) throw new TypeError('chaos: connection dropped after the write')
        return json(502, { message: 'chaos: bad gateway after the write' })
      }
      case 'mutate':
        await plan.mutate?.()
        return realFetch(input, init)
    }
  }
}
