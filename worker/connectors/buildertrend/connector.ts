/**
 * Buildertrend, pull side. No public API covers this data (docs/vendors/buildertrend.md §1): we sign in with the
 * admin's website username and password and read the web app's own JSON endpoints, re-reading a rolling window each
 * sync because nothing tells us what changed.
 * @module
 */
import type { Connector } from '../../sync/connector'
import { login } from './auth'
import { accountOf } from './account'
import { BuildertrendCredentials, BuildertrendSettings } from './settings'
import { budgetsStream } from './streams/budgets-stream'
import { jobsStream, milestonesStream } from './streams/jobs-stream'
import { timeClockStream } from './streams/time-clock-stream'

export const buildertrendConnector: Connector<BuildertrendCredentials, BuildertrendSettings> = {
  vendor: 'buildertrend',
  // The published integration syncs every 2 hours; a whole window is cheap enough every 15 minutes.
  defaultFrequencySeconds: 900,
  credentialsSchema: BuildertrendCredentials,
  settingsSchema: BuildertrendSettings,
  secrets: (c) => [c.username, c.password],
  async verify(ctx) {
    // A real sign-in (never a cached session), then the cheapest read that proves the session works.
    await login(ctx.http, ctx.settings, ctx.credentials)
    return { accountLabel: (await accountOf(ctx)).label }
  },
  streams: () => [jobsStream, milestonesStream, timeClockStream, budgetsStream],
}
