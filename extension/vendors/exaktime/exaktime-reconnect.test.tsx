import { describe, expect, it, vi } from 'vitest'
import { aConnection, apiError, stubBackend, type FakeAnswer } from '../../test-support/connection'
import { renderInto, settle, submit, text, type } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { ExakTimeReconnect } from './exaktime-reconnect'

const field = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)
const onTimeCards = { kind: 'timecards', id: null, label: null, title: null, account: 'acme' }

async function renderForm(answer: FakeAnswer, page: typeof onTimeCards | null = onTimeCards) {
  const requests = stubBackend(() => answer)
  const onReconnected = vi.fn()
  const root = renderInto(<ExakTimeReconnect connectionId="conn_7" page={page} onReconnected={onReconnected} />)
  await settle()
  return { root, requests, onReconnected }
}

describe('ExakTimeReconnect', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://acme.exaktime.com/app/timecards'))

  it("should replace the key on the same connection, with the Company ID of the page, then forget the key", async () => {
    const fixed = aConnection({ id: 'conn_7', vendor: 'exaktime', status: 'pending' })
    const { root, requests, onReconnected } = await renderForm({ status: 200, body: fixed })
    expect(field(root, 'exaktime-reconnect-company-id')!.value).toBe('acme')
    expect(field(root, 'exaktime-reconnect-api-key')!.type).toBe('password')
    await type(field(root, 'exaktime-reconnect-api-key'), ' new-read-key ')
    await submit(root.querySelector('form'))
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/connections/conn_7', body: { credentials: { companyId: 'acme', apiKey: 'new-read-key' } } })
    expect(onReconnected).toHaveBeenCalledWith(fixed)
    expect(field(root, 'exaktime-reconnect-api-key')!.value).toBe('')
  })

  it('should ask for the Company ID off an ExakTime page', async () => {
    const { root } = await renderForm({ status: 200, body: aConnection() }, null)
    expect(field(root, 'exaktime-reconnect-company-id')!.value).toBe('')
    expect(field(root, 'exaktime-reconnect-company-id')!.required).toBe(true)
  })

  it("should show Arcoro's refusal of the new key as the backend gives it, and keep the connection as it was", async () => {
    const message = "Arcoro refused the ExakTime API key (it was deleted, expired or mistyped). Check it in Arcoro's Hub under API keys."
    const { root, onReconnected } = await renderForm(apiError(422, 'unprocessable', message))
    await type(field(root, 'exaktime-reconnect-api-key'), 'revoked-key')
    await submit(root.querySelector('form'))
    expect(text(root, '[data-testid=reconnect-error]')).toBe(message)
    expect(onReconnected).not.toHaveBeenCalled()
    expect(field(root, 'exaktime-reconnect-api-key')!.value).toBe('revoked-key')
  })
})
