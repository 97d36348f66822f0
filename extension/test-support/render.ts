/**
 * Rendering Preact components in happy-dom for unit tests, and driving them like a person would.
 * @module
 */
import { render, type VNode } from 'preact'
import { act } from 'preact/test-utils'

const roots = new Set<HTMLElement>()

export function renderInto(vnode: VNode): HTMLElement {
  const root = document.createElement('div')
  document.body.append(root)
  roots.add(root)
  act(() => render(vnode, root))
  return root
}

/** Unmounts everything `renderInto` rendered, so no poller or ticking clock outlives its test. */
export function unmountAll() {
  for (const root of roots) act(() => render(null, root))
  roots.clear()
  document.body.innerHTML = ''
}

/** Lets pending messages, storage reads and re-renders finish. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

export async function type(input: Element | null, value: string) {
  if (!(input instanceof HTMLInputElement)) throw new Error('no such input')
  await act(() => {
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function submit(form: Element | null) {
  if (!form) throw new Error('no such form')
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  })
  await settle()
}

export async function click(button: Element | null) {
  if (!(button instanceof HTMLElement)) throw new Error('no such button')
  await act(() => button.click())
  await settle()
}

export const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? null
