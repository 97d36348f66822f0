/**
 * Asks again and again, politely: one request at a time (the next is scheduled only after an answer),
 * nothing while the tab is hidden (it catches up the moment the tab shows again), and a pace the caller
 * picks from the last answer.
 * @module
 */

export type PollResult<T> = { ok: true; value: T } | { ok: false; error: string }

export interface PollerOptions<T> {
  load(): Promise<T>
  /** The wait before the next request, given the last answer (null before any) and whether it failed. */
  delayMs(last: T | null, failed: boolean): number
  onResult(result: PollResult<T>): void
  doc: Document
  signal: AbortSignal
  /** Wait before the first request; 0 asks at once. */
  firstDelayMs?: number
}

export function startPoller<T>(options: PollerOptions<T>): { refresh(): void } {
  const { doc, signal } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false
  let refreshAfterAnswer = false
  let waitingForVisible = false
  let last: T | null = null

  const schedule = (ms: number) => {
    clearTimeout(timer)
    if (!signal.aborted) timer = setTimeout(run, ms)
  }

  async function run() {
    if (signal.aborted || inFlight) return
    if (doc.visibilityState === 'hidden') {
      waitingForVisible = true
      return
    }
    inFlight = true
    let failed = false
    try {
      last = await options.load()
      if (!signal.aborted) options.onResult({ ok: true, value: last })
    } catch (err) {
      failed = true
      if (!signal.aborted) options.onResult({ ok: false, error: err instanceof Error ? err.message : String(err) })
    }
    inFlight = false
    if (refreshAfterAnswer) {
      refreshAfterAnswer = false
      void run()
    } else {
      schedule(options.delayMs(last, failed))
    }
  }

  const onVisibility = () => {
    if (doc.visibilityState !== 'visible' || !waitingForVisible) return
    waitingForVisible = false
    clearTimeout(timer)
    void run()
  }
  doc.addEventListener('visibilitychange', onVisibility)
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer)
      doc.removeEventListener('visibilitychange', onVisibility)
    },
    { once: true },
  )

  schedule(options.firstDelayMs ?? 0)
  return {
    refresh() {
      if (inFlight) refreshAfterAnswer = true
      else schedule(0)
    },
  }
}
