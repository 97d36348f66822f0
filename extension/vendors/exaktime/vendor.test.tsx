import { describe, expect, it } from 'vitest'
import { aConnection, authAs, stubBackend } from '../../test-support/connection'
import { renderInto, settle, text } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { VendorConnection } from '../../ui/panel/features/vendor-connection'
import type { PageContext } from '../../ui/panel/page-context'

/** The screen the panel sits on, as describeExakTimePage gives it for acme.exaktime.com. */
const timeCards: PageContext = { kind: 'time-cards', id: null, label: 'Time cards', title: 'company acme', account: 'acme' }

const timeStream = {
  name: 'TimeRecords',
  label: 'Time records',
  status: 'ok' as const,
  phase: 'Up to date',
  recordsThisPass: 0,
  percent: null,
  etaSeconds: null,
  added: 120,
  updated: 0,
  deleted: 0,
  lastSuccessAt: null,
  lastError: null,
  notice: "160 entries waiting for approval (sign-off or a closed pay period); data as of 2026-05-01; ExakTime's warehouse refreshes nightly.",
  cadence: null,
}

describe('the ExakTime section of the panel', () => {
  // Sent as the vendor's content script does: the background answers it only what its panel needs.
  signedInExtension(() => panelFrameIn('https://acme.exaktime.com/app/timecards'))

  it('should offer an admin the ExakTime form (Company ID prefilled) when only other vendors are connected', async () => {
    stubBackend(() => ({ status: 200, body: { connections: [aConnection({ vendor: 'aspire' })] } }))
    const root = renderInto(<VendorConnection auth={authAs('admin', 'Acme Builders')} vendor="exaktime" page={timeCards} />)
    await settle()
    expect(root.querySelector('[data-testid=exaktime-connect]')).not.toBeNull()
    expect(root.querySelector<HTMLInputElement>('#exaktime-company-id')!.value).toBe('acme')
  })

  it('should show the ExakTime connection with its time notice, force sync and the nightly refresh hint', async () => {
    const connection = aConnection({ id: 'conn_x', vendor: 'exaktime', accountLabel: 'ExakTime acme', streams: [timeStream] })
    stubBackend((_m, path) => (path.endsWith('/connections') ? { status: 200, body: { connections: [aConnection(), connection] } } : { status: 200, body: connection }))
    const root = renderInto(<VendorConnection auth={authAs('manager', 'Acme Builders')} vendor="exaktime" page={timeCards} />)
    await settle()
    expect(root.querySelectorAll('[data-testid=sync-status]')).toHaveLength(1)
    expect(text(root, '[data-testid=sync-status] h3')).toContain('ExakTime · ExakTime acme')
    expect(text(root, '[data-stream=TimeRecords] .streams__notice')).toBe(timeStream.notice)
    expect(root.querySelector('[data-testid=force-sync]')).not.toBeNull()
    expect(text(root, '[data-testid=status-hint]')).toContain('refreshes nightly')
    expect(root.querySelector('[data-testid=exaktime-connect]')).toBeNull()
  })

  it('should tell a crew lead who can see the status, and not offer the form', async () => {
    const requests = stubBackend(() => ({ status: 200, body: { connections: [] } }))
    const root = renderInto(<VendorConnection auth={authAs('crew_lead', 'Acme Builders')} vendor="exaktime" page={timeCards} />)
    await settle()
    expect(text(root, '[data-testid=connection-hidden]')).toBe('ExakTime sync status is shown to admins and managers.')
    expect(requests).toHaveLength(0)
  })

  it('should point a manager to an admin when ExakTime is not connected', async () => {
    stubBackend(() => ({ status: 200, body: { connections: [] } }))
    const root = renderInto(<VendorConnection auth={authAs('manager', 'Acme Builders')} vendor="exaktime" page={timeCards} />)
    await settle()
    expect(text(root, '[data-testid=not-connected]')).toBe('ExakTime is not connected to Protiv yet. An admin of Acme Builders can connect it from this panel.')
    expect(root.querySelector('form')).toBeNull()
  })
})
