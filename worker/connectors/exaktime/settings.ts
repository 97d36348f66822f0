/**
 * What a connection to ExakTime holds: an Arcoro API key with the company's Company ID (docs/vendors/exaktime.md §12.5:
 * the key is the only way in any public source shows), and how time is imported.
 * @module
 */
import { z } from 'zod'
import { VendorBaseUrl } from '../vendor-base-url'
import { isValidTimeZone } from '../../util/zoned-time'
import { parseCompanyId } from './company-id'

/**
 * The Company ID is not sent anywhere (the key alone identifies the company at Arcoro's gateway): it names the
 * account in messages and matches the ExakTime page the connection was made from (`{companyId}.exaktime.com`).
 */
export type ExakTimeCredentials = { companyId: string; apiKey: string }

/**
 * An Arcoro API key (created in Arcoro's Hub; a read-only key is enough, we write nothing) and the Company ID.
 * Every missing or wrong field is reported at once. A username and password are refused with the reason:
 * ExakTime has no sign-in API other apps could use.
 */
export const ExakTimeCredentials: z.ZodType<ExakTimeCredentials> = z
  .object({
    apiKey: z.string().trim().max(500).optional(),
    companyId: z.string().max(300).optional(),
    username: z.unknown().optional(),
    password: z.unknown().optional(),
  })
  .transform((input, ctx): ExakTimeCredentials => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (!input.apiKey && (input.username !== undefined || input.password !== undefined)) {
      issue('apiKey', `${NO_PASSWORD_LOGIN} Enter an Arcoro API key instead (${CREATE_KEY}).`)
      return z.NEVER
    }
    const company = parseCompanyId(input.companyId ?? '')
    if (!company.ok) issue('companyId', company.message)
    if (!input.apiKey) issue('apiKey', `An Arcoro API key is required (${CREATE_KEY}).`)
    // It travels in a request header, which cannot carry control characters (the fetch would fail before sending,
    // and look like an outage). The key's real alphabet is unpublished: visible ASCII is *assumed* to cover it.
    else if (!KEY_CHARACTERS.test(input.apiKey)) issue('apiKey', 'An Arcoro API key has only letters, digits and symbols, with no spaces: copy it again from Hub (API keys).')
    if (!company.ok || !input.apiKey || !KEY_CHARACTERS.test(input.apiKey)) return z.NEVER
    return { companyId: company.companyId, apiKey: input.apiKey }
  })

const KEY_CHARACTERS = /^[\x21-\x7e]+$/

export const NO_PASSWORD_LOGIN = 'ExakTime no longer accepts a username and password from other apps.'
export const CREATE_KEY = "create one in Arcoro's Hub under API keys; a read-only key is enough"

/**
 * A connection stored before the API key became the only way in holds `{ companyId, username, password }`.
 * Stored credentials are not re-parsed when a sync starts, so each entry point asks this first and stops with
 * a relink (never a crash) when there is no key.
 */
export const hasApiKey = (c: unknown): c is ExakTimeCredentials => typeof c === 'object' && c !== null && typeof (c as { apiKey?: unknown }).apiKey === 'string' && !!(c as { apiKey: string }).apiKey

export const ARCORO_API_URL = 'https://api.arcoro.com'

const LaborBudget = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('percent_of_contract'), percent: z.number().gt(0).max(100) }),
  z.object({ basis: z.literal('hours'), hours: z.number().gt(0).max(100_000) }),
])

export const ExakTimeSettings = z.object({
  /** The go-live date: time worked before it is never imported (it skips test data). */
  syncStartDate: z.iso.date('syncStartDate must be a date like 2026-01-15'),
  /** Import time only once it is final (approved at `approvalLevel`, or its pay period closed). */
  finalizedOnly: z.boolean().default(true),
  /** Whether supervisor approval alone makes time final, or only a sign-off does (a per-company choice). */
  approvalLevel: z.enum(['supervisor', 'sign_off']).default('sign_off'),
  /** What a job is in this company: an ExakTime Location, or a first-class Arcoro Job. */
  jobSource: z.enum(['location', 'job']).default('location'),
  /** ExakTime has no budgets: the default labor budget of every job, from our product. */
  laborBudget: LaborBudget.optional(),
  /** Per job (our job id, e.g. `L201` or `J501`): its contract price and/or budgeted hours. */
  jobBudgets: z.record(z.string(), z.object({ contractPriceCents: z.number().int().min(0).optional(), hours: z.number().gt(0).optional() })).default({}),
  /** Days of time re-read every run, to catch late approvals, edits and deletions. */
  windowDays: z.number().int().min(7).max(120).default(35),
  /** The company's time zone for clock-in/out times; the organisation's when absent. */
  timeZone: z.string().refine(isValidTimeZone, 'timeZone must be an IANA time zone like America/Chicago').optional(),
  /** Development and tests only: a local ExakTime sandbox instead of Arcoro. */
  baseUrl: VendorBaseUrl,
  pageSize: z.number().int().min(1).max(1000).default(1000),
})
export type ExakTimeSettings = z.infer<typeof ExakTimeSettings>
