/**
 * Jobs and milestones as synced from the vendors, with their ProPays, budget against actual hours and the bonus
 * pool so far: what the extension's inline badges show. Admins and managers only.
 * @module
 */
import { z } from 'zod'
import { Vendor } from './connections'
import { ProPaySummary } from './propays'
import { ReviewFilterOptions } from './review-filters'

export const JobStatus = z.enum(['pending', 'in_progress', 'completed', 'canceled'])
export const MilestoneStatus = z.enum(['pending', 'scheduled', 'in_progress', 'pending_review', 'completed', 'canceled'])

const hours = {
  /** Budgeted person-hours in seconds, as synced; null when the vendor has none. */
  budgetSeconds: z.number().int().nullable(),
  /** Logged work time (drive time apart), in seconds. */
  actualSeconds: z.number().int(),
  driveSeconds: z.number().int(),
}

/** Material used against budgeted quantities, per catalog item; `percentComplete` null without a material budget. */
export const MaterialProgress = z.object({
  percentComplete: z.number().int().min(0).max(100).nullable(),
  lines: z.array(
    z.object({
      catalogItemExternalId: z.string(),
      name: z.string().nullable(),
      budgetedQuantity: z.number(),
      usedQuantity: z.number(),
      percent: z.number().int(),
    }),
  ),
})
export type MaterialProgress = z.infer<typeof MaterialProgress>

export const MilestoneView = z.object({
  id: z.string(),
  connectionId: z.string(),
  externalId: z.string(),
  jobExternalId: z.string().nullable(),
  number: z.string().nullable(),
  name: z.string(),
  /** As synced; `pending_review` = the vendor says the work is done. */
  status: MilestoneStatus,
  /** `completed` once its ProPay is approved or paid (review finished), else the synced status. */
  reviewStatus: MilestoneStatus,
  scheduledDate: z.string().nullable(),
  completedDate: z.string().nullable(),
  ...hours,
  /** The ProPay covering it: its own (recurring job) or the job's (non-recurring). */
  propay: ProPaySummary.nullable(),
  /** Production tracking from materials used against the budgeted quantities. */
  materials: MaterialProgress,
})
export type MilestoneView = z.infer<typeof MilestoneView>

export const JobView = z.object({
  id: z.string(),
  connectionId: z.string(),
  vendor: Vendor,
  externalId: z.string(),
  number: z.string().nullable(),
  name: z.string(),
  status: JobStatus,
  recurring: z.boolean(),
  ...hours,
  /** Σ of the bonus pools (workers' part of the savings) of its ProPays that are active, approved or paid. */
  bonusPoolCents: z.number().int(),
  propays: z.array(ProPaySummary),
})
export type JobView = z.infer<typeof JobView>

export const JobDetail = JobView.extend({ milestones: z.array(MilestoneView) })
export type JobDetail = z.infer<typeof JobDetail>

export const JobList = z.object({ jobs: z.array(JobView) })

const lookup = {
  vendor: Vendor.optional(),
  connectionId: z.string().min(1).max(100).optional(),
  /** The vendor's id, e.g. Aspire's OpportunityID (jobs) or WorkTicketID (milestones). */
  externalId: z.string().min(1).max(200).optional(),
}

export const JobListQuery = z.object({
  ...lookup,
  status: JobStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export type JobListQuery = z.input<typeof JobListQuery>

export const MilestoneLookupQuery = z
  .object(lookup)
  .refine((q) => q.externalId !== undefined, { message: 'externalId is required', path: ['externalId'] })
export type MilestoneLookupQuery = z.input<typeof MilestoneLookupQuery>

export const MilestoneLookup = z.object({
  milestones: z.array(z.object({ milestone: MilestoneView, job: JobView })),
})

/**
 * Badges for a vendor list screen, in one request: each vendor milestone id (an Aspire WorkTicketID) → what its
 * badge shows. Answered from stored ProPay results (the sync recomputes them when their inputs change).
 */
export const MilestoneBadgesRequest = z.object({
  vendor: Vendor,
  /** The ids on screen; duplicates are answered once. A list screen shows at most a few hundred rows. */
  externalIds: z.array(z.string().trim().min(1, 'an id is empty').max(64, 'an id is longer than 64 characters')).min(1, 'send at least one id').max(200, 'send at most 200 ids per request'),
})
export type MilestoneBadgesRequest = z.input<typeof MilestoneBadgesRequest>

export const MilestoneBadge = z.object({
  milestone: z.object({ externalId: z.string(), name: z.string() }),
  job: z.object({ id: z.string(), externalId: z.string(), name: z.string() }),
  /** The ProPay covering the milestone (its own on a recurring job, the job's otherwise); null: none yet. */
  propay: ProPaySummary.nullable(),
})
export type MilestoneBadge = z.infer<typeof MilestoneBadge>

/** Every requested id is a key; null means no synced milestone has that id (not synced yet, or not ours). */
export const MilestoneBadges = z.object({ badges: z.record(z.string(), MilestoneBadge.nullable()) })
export type MilestoneBadges = z.infer<typeof MilestoneBadges>

/** For managers: milestones waiting for bonus review, and ProPays that can be approved now. */
export const ReviewQueue = z.object({
  milestones: z.array(
    z.object({
      milestone: MilestoneView,
      job: z.object({
        id: z.string(),
        externalId: z.string(),
        name: z.string(),
        number: z.string().nullable(),
        vendor: Vendor,
        /** As on ProPay summaries: the job's branch, and its manager (the ProPay's when it has one). */
        branch: ProPaySummary.shape.branch,
        manager: ProPaySummary.shape.manager,
      }),
    }),
  ),
  readyToApprove: z.array(ProPaySummary),
  /** Every branch, job and manager in this queue, by name, for the review screen's filters. */
  filters: ReviewFilterOptions,
})

export type ReviewQueue = z.infer<typeof ReviewQueue>