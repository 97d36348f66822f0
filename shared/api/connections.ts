import { z } from 'zod'

/** Every vendor we connect to: the one list the API, the database and the tools derive theirs from. */
export const vendorNames = ['aspire', 'buildertrend', 'exaktime'] as const
export const Vendor = z.enum(vendorNames)
export type Vendor = z.infer<typeof Vendor>

export const ConnectionStatus = z.enum(['pending', 'syncing', 'ok', 'partial', 'failed', 'paused', 'relink_needed'])
export type ConnectionStatus = z.infer<typeof ConnectionStatus>

/**
 * What a connection signs in with, never the credentials themselves: what decides how it is reconnected. A password
 * (Buildertrend's website sign-in) can be typed again anywhere; a browser session (the cookies of the admin's signed-in
 * buildertrend.net tab, handed over by the extension, #14) only that signed-in tab can renew; an API key (Aspire's
 * Client ID and Secret, ExakTime's Arcoro key) is replaced by a new one from the vendor's admin screens.
 */
export const credentialKinds = ['password', 'browser_session', 'api_key'] as const
export const CredentialKind = z.enum(credentialKinds)
export type CredentialKind = z.infer<typeof CredentialKind>

export const CreateConnectionRequest = z.object({
  vendor: Vendor,
  /** Vendor-specific; checked by the vendor's connector, then encrypted. Never returned. */
  credentials: z.record(z.string(), z.unknown()),
  settings: z.record(z.string(), z.unknown()),
  frequencySeconds: z.number().int().min(60).max(86_400).optional(),
})
export type CreateConnectionRequest = z.input<typeof CreateConnectionRequest>

export const UpdateConnectionRequest = z
  .object({
    paused: z.boolean().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    frequencySeconds: z.number().int().min(60).max(86_400).optional(),
    credentials: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'send at least one of paused, settings, frequencySeconds, credentials')
export type UpdateConnectionRequest = z.input<typeof UpdateConnectionRequest>

export const StreamView = z.object({
  name: z.string(),
  label: z.string(),
  status: z.enum(['pending', 'syncing', 'ok', 'partial', 'failed']),
  /** What is happening, in words: "Backfilling", "Checking for changes", "Up to date". */
  phase: z.string(),
  recordsThisPass: z.number(),
  percent: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  added: z.number(),
  updated: z.number(),
  deleted: z.number(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Something the connector wants a person to know ("312 entries waiting for approval"). */
  notice: z.string().nullable(),
  /** What this data re-reads and how often, when not all of it every sync ("Every sync: …; once a day: …"). */
  cadence: z.string().nullable(),
})
export type StreamView = z.infer<typeof StreamView>

export const ConnectionView = z.object({
  id: z.string(),
  vendor: Vendor,
  accountLabel: z.string(),
  status: ConnectionStatus,
  /** The status in a sentence a person understands, with what to do about it. */
  statusText: z.string(),
  paused: z.boolean(),
  /** null only while the stored credentials cannot be read (they are then tried again on the next read). */
  credentialKind: CredentialKind.nullable(),
  settings: z.record(z.string(), z.unknown()),
  frequencySeconds: z.number(),
  firstSync: z.boolean(),
  percent: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  lastRunStartedAt: z.string().nullable(),
  lastRunFinishedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  forceSyncAvailableAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  streams: z.array(StreamView),
  createdAt: z.string(),
})
export type ConnectionView = z.infer<typeof ConnectionView>

export const ConnectionList = z.object({ connections: z.array(ConnectionView) })

export const RunView = z.object({
  id: z.string(),
  /** `page`: the extension saw, in the vendor's page, an action that changes data we use (page-triggered sync). */
  trigger: z.enum(['initial', 'cron', 'manual', 'page']),
  kind: z.enum(['backfill', 'incremental']),
  status: z.enum(['running', 'ok', 'partial', 'failed', 'relink_needed', 'canceled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  requests: z.number(),
  added: z.number(),
  updated: z.number(),
  deleted: z.number(),
  unchanged: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export const RunList = z.object({ runs: z.array(RunView) })

export const ForceSyncResponse = z.object({ started: z.boolean(), message: z.string(), connection: ConnectionView })

/**
 * The actions in a vendor's own page that change data we sync, as the extension recognises them. Only a hint: the
 * backend never takes data from the page; it re-reads the vendor at once.
 */
export const PAGE_SYNC_ACTIONS = {
  aspire: ['work_ticket_completed', 'time_changed', 'material_changed'],
  buildertrend: ['shift_changed'],
  exaktime: ['time_approved'],
} as const satisfies Record<Vendor, readonly string[]>

export const PageSyncAction = z.enum([...PAGE_SYNC_ACTIONS.aspire, ...PAGE_SYNC_ACTIONS.buildertrend, ...PAGE_SYNC_ACTIONS.exaktime])
export type PageSyncAction = z.infer<typeof PageSyncAction>

export const PageSyncRequest = z.object({
  action: PageSyncAction,
  /** The vendor's id of the record the action was on, as the page showed it (e.g. a WorkTicketID); for the run's log only. */
  recordId: z.string().trim().min(1).max(100).regex(/^[\w.:-]+$/, 'recordId: letters, digits and . _ : - only').optional(),
})
export type PageSyncRequest = z.input<typeof PageSyncRequest>

export const PageSyncResponse = z.object({
  /** A sync started for this action now. */
  started: z.boolean(),
  /** When not started now: the moment the sync for it runs (a run in progress is followed by another at once). */
  runsAt: z.string().nullable(),
  message: z.string(),
})
export type PageSyncResponse = z.infer<typeof PageSyncResponse>
