import { describe, expect, it } from 'vitest'
import { FaultBook } from './faults'

const GET = (path = '/WorkTickets', page?: number) => ({ method: 'GET', path, ...(page ? { page } : {}) })

describe('FaultBook', () => {
  it('should use a fault up after its count', () => {
    const book = new FaultBook()
    book.add({ kind: 'status', status: 500, count: 2 })
    expect(book.take('status', GET())?.status).toBe(500)
    expect(book.take('status', GET())?.status).toBe(500)
    expect(book.take('status', GET())).toBeUndefined()
  })

  it('should match path and method exactly when given', () => {
    const book = new FaultBook()
    book.add({ kind: 'status', status: 503, path: '/WorkTicketTimes', method: 'post' })
    expect(book.take('status', GET('/WorkTicketTimes'))).toBeUndefined()
    expect(book.take('status', GET('/WorkTickets'))).toBeUndefined()
    expect(book.take('status', { method: 'POST', path: '/WorkTicketTimes' })?.status).toBe(503)
  })

  it('should keep delays until cleared', () => {
    const book = new FaultBook()
    book.add({ kind: 'delay', ms: 5 })
    for (let i = 0; i < 5; i++) expect(book.take('delay', GET())?.ms).toBe(5)
    book.clear()
    expect(book.take('delay', GET())).toBeUndefined()
  })

  it('should truncate only the chosen page and lose only write responses', () => {
    const book = new FaultBook()
    book.add({ kind: 'truncate', page: 2 })
    book.add({ kind: 'lost-response' })
    expect(book.take('truncate', GET('/WorkTickets', 1))).toBeUndefined()
    expect(book.take('truncate', GET('/WorkTickets', 2))).toBeDefined()
    expect(book.take('lost-response', GET())).toBeUndefined()
    expect(book.take('lost-response', { method: 'POST', path: '/WorkTicketTimes' })).toBeDefined()
  })

  it('should list active faults with their remaining uses', () => {
    const book = new FaultBook()
    book.add({ kind: 'status', status: 429, count: 3 })
    book.take('status', GET())
    expect(book.list()).toEqual([{ id: 1, spec: { kind: 'status', status: 429, count: 3 }, remaining: 2 }])
  })
})
