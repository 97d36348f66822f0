/**
 * Sees, in the vendor's own page, the clicks that change data we sync: a person pressing "Complete" on an Aspire work
 * ticket, "Save" on a Buildertrend shift, "Approve" on ExakTime time. The rules are data in each vendor's
 * `selectors.ts`; this only matches clicks against them. A match is a hint for a page-triggered sync, never data:
 * a misread click costs one cheap sync cycle, which the backend rate-limits.
 *
 * - Only trusted events count: a page script's synthetic `click()` is not a person's action.
 * - Our own panels live in shadow roots: their clicks reach the page retargeted to the host element, which is no
 *   button, so they never match.
 * - The hint waits `delayMs` after the click (the vendor's own save must land before the backend re-reads it), and
 *   repeated clicks of one action inside that wait count once.
 * @module
 */

export interface PageActionRule<A extends string> {
  action: A
  /** The control's visible text (or its aria-label), whitespace collapsed. */
  text: RegExp
  /** Only on pages whose path matches, when given (e.g. "Save" only on the time clock). */
  path?: RegExp
  /**
   * Wording close to the action that `text` does not accept ("Completed", "Complete & close"): a click on it is
   * probably the action under words we did not expect, reported as a selector miss so the rule can be fixed.
   */
  near?: RegExp
}

export const PAGE_ACTION_DELAY_MS = 1500

const CONTROLS = 'button, [role="button"], [role="menuitem"], a[href], input[type="submit"], input[type="button"]'

/** What a person reads on the control; capped, since a "button" can wrap a whole card. */
function controlText(control: Element): string {
  const value = control instanceof HTMLInputElement ? control.value : ''
  const text = control.getAttribute('aria-label') || value || control.textContent || ''
  return text.replace(/\s+/g, ' ').trim().slice(0, 80)
}

export function matchPageAction<A extends string>(rules: readonly PageActionRule<A>[], target: EventTarget | null, path: string): A | null {
  return classifyClick(rules, target, path).action
}

/** The action a click is (`action`), or the one whose wording it nearly has (`near`); both null for other clicks. */
export function classifyClick<A extends string>(rules: readonly PageActionRule<A>[], target: EventTarget | null, path: string): { action: A | null; near: A | null } {
  const control = target instanceof Element ? target.closest(CONTROLS) : null
  if (!control) return { action: null, near: null }
  const text = controlText(control)
  const here = rules.filter((rule) => !rule.path || rule.path.test(path))
  const action = here.find((rule) => rule.text.test(text))?.action ?? null
  return { action, near: action ? null : (here.find((rule) => rule.near?.test(text))?.action ?? null) }
}

export function watchPageActions<A extends string>(options: {
  doc: Document
  signal: AbortSignal
  rules: readonly PageActionRule<A>[]
  onAction: (action: A) => void
  /** A trusted click on wording near an action's that its rule does not accept (a selector miss). */
  onNearMiss?: (action: A) => void
  delayMs?: number
}): void {
  const { doc, signal, rules, onAction, onNearMiss, delayMs = PAGE_ACTION_DELAY_MS } = options
  const waiting = new Map<A, ReturnType<typeof setTimeout>>()
  const onClick = (event: Event) => {
    if (!event.isTrusted) return
    const { action, near } = classifyClick(rules, event.target, doc.location?.pathname ?? '')
    if (near) onNearMiss?.(near)
    if (!action) return
    clearTimeout(waiting.get(action))
    waiting.set(
      action,
      setTimeout(() => {
        waiting.delete(action)
        onAction(action)
      }, delayMs),
    )
  }
  // Capture: the vendor's own handlers may stop the click from bubbling.
  doc.addEventListener('click', onClick, { capture: true, signal })
  signal.addEventListener('abort', () => waiting.forEach((timer) => clearTimeout(timer)), { once: true })
}
