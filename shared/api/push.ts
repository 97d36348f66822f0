import { z } from 'zod'

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with a time zone, like 2026-06-12T07:00:00-05:00' })

export const CreateTimeEntryRequest = z.object({
  connectionId: z.string().min(1),
  workerExternalId: z.string().min(1, 'workerExternalId is required'),
  milestoneExternalId: z.string().min(1, 'milestoneExternalId is required'),
  startAt: instant,
  endAt: instant,
  routeExternalId: z.string().min(1).optional(),
})
export type CreateTimeEntryRequest = z.input<typeof CreateTimeEntryRequest>

export const PushState = z.enum(['pending', 'sending', 'pushed', 'failed', 'conflict'])

export const PushRecordView = z.object({
  id: z.string(),
  connectionId: z.string(),
  kind: z.enum(['time_entry', 'material']),
  operation: z.enum(['create', 'update']),
  state: PushState,
  /** In words: "Waiting to be sent", "In Aspire", "Aspire refused it: …". */
  stateText: z.string(),
  vendorExternalId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  pushedAt: z.string().nullable(),
})
export type PushRecordView = z.infer<typeof PushRecordView>
export const PushRecordList = z.object({ pushes: z.array(PushRecordView) })

export const TimeEntryView = z.object({
  id: z.string(),
  source: z.enum(['vendor', 'protiv']),
  connectionId: z.string(),
  externalId: z.string().nullable(),
  workerExternalId: z.string().nullable(),
  milestoneExternalId: z.string().nullable(),
  workDate: z.string().nullable(),
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  durationSeconds: z.number(),
  /** The Protiv record this entry came from, when it was created here. */
  pushRecordId: z.string().nullable(),
  pushState: PushState.nullable(),
})
export const TimeEntryList = z.object({
  timeEntries: z.array(TimeEntryView),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
})

const workDay = (name: string) => z.iso.date(`${name} must be a work date like 2026-06-12`)

/** Pages through the synced entries by work date (oldest first); records not yet in the vendor come with the first page. */
export const TimeEntryQuery = z
  .object({
    connectionId: z.string().min(1),
    milestoneExternalId: z.string().optional(),
    workerExternalId: z.string().optional(),
    /** Work dates from and to, inclusive. */
    from: workDay('from').optional(),
    to: workDay('to').optional(),
    limit: z.coerce.number('limit must be a number').int('limit must be a whole number').min(1, 'limit must be at least 1').max(1000, 'limit may be at most 1000').optional(),
    cursor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}~[\w-]{1,100}$/, 'cursor must be the nextCursor of a previous page')
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must be on or before to', path: ['from'] })
export type TimeEntryQuery = z.input<typeof TimeEntryQuery>

export const CreateMaterialRequest = z.object({
  connectionId: z.string().min(1),
  milestoneExternalId: z.string().min(1),
  catalogItemExternalId: z.string().min(1),
  inventoryLocationExternalId: z.string().min(1),
  quantity: z.number().positive('quantity must be more than 0').max(1_000_000),
  allocationDate: z.iso.date('allocationDate must be a date like 2026-06-12'),
})
export type CreateMaterialRequest = z.input<typeof CreateMaterialRequest>

export const UpdateMaterialRequest = z
  .object({
    quantity: z.number().min(0, 'quantity cannot be negative').max(1_000_000).optional(),
    inventoryLocationExternalId: z.string().min(1).optional(),
  })
  .refine((v) => v.quantity !== undefined || v.inventoryLocationExternalId !== undefined, 'send quantity or inventoryLocationExternalId')

export const ConflictView = z.object({
  id: z.string(),
  kind: z.enum(['time_entry', 'material']),
  vendorExternalId: z.string().nullable(),
  pushRecordId: z.string(),
  ours: z.record(z.string(), z.unknown()),
  theirs: z.record(z.string(), z.unknown()).nullable(),
  resolution: z.string(),
  createdAt: z.string(),
})
export const ConflictList = z.object({ conflicts: z.array(ConflictView) })
