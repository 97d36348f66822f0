import { describe, expect, it, vi } from 'vitest'
import { aConnection, apiError, stubBackend } from '../../../test-support/connection'
import { click, renderInto, settle } from '../../../test-support/render'
import { panelFrameIn } from '../../../test-support/sender'
import { signedInExtension } from '../../../test-support/signed-in'
import { PauseResumeButton } from './pause-resume'

describe('PauseResumeButton', () => {
  // From Buildertrend's panel, the vendor whose panel had no other use for connections:update.
  signedInExtension(() => panelFrameIn('https://buildertrend.net/app/TimeClock'))

  it('should pause a running connection and resume a paused one, handing the new state back', async () => {
    const requests = stubBackend((_, __, body) => ({ status: 200, body: aConnection({ id: 'c1', vendor: 'buildertrend', paused: (body as { paused: boolean }).paused, status: (body as { paused: boolean }).paused ? 'paused' : 'syncing' }) }))
    const onChanged = vi.fn()
    const root = renderInto(<PauseResumeButton connection={aConnection({ id: 'c1', vendor: 'buildertrend' })} onChanged={onChanged} />)
    expect(root.textContent).toBe('Pause syncing')
    await click(root.querySelector('button'))
    await settle()
    expect(requests).toMatchObject([{ method: 'PATCH', path: '/api/v1/connections/c1', body: { paused: true } }])
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ paused: true, status: 'paused' }))
    const paused = renderInto(<PauseResumeButton connection={aConnection({ id: 'c1', vendor: 'buildertrend', paused: true, status: 'paused' })} onChanged={onChanged} />)
    expect(paused.textContent).toBe('Resume syncing')
    await click(paused.querySelector('button'))
    await settle()
    expect(requests[1]).toMatchObject({ body: { paused: false } })
  })

  it("should show the API's refusal next to the button", async () => {
    stubBackend(() => apiError(403, 'forbidden', 'Only admins can pause a connection.'))
    const root = renderInto(<PauseResumeButton connection={aConnection({ id: 'c1' })} onChanged={() => undefined} />)
    await click(root.querySelector('button'))
    await settle()
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Only admins can pause a connection.')
  })
})
