/**
 * Our badges mount in closed shadow roots (#15), so `host.shadowRoot` is null in tests as it is to page scripts. Tests
 * keep each root as it is attached (as only a privileged observer could) to look inside.
 * @module
 */
import { afterEach, beforeEach } from 'vitest'

const roots = new WeakMap<Element, ShadowRoot>()

/** Records every shadow root attached during each test of the calling file. */
export function keepClosedRoots() {
  let original: typeof Element.prototype.attachShadow
  beforeEach(() => {
    original = Element.prototype.attachShadow
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = original.call(this, init)
      roots.set(this, root)
      return root
    }
  })
  afterEach(() => {
    Element.prototype.attachShadow = original
  })
}

/** The (closed) shadow root of `host`, as attached. */
export const closedRoot = (host: Element | null | undefined): ShadowRoot | null => (host ? (roots.get(host) ?? null) : null)
