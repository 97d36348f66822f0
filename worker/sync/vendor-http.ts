/**
 * HTTP to a vendor with the retry policy of the sync engine: 5xx, timeouts and network errors are retried
 * a bounded number of times with jittered exponential backoff; a 429 is never a failure but a wait, handed
 * to the engine (which re-enqueues) when it is longer than we want to sleep inside one step.
 * @module
 */
import { VendorError } from './vendor-error'

export interface VendorHttpOptions {
  retries?: number
  baseDelayMs?: number
  timeoutMs?: number
  /** Waits up to this long inside a step for a 429; longer waits are raised as `rate_limited`. */
  maxInlineWaitMs?: number
  sleep?: (ms: number) => Promise<void>
}

export interface VendorHttp {
  fetch(url: string, init?: RequestInit): Promise<Response>
  readonly requests: number
  /**
   * Milliseconds spent waiting on the vendor: wall time while at least one of its requests was outstanding (sent →
   * headers, and reading the body), plus the retry and rate-limit sleeps it imposed. Overlapping requests count once,
   * so a step's own time is its wall time minus this.
   */
  readonly waitedMs: number
}

const idempotent = (init: RequestInit | undefined) => !init?.method || ['GET', 'HEAD', 'PUT', 'DELETE'].includes(init.method.toUpperCase())

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Seconds or an HTTP date, as Retry-After allows. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function createVendorHttp(options: VendorHttpOptions = {}): VendorHttp {
  const { retries = 3, baseDelayMs = 500, timeoutMs = 30_000, maxInlineWaitMs = 5_000, sleep = defaultSleep } = options
  let requests = 0
  const waits = waitTracker()
  const backoff = (attempt: number) => baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2)

  async function attemptFetch(url: string, init: RequestInit | undefined, attempt: number, rateLimitWaits: number): Promise<Response> {
    requests++
    let res: Response
    try {
      res = await waits.during(fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }))
    } catch (err) {
      if (attempt >= retries || !idempotent(init)) {
        const what = (err as Error).name === 'TimeoutError' ? `did not answer within ${timeoutMs / 1000} s` : 'could not be reached'
        throw new VendorError('vendor_down', `The vendor ${what}.`)
      }
      await waits.during(sleep(backoff(attempt)))
      return attemptFetch(url, init, attempt + 1, rateLimitWaits)
    }
    if (res.status === 429) {
      await res.body?.cancel()
      const wait = parseRetryAfter(res.headers.get('retry-after')) ?? baseDelayMs * 2 ** rateLimitWaits * 4
      if (wait > maxInlineWaitMs || rateLimitWaits >= 4) {
        throw new VendorError('rate_limited', 'The vendor asked us to slow down; the sync continues shortly.', { status: 429, retryAfterMs: wait })
      }
      await waits.during(sleep(wait))
      return attemptFetch(url, init, attempt, rateLimitWaits + 1)
    }
    if (res.status >= 500) {
      await res.body?.cancel()
      // A POST may have been applied before the error: retrying it blindly could write twice. The push
      // engine recovers such writes by looking before it writes again.
      if (attempt >= retries || !idempotent(init)) throw new VendorError('vendor_down', `The vendor answered ${res.status} ${res.statusText || 'server error'} ${retries + 1} times.`, { status: res.status })
      await waits.during(sleep(backoff(attempt)))
      return attemptFetch(url, init, attempt + 1, rateLimitWaits)
    }
    return timedBody(res, waits)
  }

  return {
    fetch: (url, init) => attemptFetch(url, init, 0, 0),
    get requests() {
      return requests
    },
    get waitedMs() {
      return waits.ms
    },
  }
}

/** Wall time during which at least one awaited promise was pending. */
function waitTracker() {
  let pending = 0
  let since = 0
  let ms = 0
  return {
    async during<T>(promise: Promise<T>): Promise<T> {
      if (pending++ === 0) since = Date.now()
      try {
        return await promise
      } finally {
        if (--pending === 0) ms += Date.now() - since
      }
    },
    get ms() {
      return ms
    },
  }
}

/**
 * The body arrives after the headers: reading it is waiting on the vendor too. The reading methods are wrapped on the
 * instance (not a new Response, which would lose `redirected` and `url`).
 */
function timedBody(res: Response, waits: ReturnType<typeof waitTracker>): Response {
  for (const method of ['text', 'json', 'arrayBuffer'] as const) {
    const read = res[method].bind(res) as () => Promise<unknown>
    Object.defineProperty(res, method, { value: () => waits.during(read()), configurable: true })
  }
  return res
}
