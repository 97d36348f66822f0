/**
 * Looks into our closed shadow roots (the ProPay badges, #15) the way only a privileged observer can: through the
 * Chrome DevTools Protocol (`DOM.getDocument` with `pierce`, then `DOM.querySelectorAll` on the shadow root itself).
 * Page scripts have no such handle: `host.shadowRoot` is null to them. Playwright's CSS pierces open roots only, so
 * the hosts (in the page's DOM) are found with it, what is inside them with this.
 * @module
 */
import type { CDPSession, Page } from 'playwright-core'

interface DomNode {
  nodeId: number
  nodeType: number
  nodeName: string
  nodeValue: string
  attributes?: string[]
  children?: DomNode[]
  shadowRoots?: DomNode[]
  contentDocument?: DomNode
}

const sessions = new WeakMap<Page, Promise<CDPSession>>()
const session = (page: Page) => {
  let s = sessions.get(page)
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)))
  return s
}

const index = (node: DomNode, into = new Map<number, DomNode>()) => {
  into.set(node.nodeId, node)
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) index(child, into)
  return into
}
const textOf = (node: DomNode): string =>
  node.nodeType === 3 ? node.nodeValue : node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT' ? '' : (node.children ?? []).map(textOf).join('')
const attributesOf = (node: DomNode) => {
  const out: Record<string, string> = {}
  const flat = node.attributes ?? []
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!
  return out
}

export interface ClosedElement {
  attributes: Record<string, string>
  text: string
  nodeId: number
}

/** Every element matching `inner` inside the shadow roots of the hosts matching `host` (page CSS), in document order. */
export async function queryClosed(page: Page, host: string, inner: string): Promise<ClosedElement[]> {
  const cdp = await session(page)
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }
  const nodes = index(root)
  const { nodeIds: hosts } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host })
  const found: ClosedElement[] = []
  for (const hostId of hosts) {
    for (const shadow of nodes.get(hostId)?.shadowRoots ?? []) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector: inner })
      for (const id of nodeIds) {
        const node = nodes.get(id)
        if (node) found.push({ nodeId: id, attributes: attributesOf(node), text: textOf(node) })
      }
    }
  }
  return found
}

/** The modes of the shadow roots of the hosts matching `host`, as Chrome reports them ("closed", "open"). */
export async function shadowModes(page: Page, host: string): Promise<string[]> {
  const cdp = await session(page)
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }
  const nodes = index(root)
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host })
  return nodeIds.flatMap((id) => (nodes.get(id)?.shadowRoots ?? []).map((s) => (s as DomNode & { shadowRootType?: string }).shadowRootType ?? 'unknown'))
}

/**
 * A locator-like handle on the first element matching `inner` in the closed roots of `host`: read, wait, click (a
 * real mouse click at its centre, as a person's).
 */
export function closed(page: Page, host: string, inner: string) {
  const first = async () => (await queryClosed(page, host, inner))[0] ?? null
  const handle = {
    count: async () => (await queryClosed(page, host, inner)).length,
    getAttribute: async (name: string) => (await first())?.attributes[name] ?? null,
    textContent: async () => (await first())?.text ?? null,
    /** Waits until an element matches (default 30 s). */
    waitFor: async ({ timeout = 30_000 }: { timeout?: number } = {}) => {
      const deadline = Date.now() + timeout
      for (;;) {
        const element = await first()
        if (element) return element
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${inner} inside the closed roots of ${host}`)
        await page.waitForTimeout(100)
      }
    },
    click: async () => {
      const element = await handle.waitFor()
      const cdp = await session(page)
      await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: element.nodeId })
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: element.nodeId })
      const [x1, y1, , , x3, y3] = model.border
      await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2)
    },
    /** A handle on `deeper` inside the elements this one matches. */
    locator: (deeper: string) => closed(page, host, `${inner} ${deeper}`),
  }
  return handle
}
