import { render } from 'preact'
import { describe, expect, it } from 'vitest'
import { BackendStatusLine } from './BackendStatusLine'

describe('BackendStatusLine', () => {
  it('should show the version when the backend is up', () => {
    const root = document.createElement('div')
    render(
      <BackendStatusLine
        status={{
          reachable: true,
          apiBaseUrl: 'http://127.0.0.1:8787',
          health: { ok: true, service: 'protiv-connect', version: '0.1.0', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null },
        }}
      />,
      root,
    )
    expect(root.textContent).toContain('Backend online · v0.1.0 · cron not run yet')
    expect(root.querySelector('[data-state="up"]')).not.toBeNull()
  })

  it('should render an error as text, never as HTML', () => {
    const root = document.createElement('div')
    render(<BackendStatusLine status={{ reachable: false, apiBaseUrl: 'x', error: '<img src=x onerror=alert(1)>' }} />, root)
    expect(root.querySelector('img')).toBeNull()
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>')
  })
})
