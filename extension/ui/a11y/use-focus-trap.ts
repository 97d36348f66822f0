/**
 * Keyboard handling for a dialog (#15): focus moves in when it opens, Tab and Shift+Tab stay inside it, Escape from
 * anywhere inside closes it, and focus goes back to what opened it when it closes. Works in a shadow root and in an
 * extension page alike (the active element is read from the dialog's own root, not only `document`).
 * @module
 */
import type { RefObject } from 'preact'
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** What Tab can reach inside `container`, in order. */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden && el.closest('[hidden], [inert]') === null)
}

function activeIn(node: Node): HTMLElement | null {
  const root = node.getRootNode() as Document | ShadowRoot
  const active = root.activeElement ?? document.activeElement
  return active instanceof HTMLElement ? active : null
}

export interface FocusTrapOptions {
  /** Closes the dialog; called on Escape. Omit it (or pass `canClose: false`) while closing must wait. */
  onEscape?: () => void
  canClose?: boolean
  /** Where focus goes first; otherwise the first focusable inside, or the dialog itself. */
  initial?: RefObject<HTMLElement | null>
}

/** Spread `onKeyDown` onto the dialog's element, whose ref is `container`. */
export function useFocusTrap(container: RefObject<HTMLElement | null>, { onEscape, canClose = true, initial }: FocusTrapOptions = {}) {
  const opener = useRef<HTMLElement | null>(null)
  // Layout effect: the opener still has focus here, before anything inside the dialog takes it.
  useLayoutEffect(() => {
    const el = container.current
    if (!el) return
    opener.current = activeIn(el)
    const first = initial?.current ?? focusables(el)[0]
    if (first) first.focus()
    else {
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1
      el.focus()
    }
    return () => {
      const back = opener.current
      // The opener may be gone (an approved row leaves the list): then focus stays where the page puts it.
      if (back?.isConnected) back.focus()
    }
  }, [])

  const escape = useRef(onEscape)
  escape.current = canClose ? onEscape : undefined
  useEffect(() => () => (escape.current = undefined), [])

  const onKeyDown = (event: KeyboardEvent) => {
    const el = container.current
    if (!el) return
    if (event.key === 'Escape') {
      event.stopPropagation()
      event.preventDefault()
      escape.current?.()
      return
    }
    if (event.key !== 'Tab') return
    const items = focusables(el)
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const first = items[0]!
    const last = items[items.length - 1]!
    const active = activeIn(el)
    if (event.shiftKey && (active === first || active === el || !el.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !el.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  }
  return { onKeyDown }
}
