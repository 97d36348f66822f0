import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { runOpenLoop } from './open-loop'
import { percentile, summarize } from './percentiles'

describe('percentiles', () => {
  it('should pick the nearest-rank sample', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect([percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99), percentile(sorted, 1)]).toEqual([50, 90, 99, 100])
    expect(percentile([7], 0.99)).toBe(7)
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p90: 3, p99: 3, max: 3 })
    expect(() => percentile([], 0.5)).toThrow('no samples')
  })
})

describe('open-loop load generator', () => {
  let server: http.Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  it('should launch every request on schedule without waiting for earlier answers', async () => {
    // The server answers nobody until all requests have arrived: a closed loop would stall on the first.
    const expected = 20
    const waiting: http.ServerResponse[] = []
    server = http.createServer((req, res) => {
      waiting.push(res)
      if (waiting.length === expected) for (const r of waiting) r.end('ok')
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const run = await runOpenLoop({
      rate: 200,
      durationSeconds: 0.1,
      timeoutMs: 5000,
      next: (i) => ({ label: i % 2 ? 'odd' : 'even', send: (signal) => fetch(`${url}/${i}`, { signal }) }),
    })
    expect(run.samples).toHaveLength(expected)
    expect(run.samples.map((s) => [s.index, s.status, s.error])).toEqual(Array.from({ length: expected }, (_, i) => [i, 200, null]))
    expect(run.samples.filter((s) => s.label === 'odd')).toHaveLength(expected / 2)
  })

  it('should count a refused request as an error, not drop it', async () => {
    server = http.createServer((req, res) => res.writeHead(req.url === '/1' ? 503 : 200).end())
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const run = await runOpenLoop({ rate: 100, durationSeconds: 0.03, next: (i) => ({ label: 'x', send: (signal) => fetch(`${url}/${i}`, { signal }) }) })
    expect(run.samples.map((s) => s.error)).toEqual([null, 'HTTP 503', null])
  })
})
