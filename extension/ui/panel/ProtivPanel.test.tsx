import { describe, expect, it } from 'vitest'
import { stubBackend } from '../../test-support/connection'
import { click, renderInto, settle } from '../../test-support/render'
import { panelFrameIn } from '../../test-support/sender'
import { signedInExtension } from '../../test-support/signed-in'
import { collapsedPanelsItem } from '../../storage/items'
import { ProtivPanel } from './ProtivPanel'

const health = { ok: true, service: 'protiv-connect', version: '1', time: '', database: 'ok', lastCronAt: null, lastQueueAt: null }

describe('ProtivPanel', () => {
  signedInExtension(() => panelFrameIn('https://buildertrend.net/app/TimeClock'))

  it('should stay collapsed on the next page once collapsed, per vendor, and open again when expanded', async () => {
    stubBackend(() => ({ status: 200, body: health }))
    const first = renderInto(<ProtivPanel vendorName="Buildertrend" />)
    await settle()
    expect(first.querySelector('.body')).not.toBeNull()
    await click(first.querySelector('header button'))
    expect(first.querySelector('.body')).toBeNull()
    await settle()
    expect(await collapsedPanelsItem.getValue()).toEqual({ Buildertrend: true })

    // Another page load: collapsed from the start, never flashing open; another vendor's panel is not affected.
    const next = renderInto(<ProtivPanel vendorName="Buildertrend" />)
    expect(next.querySelector('.body')).toBeNull()
    await settle()
    expect(next.querySelector('.body')).toBeNull()
    expect(next.querySelector('header button')!.getAttribute('aria-expanded')).toBe('false')
    const other = renderInto(<ProtivPanel vendorName="Aspire" />)
    await settle()
    expect(other.querySelector('.body')).not.toBeNull()

    await click(next.querySelector('header button'))
    await settle()
    expect(next.querySelector('.body')).not.toBeNull()
    expect(await collapsedPanelsItem.getValue()).toEqual({ Buildertrend: false })
  })
})
