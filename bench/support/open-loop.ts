/**
 * An open-loop load generator: request i is due at start + i / rate and is launched then, whether or not
 * earlier ones have answered (a closed loop would wait, send less when the server slows, and hide exactly
 * the queueing a user sees). Each latency is measured from the request's *scheduled* time, so time spent
 * waiting to be sent counts too: the figures are free of coordinated omission.
 * @module
 */

export interface Sample {
  /** Which request of the run (0-based), for the caller's own bookkeeping. */
  index: number
  label: string
  /** Scheduled time → whole answer read, in ms. */
  latencyMs: number
  /** How late the generator launched it, in ms (its own health: large values mean the figures are suspect). */
  sendLagMs: number
  status: number
  error: string | null
  /** No answer within the timeout: its latency is unknown beyond "at least the timeout". */
  timedOut: boolean
}

export interface OpenLoopRun {
  rate: number
  durationSeconds: number
  samples: Sample[]
  /** First scheduled send → last answer, in seconds. */
  elapsedSeconds: number
}

export interface Request {
  label: string
  send: (signal: AbortSignal) => Promise<Response>
}

export async function runOpenLoop(options: { rate: number; durationSeconds: number; next: (index: number) => Request; timeoutMs?: number }): Promise<OpenLoopRun> {
  const total = Math.round(options.rate * options.durationSeconds)
  const interval = 1000 / options.rate
  const timeoutMs = options.timeoutMs ?? 10_000
  const samples: Sample[] = []
  const inFlight: Promise<void>[] = []
  const start = performance.now() + 20

  const fire = (index: number, scheduled: number) => {
    const request = options.next(index)
    const sendLagMs = performance.now() - scheduled
    const sample = (status: number, error: string | null, timedOut = false) =>
      samples.push({ index, label: request.label, latencyMs: performance.now() - scheduled, sendLagMs, status, error, timedOut })
    inFlight.push(
      request
        .send(AbortSignal.timeout(timeoutMs))
        .then(async (res) => {
          await res.arrayBuffer()
          sample(res.status, res.ok ? null : `HTTP ${res.status}`)
        })
        .catch((err: Error) => void (err.name === 'TimeoutError' ? sample(0, `no answer within ${timeoutMs / 1000} s`, true) : sample(0, err.message))),
    )
  }

  let index = 0
  while (index < total) {
    const now = performance.now()
    // Everything due by now goes out at once: a late timer must not thin out the schedule.
    while (index < total && start + index * interval <= now) {
      fire(index, start + index * interval)
      index++
    }
    if (index < total) await new Promise((r) => setTimeout(r, Math.max(0, start + index * interval - performance.now())))
  }
  await Promise.all(inFlight)
  return { rate: options.rate, durationSeconds: options.durationSeconds, samples: samples.sort((a, b) => a.index - b.index), elapsedSeconds: (performance.now() - start) / 1000 }
}
