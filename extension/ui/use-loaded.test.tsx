import { afterEach, describe, expect, it } from 'vitest'
import { click, renderInto, settle, text, unmountAll } from '../test-support/render'
import { useLoaded } from './use-loaded'

function View({ load }: { load: () => Promise<string> }) {
  const { loaded, reload } = useLoaded(load)
  const s = loaded.value
  return (
    <div>
      <p data-testid="out">{s.state === 'ready' ? s.value : s.state === 'error' ? `error: ${s.error}` : 'loading'}</p>
      <button type="button" onClick={() => void reload()}>
        Reload
      </button>
    </div>
  )
}

describe('useLoaded', () => {
  afterEach(() => unmountAll())

  it('should show loading, then the answer, and read again on reload with the latest loader', async () => {
    let n = 0
    const root = renderInto(<View load={async () => `answer ${++n}`} />)
    expect(text(root, '[data-testid=out]')).toBe('loading')
    await settle()
    expect(text(root, '[data-testid=out]')).toBe('answer 1')
    await click(root.querySelector('button'))
    expect(text(root, '[data-testid=out]')).toBe('answer 2')
  })

  it('should show a failure’s message', async () => {
    const root = renderInto(<View load={() => Promise.reject(new Error('The backend is down.'))} />)
    await settle()
    expect(text(root, '[data-testid=out]')).toBe('error: The backend is down.')
  })
})
