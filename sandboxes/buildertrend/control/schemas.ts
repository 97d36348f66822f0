import { z } from 'zod'
import { EXPIRY_MODES, LOGIN_OUTCOMES, MODULES } from '../tenant/tenant'

const size = z.union([z.enum(['empty', 'small', 'demo', 'large']), z.object({ jobs: z.number().int().min(0).max(5000), users: z.number().int().min(0).max(1000), days: z.number().int().min(0).max(2000) })])

export const createTenantSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  builderName: z.string().min(1).optional(),
  size: size.optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  timeZone: z.string().optional(),
  loginOutcome: z.enum(LOGIN_OUTCOMES).optional(),
  loginDelayMs: z.number().int().min(0).max(60_000).optional(),
  captchaOnLogin: z.boolean().optional(),
  hostile: z.boolean().optional(),
})

export const patchTenantSchema = z.object({
  password: z.string().min(1).optional(),
  loginOutcome: z.enum(LOGIN_OUTCOMES).optional(),
  loginDelayMs: z.number().int().min(0).max(60_000).optional(),
  captchaOnLogin: z.boolean().optional(),
  /** A company renamed in Buildertrend keeps its builderId (#14: reconnect compares the id, not the name). */
  builderName: z.string().min(1).max(200).optional(),
})

/** The captcha switch: Auth0 answers every sign-in of the tenant `access_denied` while it is on. */
export const captchaSchema = z.object({ on: z.boolean() })

export const faultsSchema = z.object({
  unusedModules: z.array(z.enum(MODULES)).optional(),
  savedViewBlocksDateRange: z.boolean().optional(),
})

/** 0 = the next successful API answer re-issues the ticket; n = after n more. */
export const rotateSchema = z.object({ afterRequests: z.number().int().min(0).default(0) })

/** How the superseded tickets show their end (they expire by their own clock). */
export const expireSupersededSchema = z.object({ mode: z.enum(EXPIRY_MODES).default('redirect') })

export const expireSchema = z.object({
  mode: z.enum(EXPIRY_MODES),
  /** 0 = now; n = after n more API requests. */
  afterRequests: z.number().int().min(0).default(0),
})
