/**
 * Keeps one small UI on each matching element of a vendor's page — a badge per row of a list, or one next to a
 * screen's title — while the page re-renders under it: rows that render late or are added later get theirs, an
 * element never gets two (even from a second copy of the script: the element is marked), a recycled row showing
 * another record gets a fresh one, and everything is removed when `signal` aborts (leaving the page).
 * @module
 */
import type { SelectorMissKind } from '../../shared/api/diagnostics'
import { observeDom } from './observe-dom'

/** Set on an element that carries a badge, with the record id it shows. */
export const BADGE_MARKER = 'data-protiv-badge'

export interface BadgeSpot {
  /** The element the badge belongs to (a row, a title); one badge per element. */
  element: Element
  /** The vendor record it shows; a new id on the same element replaces the badge. */
  id: string
  /** Where the badge goes, relative to `anchor` (inside or next to `element`). */
  anchor: Element
  append: 'before' | 'after' | 'first' | 'last'
}

export interface BadgeSpotWatch {
  root: Node
  signal: AbortSignal
  /** Every spot on the page now. */
  find(): BadgeSpot[]
  /** Mounts the badge for a spot; resolves with how to remove it. */
  mount(spot: BadgeSpot): Promise<() => void>
  /** Called once per scan with the spots that just got a badge (to load their data in one batch). */
  onAdded?(spots: BadgeSpot[]): void
  intervalMs?: number
  /**
   * What the page lacks that a badge needed (no title to sit beside, rows whose id cannot be read), asked once when
   * the page has had `settleMs` to render; a kind found then goes to `onMiss` (a selector-miss report).
   */
  missing?(): SelectorMissKind | null
  onMiss?(kind: SelectorMissKind): void
  settleMs?: number
}

/** How long a rendered screen may take to show what the badges need before a miss is reported. */
export const BADGE_SETTLE_MS = 5000

export function watchBadgeSpots(watch: BadgeSpotWatch): { scan(): void } {
  const mounted = new Map<Element, { id: string; remove: (() => void) | null; dropped: boolean }>()

  const drop = (element: Element) => {
    const entry = mounted.get(element)
    if (!entry) return
    entry.dropped = true
    entry.remove?.()
    mounted.delete(element)
    if (element.getAttribute(BADGE_MARKER) === entry.id) element.removeAttribute(BADGE_MARKER)
  }

  const scan = () => {
    if (watch.signal.aborted) return
    for (const element of [...mounted.keys()]) if (!element.isConnected) drop(element)
    const added: BadgeSpot[] = []
    for (const spot of watch.find()) {
      const entry = mounted.get(spot.element)
      if (entry?.id === spot.id) continue
      if (entry) drop(spot.element)
      // Marked by someone else (another copy of the content script): theirs.
      else if (spot.element.hasAttribute(BADGE_MARKER)) continue
      spot.element.setAttribute(BADGE_MARKER, spot.id)
      const fresh = { id: spot.id, remove: null as (() => void) | null, dropped: false }
      mounted.set(spot.element, fresh)
      added.push(spot)
      watch.mount(spot).then(
        (remove) => {
          if (fresh.dropped || watch.signal.aborted) remove()
          else fresh.remove = remove
        },
        () => drop(spot.element),
      )
    }
    if (added.length) watch.onAdded?.(added)
  }

  if (!watch.signal.aborted) {
    scan()
    observeDom(watch.root, watch.signal, scan, watch.intervalMs)
    watch.signal.addEventListener('abort', () => [...mounted.keys()].forEach(drop), { once: true })
    const { missing, onMiss } = watch
    if (missing && onMiss) {
      const check = setTimeout(() => {
        const kind = watch.signal.aborted ? null : missing()
        if (kind) onMiss(kind)
      }, watch.settleMs ?? BADGE_SETTLE_MS)
      watch.signal.addEventListener('abort', () => clearTimeout(check), { once: true })
    }
  }
  return { scan }
}
