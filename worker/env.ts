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
}

/** Every message on the sync queue. */
export type QueueMessage = { kind: 'heartbeat'; sentAt: number } | import('./sync/queue-messages').SyncMessage

export type AppEnv = { Bindings: Env; Variables: { auth: import('./auth/session').AuthContext } }
