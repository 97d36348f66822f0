import type { AspirePage, MountTarget } from './page-kind'
import { aspirePageRules } from './selectors'

/**
 * Where the panel goes on this screen. An inline spot that is missing (Aspire changed the page, or it has
 * not rendered) falls back to the dock, so the panel is never lost.
 */
export function findMountTarget(page: AspirePage, doc: Document): MountTarget {
  const mount = aspirePageRules.find((rule) => rule.kind === page.kind)?.mount
  if (mount?.layout === 'inline' && mount.selector) {
    const anchor = doc.querySelector(mount.selector)
    if (anchor) return { layout: 'inline', anchor, append: mount.append ?? 'before' }
  }
  return { layout: 'dock', anchor: doc.body, append: 'last' }
}
