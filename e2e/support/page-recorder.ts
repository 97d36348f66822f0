/**
 * A hostile vendor-page script for e2e/hostile-page-script.e2e.test.ts (#15): installed with `addInitScript`, so it
 * runs in the page's main world before any of the page's or our content script's code, and records everything a page
 * script can reach: key and input events in the capture phase on window and document, every DOM mutation (text,
 * attributes, added nodes), the page's text every 100 ms, every element's `shadowRoot` (and every root it made open by
 * patching `attachShadow`), every iframe's document, and every `message` posted to the page's window.
 * @module
 */

export interface Recording {
  events: string[]
  mutations: string[]
  texts: string[]
  shadowRoots: string[]
  frames: string[]
  messages: string[]
  /** Elements whose `attachShadow` went through the page's patched version (forced open). */
  patchedRoots: string[]
}

/** Runs in the page (serialised by Playwright): no imports, no closures over test code. */
export function installRecorder() {
  // Playwright runs init scripts in child frames too; a vendor page's script never runs in our extension frame.
  if (location.protocol === 'chrome-extension:') return
  const rec: Recording = { events: [], mutations: [], texts: [], shadowRoots: [], frames: [], messages: [], patchedRoots: [] }
  const kept: ShadowRoot[] = []
  ;(window as unknown as { __recording: Recording }).__recording = rec
  const push = (list: string[], value: string) => list.at(-1) !== value && list.push(value)

  for (const target of [window, document]) {
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'change']) {
      target.addEventListener(
        type,
        (event) => {
          const e = event as KeyboardEvent & InputEvent
          const value = (e.target as HTMLInputElement | null)?.value ?? ''
          rec.events.push(`${type}:${e.key ?? ''}:${e.data ?? ''}:${value}`)
        },
        true,
      )
    }
  }
  window.addEventListener('message', (event) => rec.messages.push(JSON.stringify(event.data)), true)

  const attachShadow = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, { ...init, mode: 'open' })
    rec.patchedRoots.push(this.tagName)
    kept.push(root)
    return root
  }

  const observe = () =>
    new MutationObserver((records) => {
      for (const m of records) {
        if (m.type === 'characterData') rec.mutations.push((m.target as CharacterData).data)
        else if (m.type === 'attributes') rec.mutations.push(`${m.attributeName}=${(m.target as Element).getAttribute(m.attributeName!) ?? ''}`)
        else for (const node of m.addedNodes) rec.mutations.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''))
      }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true })
  if (document.documentElement) observe()
  else document.addEventListener('readystatechange', observe, { once: true })

  setInterval(() => {
    if (!document.body) return
    push(rec.texts, document.body.innerText)
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) push(rec.shadowRoots, `${el.tagName}:${el.shadowRoot.innerHTML}`)
      if (el instanceof HTMLIFrameElement) {
        try {
          const doc = el.contentDocument ?? el.contentWindow!.document
          push(rec.frames, `read:${doc.documentElement.outerHTML}`)
        } catch {
          push(rec.frames, 'threw')
        }
      }
    }
    for (const root of kept) push(rec.shadowRoots, `kept:${root.innerHTML}`)
  }, 100)
}

/** What the recorder holds now, for the test to search. */
export const readRecording = (page: { evaluate<T>(fn: () => T): Promise<T> }) =>
  page.evaluate(() => (window as unknown as { __recording: Recording }).__recording)
