/** Bindings and vars of the Worker, as declared in wrangler.toml and .dev.vars. */
export interface Env {
  DB: D1Database
  SYNC_QUEUE: Queue<QueueMessage>
  /** base64 of 32 random bytes: the AES-256-GCM key for vendor credentials. A secret, never a var. */
  CREDENTIALS_KEY: string
  ENVIRONMENT: string
  /** Cloudflare Browser Rendering (wrangler.toml `[browser]`): Buildertrend's calls run in a real Chromium. */
  BROWSER?: Fetcher
  /** Operator's switch for Buildertrend's transport: `browser`, `fetch`, or unset (the adapter decides). */
  BT_TRANSPORT?: string
  /**
   * "true" lets connections carry a vendor `baseUrl` (a local sandbox): set by tools/dev/local-stack.ts for
   * `wrangler dev` and by the workerd tests, never in wrangler.toml (worker/connectors/vendor-base-url.ts).
   */
  ALLOW_VENDOR_BASE_URL?: string
  /** "true" logs where each sync step's time went (worker/sync/step-profile.ts): the ingest benchmark sets it. */
  SYNC_PROFILE?: string
}

/** Every message on the sync queue. */
export type QueueMessage = { kind: 'heartbeat'; sentAt: number } | import('./sync/queue-messages').SyncMessage | import('./sync/queue-messages').PageSyncKick

export type AppEnv = { Bindings: Env; Variables: { auth: import('./auth/session').AuthContext } }
