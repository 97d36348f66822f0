/**
 * Messages a Protiv frame (panel, breakdown) posts to the vendor page's window, where the content script listens. The
 * page can post to that window too, so a message counts only when it comes from our iframe's own window *and* from
 * the extension's origin: a page that navigated our iframe elsewhere, or posts itself, is ignored. Nothing secret
 * travels this way, only the frame's height and "close"; the frame's data comes from the background.
 * @module
 */

export type FrameMessage = { protiv: 'height'; height: number } | { protiv: 'close' }

/** Frames are never taller than this, whatever they say. */
export const MAX_FRAME_HEIGHT = 4000

/**
 * The extension's origin, e.g. `chrome-extension://<id>`, from `getURL('/')`. Spelled out from protocol and host:
 * `URL.origin` is "null" for schemes the URL standard does not know, outside Chrome.
 */
export const extensionOrigin = (rootUrl: string) => {
  const url = new URL(rootUrl)
  return `${url.protocol}//${url.host}`
}

/** The message, when `event` is one our frame sent; null for anything else. */
export function acceptFrameMessage(event: Pick<MessageEvent, 'source' | 'origin' | 'data'>, frame: HTMLIFrameElement, origin: string): FrameMessage | null {
  if (!frame.contentWindow || event.source !== frame.contentWindow || event.origin !== origin) return null
  const data: unknown = event.data
  if (typeof data !== 'object' || data === null) return null
  const { protiv, height } = data as { protiv?: unknown; height?: unknown }
  if (protiv === 'close') return { protiv: 'close' }
  if (protiv === 'height' && typeof height === 'number' && Number.isFinite(height) && height >= 0) {
    return { protiv: 'height', height: Math.min(Math.ceil(height), MAX_FRAME_HEIGHT) }
  }
  return null
}

/** Runs `onMessage` for each message our `frame` posts (see `acceptFrameMessage`), until `signal` aborts. */
export function listenToFrame(frame: HTMLIFrameElement, origin: string, signal: AbortSignal, onMessage: (message: FrameMessage) => void) {
  window.addEventListener(
    'message',
    (event) => {
      const message = acceptFrameMessage(event, frame, origin)
      if (message) onMessage(message)
    },
    { signal },
  )
}

/** Inline styles that the vendor page's own `!important` rules cannot override. */
export function setImportant(el: HTMLElement, styles: Record<string, string>) {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, 'important')
}
