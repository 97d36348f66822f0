import { afterEach, describe, expect, it } from 'vitest'
import { renderInto, text, unmountAll } from '../../test-support/render'
import { PageContextLine } from './page-context-line'

describe('PageContextLine', () => {
  afterEach(unmountAll)

  it('should name the screen, its id and its title', () => {
    const root = renderInto(<PageContextLine page={{ kind: 'job', id: '2201', label: 'Job', title: 'Maple Court HOA - Spring Cleanup' }} />)
    expect(text(root, '[data-testid=panel-page]')).toBe('Job 2201 · Maple Court HOA - Spring Cleanup')
  })

  it("should render the vendor page's text as text only", () => {
    const root = renderInto(<PageContextLine page={{ kind: 'job', id: '1', label: 'Job', title: '<img src=x onerror=alert(1)>' }} />)
    expect(root.querySelector('img')).toBeNull()
    expect(text(root, '[data-testid=panel-page]')).toBe('Job 1 · <img src=x onerror=alert(1)>')
  })

  it('should say nothing on screens it has nothing to say about', () => {
    const root = renderInto(<PageContextLine page={{ kind: 'other', id: null, label: null, title: null }} />)
    expect(root.innerHTML).toBe('')
  })
})
