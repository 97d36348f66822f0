import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startPoller } from './poller'

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('startPoller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setVisibility('visible')
  })
  afterEach(() => {
    vi.useRealTimers()
    setVisibility('visible')
  })

  it('should ask again at the pace the last answer sets', async () => {
    const answers = ['running', 'running', 'done']
    const load = vi.fn(async () => answers.shift() ?? 'done')
    const results: string[] = []
    startPoller({
      load,
      delayMs: (last) => (last === 'running' ? 2_000 : 20_000),
      onResult: (r) => r.ok && results.push(r.value),
      doc: document,
      signal: new AbortController().signal,
    })
    await vi.advanceTimersByTimeAsync(0)
    await vi.advanceTimersByTimeAsync(2_000)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(results).toEqual(['running', 'running', 'done'])
    await vi.advanceTimersByTimeAsync(19_000)
    expect(load).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(load).toHaveBeenCalledTimes(4)
  })

  it('should never have two requests in flight, even when refreshed meanwhile', async () => {
    let inFlight = 0
    let most = 0
    const load = vi.fn(async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((r) => setTimeout(r, 500))
      inFlight--
      return 1
    })
    const poller = startPoller({ load, delayMs: () => 2_000, onResult: () => {}, doc: document, signal: new AbortController().signal })
    await vi.advanceTimersByTimeAsync(100)
    poller.refresh()
    poller.refresh()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(most).toBe(1)
    // The refresh asked for during the first request runs right after it, once.
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('should not ask while the tab is hidden, and catch up when it shows', async () => {
    const load = vi.fn(async () => 1)
    startPoller({ load, delayMs: () => 2_000, onResult: () => {}, doc: document, signal: new AbortController().signal })
    await vi.advanceTimersByTimeAsync(0)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(load).toHaveBeenCalledTimes(1)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('should report failures and slow down after them', async () => {
    const load = vi.fn(async () => Promise.reject(new Error('Cannot reach the Protiv backend')))
    const results: unknown[] = []
    startPoller({ load, delayMs: (_last, failed) => (failed ? 20_000 : 2_000), onResult: (r) => results.push(r), doc: document, signal: new AbortController().signal })
    await vi.advanceTimersByTimeAsync(2_000)
    expect(results).toEqual([{ ok: false, error: 'Cannot reach the Protiv backend' }])
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('should stop when aborted', async () => {
    const stop = new AbortController()
    const load = vi.fn(async () => 1)
    startPoller({ load, delayMs: () => 2_000, onResult: () => {}, doc: document, signal: stop.signal })
    await vi.advanceTimersByTimeAsync(0)
    stop.abort()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(load).toHaveBeenCalledTimes(1)
  })
})
