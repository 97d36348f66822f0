/**
 * Injected failures: the next `count` matching requests answer with `status` (a JSON error body, or an
 * HTML page as a gateway would serve).
 * @module
 */
export interface FaultSpec {
  status: number
  html?: boolean
  /** Exact path (e.g. `/odata/DwTimeRecords`); any path when absent. */
  path?: string
  count?: number
}

export class Faults {
  private active: Array<FaultSpec & { remaining: number }> = []

  add(spec: FaultSpec) {
    this.active.push({ ...spec, remaining: spec.count ?? 1 })
  }

  clear() {
    this.active = []
  }

  list() {
    return this.active.map(({ remaining, ...spec }) => ({ ...spec, remaining }))
  }

  take(path: string): FaultSpec | undefined {
    const fault = this.active.find((f) => !f.path || f.path === path)
    if (!fault) return undefined
    if (--fault.remaining <= 0) this.active.splice(this.active.indexOf(fault), 1)
    return fault
  }
}
