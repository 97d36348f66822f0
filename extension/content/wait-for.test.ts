import { afterEach, describe, expect, it, vi } from 'vitest'
import { waitFor } from './wait-for'

const find = () => document.querySelector('#late')

describe('waitFor', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should resolve at once when the element is already there', async () => {
    document.body.innerHTML = '<p id="late"></p>'
    expect(await waitFor(document.body, find, new AbortController().signal, 1000)).toBe(document.querySelector('#late'))
  })

  it('should resolve when the element renders later', async () => {
    const waiting = waitFor(document.body, find, new AbortController().signal, 5000)
    setTimeout(() => document.body.append(Object.assign(document.createElement('p'), { id: 'late' })), 30)
    expect((await waiting)?.id).toBe('late')
  })

  it('should resolve null when the page is left, and stop looking', async () => {
    const leaving = new AbortController()
    const spy = vi.fn(find)
    const waiting = waitFor(document.body, spy, leaving.signal, 5000)
    leaving.abort()
    expect(await waiting).toBeNull()
    const calls = spy.mock.calls.length
    document.body.append(Object.assign(document.createElement('p'), { id: 'late' }))
    await new Promise((r) => setTimeout(r, 250))
    expect(spy.mock.calls.length).toBe(calls)
  })

  it('should resolve null after the timeout', async () => {
    expect(await waitFor(document.body, find, new AbortController().signal, 50)).toBeNull()
  })
})
