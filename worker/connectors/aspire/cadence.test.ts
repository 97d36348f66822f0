import { describe, expect, it } from 'vitest'
import { aspireConnector } from './connector'

describe('Aspire cadence in the connection status', () => {
  it('should say for every stream what each sync reads and what only the hourly pass does', () => {
    const streams = aspireConnector.streams(aspireConnector.settingsSchema.parse({ syncStartDate: '2026-01-01' }))
    for (const stream of streams) expect(stream.cadence, stream.name).toMatch(/^Every sync: /)
    expect(streams.find((s) => s.name === 'WorkTicketTimes')!.cadence).toContain('Hourly: deletions over the last 35 days')
  })
})
