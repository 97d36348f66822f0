import { describe, expect, it, vi } from 'vitest'
import { followNavigation } from './follow-navigation'

/** A fake page: `show` mounts a marker element per page and can be held back to simulate late rendering. */
function setup(options: { holdShow?: boolean } = {}) {
  let navigate: (url: URL) => void = () => {}
  const script = new AbortController()
  const mounted: string[] = []
  const releases: Array<() => void> = []
  const show = vi.fn(async (url: URL, leaving: AbortSignal) => {
    if (options.holdShow) await new Promise<void>((resolve) => releases.push(resolve))
    if (leaving.aborted) return null
    mounted.push(url.pathname)
    return () => mounted.splice(mounted.indexOf(url.pathname), 1)
  })
  followNavigation({
    initialUrl: new URL('https://x.test/a'),
    onLocationChange: (listener) => (navigate = listener),
    pageKey: (url) => url.pathname,
    show,
    signal: script.signal,
  })
  const settle = () => new Promise((r) => setTimeout(r, 0))
  return { go: (path: string) => navigate(new URL(`https://x.test${path}`)), mounted, show, script, releases, settle }
}

describe('followNavigation', () => {
  it('should show the first page, then swap on navigation, one page at a time', async () => {
    const t = setup()
    await t.settle()
    expect(t.mounted).toEqual(['/a'])
    t.go('/b')
    await t.settle()
    expect(t.mounted).toEqual(['/b'])
  })

  it('should keep the page when the key does not change', async () => {
    const t = setup()
    await t.settle()
    t.go('/a?filter=open')
    t.go('/a')
    await t.settle()
    expect(t.show).toHaveBeenCalledTimes(1)
    expect(t.mounted).toEqual(['/a'])
  })

  it('should not mount a page that was left before it rendered', async () => {
    const t = setup({ holdShow: true })
    t.go('/b')
    t.releases.forEach((release) => release())
    await t.settle()
    expect(t.mounted).toEqual(['/b'])
    expect(t.show.mock.calls[0]![1].aborted).toBe(true)
  })

  it('should remove everything when the content script ends, and ignore later navigation', async () => {
    const t = setup()
    await t.settle()
    t.script.abort()
    expect(t.mounted).toEqual([])
    t.go('/c')
    await t.settle()
    expect(t.mounted).toEqual([])
  })
})
