/**
 * What every sandbox's `sandbox.ts` shares: its options, its shape (the in-memory state plus one Hono app)
 * and putting the two together with the control API under `/__control`. Platform-neutral (no Node).
 * @module
 */
import { Hono } from 'hono'

export interface SandboxOptions {
  /** The sandbox clock (epoch ms); tenants add their own offsets. Default Date.now. */
  now?: () => number
  /** Create the demo tenant `npm start` uses. */
  seedDemo?: boolean
}

/** A sandbox: its state (`Core`: tenants, clock …) and the app that serves it. */
export type SandboxApp<Core extends object> = Core & { app: Hono }

/** A Hono app of any env, as `app.route` mounts them (each sandbox types its own context variables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SubApp = Hono<any, any, any>

export interface SandboxParts<Core> {
  seedDemo?: boolean
  createDemoTenant(core: Core): unknown
  control(core: Core): SubApp
  /** The vendor's own endpoints, mounted at `/`. */
  api(core: Core): SubApp
}

export function assembleSandbox<Core extends object>(core: Core, parts: SandboxParts<Core>): SandboxApp<Core> {
  if (parts.seedDemo) parts.createDemoTenant(core)
  const app = new Hono()
  app.route('/__control', parts.control(core))
  app.route('/', parts.api(core))
  return { ...core, app }
}
