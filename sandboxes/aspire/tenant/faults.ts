/**
 * Fault switches of one tenant. Each fault answers (or alters) the next `count` requests that match its
 * optional method and path; `count` omitted means once, except for `delay`, which lasts until cleared.
 * @module
 */

interface FaultMatch {
  /** Exact request path, e.g. `/WorkTicketTimes`; omitted matches every path. */
  path?: string
  method?: string
  count?: number
}

export type FaultSpec =
  | (FaultMatch & { kind: 'status'; status: number; message?: string })
  | (FaultMatch & { kind: 'html'; status?: number })
  | (FaultMatch & { kind: 'delay'; ms: number })
  /** Serve page `page` (1-based) of a list with only `keep` of its rows (default: half). */
  | (FaultMatch & { kind: 'truncate'; page?: number; keep?: number })
  /** Apply a write, then answer 502 or drop the connection, so the client cannot know it succeeded. */
  | (FaultMatch & { kind: 'lost-response'; mode?: '502' | 'close' })

export type FaultKind = FaultSpec['kind']

export interface ActiveFault {
  id: number
  spec: FaultSpec
  remaining: number
}

export interface FaultRequest {
  method: string
  path: string
  page?: number
}

export class FaultBook {
  private faults: ActiveFault[] = []
  private nextId = 1

  add(spec: FaultSpec): ActiveFault {
    const remaining = spec.count ?? (spec.kind === 'delay' ? Number.POSITIVE_INFINITY : 1)
    const fault = { id: this.nextId++, spec, remaining }
    this.faults.push(fault)
    return fault
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }))
  }

  clear(): void {
    this.faults = []
  }

  /** The oldest active fault of one of `kinds` matching the request; uses it up once. */
  take<K extends FaultKind>(kinds: K | K[], request: FaultRequest): Extract<FaultSpec, { kind: K }> | undefined {
    const wanted: FaultKind[] = Array.isArray(kinds) ? kinds : [kinds]
    const fault = this.faults.find((candidate) => wanted.includes(candidate.spec.kind) && matches(candidate.spec, request))
    if (!fault) return undefined
    fault.remaining--
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault)
    return fault.spec as Extract<FaultSpec, { kind: K }>
  }
}

function matches(spec: FaultSpec, request: FaultRequest): boolean {
  if (spec.path !== undefined && spec.path !== request.path) return false
  if (spec.method !== undefined && spec.method.toUpperCase() !== request.method) return false
  if (spec.kind === 'truncate') return request.page !== undefined && request.page === (spec.page ?? 1)
  // A lost response only makes sense for a write.
  if (spec.kind === 'lost-response') return request.method !== 'GET'
  return true
}
