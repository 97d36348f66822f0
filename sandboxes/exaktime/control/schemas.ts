/** Bodies of the control API. */
import { z } from 'zod'

const size = z.union([z.enum(['empty', 'small', 'demo', 'large']), z.object({ employees: z.number().int().min(0), locations: z.number().int().min(0), days: z.number().int().min(0) }).partial()])

export const ConfigPatch = z
  .object({
    rateLimitPerMinute: z.number().int().min(1).nullable(),
    retryAfterSeconds: z.number().min(0).nullable(),
    warehouse: z.enum(['nightly', 'live']),
    autoRefresh: z.boolean(),
  })
  .partial()

/** A key to create: its access, and the resources (sets or REST resources) it may not read. */
export const ApiKeyBody = z.object({ key: z.string().min(8).optional(), access: z.enum(['read', 'read_write']).default('read'), denied: z.array(z.string().min(1)).optional() })

export const CreateTenant = z.object({
  companyId: z.string().optional(),
  apiKeys: z.array(ApiKeyBody).optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  size: size.optional(),
  timeZone: z.string().optional(),
  jobSource: z.enum(['location', 'job']).optional(),
  config: ConfigPatch.optional(),
  hostile: z.boolean().optional(),
})

const wall = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'a local time like 2026-05-04T07:00:00')

export const RecordPatch = z
  .object({
    personId: z.number().int(),
    locationId: z.number().int(),
    jobId: z.number().int().nullable(),
    costCodeId: z.number().int(),
    workDate: z.iso.date(),
    timeIn: wall,
    timeOut: wall,
    regularHours: z.number().min(0),
    ot1Hours: z.number().min(0),
    ot2Hours: z.number().min(0),
  })
  .partial()

export const RecordPost = RecordPatch.extend({ personId: z.number().int(), workDate: z.iso.date() })

export const ApproveBody = z.object({
  level: z.enum(['Employee', 'Supervisor', 'SignOff']),
  from: z.iso.date(),
  to: z.iso.date(),
  personIds: z.array(z.number().int()).optional(),
  approvedBy: z.string().optional(),
})

export const ClockBody = z.object({ advanceMs: z.number().optional(), advanceHours: z.number().optional(), advanceDays: z.number().optional(), set: z.iso.datetime().optional() })

export const FaultBody = z.object({ status: z.number().int().min(400).max(599), html: z.boolean().optional(), path: z.string().optional(), count: z.number().int().min(1).optional() })
