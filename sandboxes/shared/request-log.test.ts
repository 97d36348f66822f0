import { describe, expect, it } from 'vitest'
import { RequestLog } from './request-log'

const request = (path: string) => ({ at: '2026-01-01T00:00:00.000Z', method: 'GET', path, status: 200 })

describe('request log', () => {
  it('should number entries and return those after a sequence number', () => {
    const log = new RequestLog<{ fault?: string }>()
    log.add(request('/a'))
    log.add({ ...request('/b'), fault: 'throttle' })
    expect(log.since(1)).toEqual([{ seq: 2, ...request('/b'), fault: 'throttle' }])
    expect(log.total).toBe(2)
  })

  it('should keep only the newest entries past its bound but keep counting', () => {
    const log = new RequestLog(2)
    for (const path of ['/1', '/2', '/3']) log.add(request(path))
    expect(log.since().map((e) => e.path)).toEqual(['/2', '/3'])
    expect(log.total).toBe(3)
    log.clear()
    expect([log.since(), log.total]).toEqual([[], 0])
  })
})
