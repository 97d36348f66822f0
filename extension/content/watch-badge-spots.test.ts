import { afterEach, describe, expect, it, vi } from 'vitest'
import { BADGE_MARKER, type BadgeSpot, watchBadgeSpots } from './watch-badge-spots'

const rowsIn = (root: ParentNode): BadgeSpot[] =>
  [...root.querySelectorAll('tr[data-id]')].map((row) => ({ element: row, id: row.getAttribute('data-id')!, anchor: row.firstElementChild!, append: 'last' }))

const addRow = (id: string) => {
  const tr = document.createElement('tr')
  tr.setAttribute('data-id', id)
  tr.append(document.createElement('td'))
  document.querySelector('tbody')!.append(tr)
  return tr
}

/** A fake badge: a <b> in the anchor, removed by the returned function. */
function fakeMount() {
  const live = new Map<string, number>()
  const mount = vi.fn(async (spot: BadgeSpot) => {
    const badge = Object.assign(document.createElement('b'), { className: 'badge', textContent: spot.id })
    spot.anchor.append(badge)
    live.set(spot.id, (live.get(spot.id) ?? 0) + 1)
    return () => {
      badge.remove()
      live.set(spot.id, live.get(spot.id)! - 1)
    }
  })
  return { mount, live }
}

const badgesIn = (row: Element) => row.querySelectorAll('.badge').length
const tick = () => new Promise((r) => setTimeout(r, 60))

describe('watchBadgeSpots', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should mount one badge per row, for rows rendered late, and never twice', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>'
    addRow('1')
    const stop = new AbortController()
    const { mount } = fakeMount()
    const added: string[][] = []
    const watch = watchBadgeSpots({ root: document.body, signal: stop.signal, find: () => rowsIn(document), mount, onAdded: (spots) => added.push(spots.map((s) => s.id)), intervalMs: 10 })
    await tick()
    expect(badgesIn(document.querySelector('tr[data-id="1"]')!)).toBe(1)

    addRow('2')
    addRow('3')
    await tick()
    expect([...document.querySelectorAll('tr')].map(badgesIn)).toEqual([1, 1, 1])
    // The two late rows arrived in one scan: one batch.
    expect(added).toEqual([['1'], ['2', '3']])

    watch.scan()
    watch.scan()
    document.querySelector('tbody')!.append(document.createElement('tr'))
    await tick()
    expect([...document.querySelectorAll('tr[data-id]')].map(badgesIn)).toEqual([1, 1, 1])
    expect(mount).toHaveBeenCalledTimes(3)
    expect(document.querySelector('tr[data-id="2"]')!.getAttribute(BADGE_MARKER)).toBe('2')
    stop.abort()
  })

  it('should replace the badge of a recycled row, drop the badges of removed rows, and remove all on leaving', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>'
    const [first, second] = [addRow('1'), addRow('2')]
    const stop = new AbortController()
    const { mount, live } = fakeMount()
    watchBadgeSpots({ root: document.body, signal: stop.signal, find: () => rowsIn(document), mount, intervalMs: 10 })
    await tick()

    // A virtualised list reuses the element for another ticket.
    first.setAttribute('data-id', '7')
    first.append(document.createElement('td'))
    await tick()
    expect(first.querySelector('.badge')!.textContent).toBe('7')
    expect(badgesIn(first)).toBe(1)
    expect(live.get('1')).toBe(0)

    second.remove()
    await tick()
    expect(live.get('2')).toBe(0)

    stop.abort()
    expect(document.querySelectorAll('.badge')).toHaveLength(0)
    expect(first.hasAttribute(BADGE_MARKER)).toBe(false)
    addRow('9')
    await tick()
    expect(mount).toHaveBeenCalledTimes(3)
  })

  it('should leave alone a row another copy of the script already badged, and drop a badge that lands after leaving', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>'
    addRow('1').setAttribute(BADGE_MARKER, '1')
    addRow('2')
    const stop = new AbortController()
    let finish: (remove: () => void) => void = () => {}
    const remove = vi.fn()
    const mount = vi.fn((_spot: BadgeSpot) => new Promise<() => void>((resolve) => (finish = resolve)))
    watchBadgeSpots({ root: document.body, signal: stop.signal, find: () => rowsIn(document), mount, intervalMs: 10 })
    expect(mount.mock.calls.map(([spot]) => spot.id)).toEqual(['2'])
    stop.abort()
    finish(remove)
    await tick()
    expect(remove).toHaveBeenCalledTimes(1)
  })

  describe('a spot the page has no place for', () => {
    afterEach(() => vi.useRealTimers())
    const watchFor = (missing: () => 'badge_anchor' | null, stop = new AbortController()) => {
      const onMiss = vi.fn()
      watchBadgeSpots({ root: document.body, signal: stop.signal, find: () => [], mount: fakeMount().mount, missing, onMiss, settleMs: 1000, intervalMs: 10 })
      return { onMiss, stop }
    }

    it('should be reported once, after the page has had its time to render', () => {
      vi.useFakeTimers()
      const missing = vi.fn((): 'badge_anchor' | null => 'badge_anchor')
      const { onMiss } = watchFor(missing)
      vi.advanceTimersByTime(999)
      expect(onMiss).not.toHaveBeenCalled()
      vi.advanceTimersByTime(5000)
      expect(onMiss.mock.calls).toEqual([['badge_anchor']])
      expect(missing).toHaveBeenCalledTimes(1)
    })

    it('should not be reported when the page had it by then, or was left first', () => {
      vi.useFakeTimers()
      const found = watchFor(() => null)
      const left = watchFor(() => 'badge_anchor')
      left.stop.abort()
      vi.advanceTimersByTime(5000)
      expect(found.onMiss).not.toHaveBeenCalled()
      expect(left.onMiss).not.toHaveBeenCalled()
    })
  })
})
