import { useEffect } from 'preact/hooks'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ContentScriptContext } from 'wxt/utils/content-script-context'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { mountPanel, PANEL_MARKER } from './mount-panel'

const hosts = () => document.querySelectorAll('protiv-panel')
/** Preact runs effects, and (in Preact 11) their cleanups on unmount, after paint. */
const afterPaint = () => new Promise((resolve) => setTimeout(resolve, 50))

function Probe({ onUnmount }: { onUnmount: () => void }) {
  useEffect(() => onUnmount, [])
  return <p data-testid="probe">inside</p>
}

describe('mountPanel', () => {
  let ctx: ContentScriptContext
  beforeEach(() => {
    fakeBrowser.reset()
    ctx = new ContentScriptContext('test')
    document.body.innerHTML = '<main><section class="search-list"></section></main>'
  })
  afterEach(() => {
    ctx.notifyInvalidated()
    document.documentElement.removeAttribute(PANEL_MARKER)
  })

  it('should mount once in an open shadow root, refusing a second mount', async () => {
    const remove = await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <Probe onUnmount={() => {}} />)
    const again = await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <Probe onUnmount={() => {}} />)
    expect(remove).toBeTypeOf('function')
    expect(again).toBeNull()
    expect(hosts()).toHaveLength(1)
    expect(hosts()[0]!.shadowRoot?.querySelector('[data-testid=probe]')?.textContent).toBe('inside')
    expect(document.documentElement.getAttribute(PANEL_MARKER)).toBe('dock')
  })

  it('should mount inline before its anchor', async () => {
    const anchor = document.querySelector('.search-list')!
    await mountPanel(ctx, { layout: 'inline', anchor, append: 'before' }, <Probe onUnmount={() => {}} />)
    expect(anchor.previousElementSibling?.tagName).toBe('PROTIV-PANEL')
  })

  it('should unmount the Preact tree and clear the marker on removal, allowing the next page to mount', async () => {
    const onUnmount = vi.fn()
    const remove = await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <Probe onUnmount={onUnmount} />)
    await afterPaint()
    remove!()
    await afterPaint()
    expect(onUnmount).toHaveBeenCalledTimes(1)
    expect(hosts()).toHaveLength(0)
    expect(document.documentElement.hasAttribute(PANEL_MARKER)).toBe(false)
    expect(await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <Probe onUnmount={() => {}} />)).not.toBeNull()
  })

  it('should remove itself when the content script is invalidated', async () => {
    const onUnmount = vi.fn()
    await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <Probe onUnmount={onUnmount} />)
    await afterPaint()
    ctx.notifyInvalidated()
    await afterPaint()
    expect(onUnmount).toHaveBeenCalledTimes(1)
    expect(hosts()).toHaveLength(0)
  })

  it('should keep key presses in its inputs from reaching the page', async () => {
    const pageKeys = vi.fn()
    document.addEventListener('keydown', pageKeys)
    await mountPanel(ctx, { layout: 'dock', anchor: document.body, append: 'last' }, <input id="field" />)
    const input = hosts()[0]!.shadowRoot!.querySelector('#field')!
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true, composed: true }))
    document.removeEventListener('keydown', pageKeys)
    expect(pageKeys).not.toHaveBeenCalled()
  })
})
