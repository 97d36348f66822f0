/** Request bodies of the control API. */
import { z } from 'zod'
import { TICKET_ACTIONS } from '../tenant/transitions'
import { WORK_TICKET_STATUS_CODES } from '../tenant/work-ticket-status'

const count = z.number().int().min(0)

export const sizeSchema = z.union([
  z.enum(['empty', 'small', 'demo', 'large']),
  z.strictObject({
    branches: count.max(16),
    employees: count.max(5000),
    properties: count,
    opportunities: count,
    workTickets: count.max(50_000),
    timeEntries: count.max(2_000_000),
    catalogItems: count,
    days: count.max(730),
  }).partial(),
])

export const configSchema = z
  .strictObject({
    listEnvelope: z.enum(['array', 'value']),
    badCredentialsStatus: z.union([z.literal(401), z.literal(404)]),
    tokenLifetimeSeconds: z.number().int().positive(),
    refreshTokenLifetimeSeconds: z.number().int().positive(),
    scopes: z.array(z.string()).nullable(),
    rateLimit: z.union([z.enum(['off', 'sandbox', 'production']), z.strictObject({ perMinute: z.number().positive() })]),
    retryAfter: z.boolean(),
    statusNames: z.partialRecord(z.enum(WORK_TICKET_STATUS_CODES), z.string().min(1).max(100)),
    canceledSpelling: z.enum(['Canceled', 'Cancelled']),
    defaultPageSize: z.number().int().positive(),
    maxPageSize: z.number().int().positive(),
  })
  .partial()

export const createTenantSchema = z.strictObject({
  clientId: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  size: sizeSchema.optional(),
  timeZone: z.string().optional(),
  timeZoneNames: z.enum(['iana', 'windows']).optional(),
  branchZones: z.array(z.string().min(1)).max(16).optional(),
  anchorDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  config: configSchema.optional(),
  hostile: z.boolean().optional(),
})

const match = { path: z.string().startsWith('/').optional(), method: z.string().optional(), count: z.number().int().positive().optional() }

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status'), status: z.number().int().min(400).max(599), message: z.string().optional(), ...match }),
  z.strictObject({ kind: z.literal('html'), status: z.number().int().min(400).max(599).optional(), ...match }),
  z.strictObject({ kind: z.literal('delay'), ms: z.number().int().min(0).max(120_000), ...match }),
  z.strictObject({ kind: z.literal('truncate'), page: z.number().int().positive().optional(), keep: z.number().int().min(0).optional(), ...match }),
  z.strictObject({ kind: z.literal('lost-response'), mode: z.enum(['502', 'close']).optional(), ...match }),
])

export const clockSchema = z.strictObject({
  advanceMs: z.number().optional(),
  advanceSeconds: z.number().optional(),
  advanceMinutes: z.number().optional(),
  advanceHours: z.number().optional(),
  advanceDays: z.number().optional(),
  /** An ISO instant (with Z or offset) to set the tenant clock to. */
  set: z.iso.datetime({ offset: true }).optional(),
})

export const ticketActionSchema = z.enum(TICKET_ACTIONS)

export const ticketActionBodySchema = z.strictObject({ at: z.string().optional() })

export const payRateSchema = z.strictObject({
  ContactID: z.number().int().positive(),
  EffectiveDate: z.string(),
  HourlyBasePay: z.number().min(0).nullable(),
  BurdenPercent: z.number().min(0).optional(),
})

export const expireTokensSchema = z.strictObject({ refreshTokens: z.boolean().optional() })

export const recordValuesSchema = z.record(z.string(), z.unknown())
