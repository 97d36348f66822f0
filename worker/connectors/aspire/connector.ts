import type { Connector } from '../../sync/connector'
import { login } from './auth'
import { pushMaterial } from './push/material'
import { pushTimeEntry } from './push/time-entry'
import { baseUrlOf, listAspire } from './client'
import { AspireCredentials, AspireSettings } from './settings'
import { ASPIRE_CADENCE } from './cadence'
import { aspireStreams } from './streams'

/** Aspire, pull side: Client ID/Secret → bearer token, OData collections, every 2 minutes by default. */
export const aspireConnector: Connector<AspireCredentials, AspireSettings> = {
  vendor: 'aspire',
  // The published Protiv integration syncs about every 20 minutes; we poll every 2.
  defaultFrequencySeconds: 120,
  credentialsSchema: AspireCredentials,
  settingsSchema: AspireSettings,
  // The Client ID and Secret of an API application an admin created in Aspire.
  credentialKind: () => 'api_key',
  secrets: (c) => [c.clientId, c.secret],
  async verify(ctx) {
    await login(ctx.http, baseUrlOf(ctx.settings), ctx.credentials, ctx.now)
    // A key can be valid yet lack scopes; reading one row proves the basics before we save anything.
    await listAspire(ctx, '/Branches', { limit: 1, pageNumber: 1 })
    return { accountLabel: `Aspire API key …${ctx.credentials.clientId.slice(-4)}` }
  },
  streams: () => aspireStreams().map((stream) => ({ ...stream, cadence: ASPIRE_CADENCE[stream.name] })),
  // Two-way: time entries and materials created or changed here are written to Aspire.
  push: { time_entry: pushTimeEntry, material: pushMaterial },
}
