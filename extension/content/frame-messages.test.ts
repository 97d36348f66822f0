import { describe, expect, it } from 'vitest'
import { acceptFrameMessage, extensionOrigin, MAX_FRAME_HEIGHT } from './frame-messages'

const ORIGIN = 'chrome-extension://abcdefghijklmnop'

describe('messages from a Protiv frame', () => {
  // Windows stand in by identity, which is all the check compares (happy-dom loads no frame pages).
  const ours = {} as Window
  const frame = { contentWindow: ours } as HTMLIFrameElement
  const other = { contentWindow: {} as Window }

  it("should take the extension's origin from its root URL", () => {
    expect(extensionOrigin(`${ORIGIN}/`)).toBe(ORIGIN)
  })

  it('should accept a height and a close from our frame, at our origin', () => {
    expect(acceptFrameMessage({ source: ours, origin: ORIGIN, data: { protiv: 'height', height: 212.4 } }, frame, ORIGIN)).toEqual({ protiv: 'height', height: 213 })
    expect(acceptFrameMessage({ source: ours, origin: ORIGIN, data: { protiv: 'close' } }, frame, ORIGIN)).toEqual({ protiv: 'close' })
  })

  it.each([
    ['the page itself', { source: window, origin: 'https://cloud.youraspire.com' }],
    ["the page's own window, even at our origin", { source: window, origin: ORIGIN }],
    ['another frame of the page', { source: other.contentWindow, origin: ORIGIN }],
    ['our iframe navigated elsewhere by the page', { source: ours, origin: 'https://cloud.youraspire.com' }],
    ['another extension', { source: ours, origin: 'chrome-extension://someoneelse' }],
    ['no source', { source: null, origin: ORIGIN }],
  ])('should ignore a message from %s', (_what, from) => {
    expect(acceptFrameMessage({ ...from, data: { protiv: 'close' } }, frame, ORIGIN)).toBeNull()
    expect(acceptFrameMessage({ ...from, data: { protiv: 'height', height: 100 } }, frame, ORIGIN)).toBeNull()
  })

  it.each([
    ['no object', 'close'],
    ['null', null],
    ['an unknown kind', { protiv: 'navigate', to: 'https://evil.example' }],
    ['a height as text', { protiv: 'height', height: '100px' }],
    ['a negative height', { protiv: 'height', height: -5 }],
    ['an infinite height', { protiv: 'height', height: Infinity }],
    ['NaN', { protiv: 'height', height: Number.NaN }],
  ])('should ignore %s even from our frame', (_what, data) => {
    expect(acceptFrameMessage({ source: ours, origin: ORIGIN, data }, frame, ORIGIN)).toBeNull()
  })

  it('should cap a height, so a frame cannot cover the page with itself', () => {
    expect(acceptFrameMessage({ source: ours, origin: ORIGIN, data: { protiv: 'height', height: 1e9 } }, frame, ORIGIN)).toEqual({ protiv: 'height', height: MAX_FRAME_HEIGHT })
  })
})
