/**
 * What a connection to ExakTime holds: one of two ways to sign in (docs/vendors/exaktime.md §2), and how time is
 * imported.
 * @module
 */
import { z } from 'zod'
import { isValidTimeZone } from '../../util/zoned-time'
import { parseCompanyId } from './company-id'

export type ExakTimeCredentials = { apiKey: string } | { companyId: string; username: string; password: string }

/**
 * Either an Arcoro API key (created in Arcoro's Hub; a read-only key is enough), or the ExakTime Connect
 * sign-in: Company ID, username and password. Every missing or wrong field is reported at once.
 */
export const ExakTimeCredentials: z.ZodType<ExakTimeCredentials> = z
  .object({
    apiKey: z.string().trim().max(500).optional(),
    companyId: z.string().max(300).optional(),
    username: z.string().trim().max(300).optional(),
    password: z.string().max(500).optional(),
  })
  .transform((input, ctx): ExakTimeCredentials => {
    if (input.apiKey) return { apiKey: input.apiKey }
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (input.companyId === undefined && !input.username && !input.password) {
      issue('apiKey', 'Enter an Arcoro API key, or the Company ID, username and password you sign in to ExakTime Connect with')
      return z.NEVER
    }
    const company = parseCompanyId(input.companyId ?? '')
    if (!company.ok) issue('companyId', company.message)
    if (!input.username) issue('username', 'Username is required (the email you sign in to ExakTime Connect with)')
    if (!input.password) issue('password', 'Password is required')
    if (!company.ok || !input.username || !input.password) return z.NEVER
    return { companyId: company.companyId, username: input.username, password: input.password }
  })

export const usesApiKey = (c: ExakTimeCredentials): c is { apiKey: string } => 'apiKey' in c

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
  /** Development and tests only: a local ExakTime sandbox instead of Arcoro and exaktime.com. */
  baseUrl: z.url().optional(),
  pageSize: z.number().int().min(1).max(1000).default(1000),
})
export type ExakTimeSettings = z.infer<typeof ExakTimeSettings>
