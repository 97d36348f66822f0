/**
 * The review screen's filters (#15): by branch, job and manager. The queue carries the options (every branch, job
 * and manager that occurs in it, with names); the extension filters the queue it already holds with the same keys.
 * @module
 */
import { z } from 'zod'

export const FilterOption = z.object({ value: z.string(), label: z.string() })
export type FilterOption = z.infer<typeof FilterOption>

export const ReviewFilterOptions = z.object({
  branches: z.array(FilterOption),
  jobs: z.array(FilterOption),
  managers: z.array(FilterOption),
})
export type ReviewFilterOptions = z.infer<typeof ReviewFilterOptions>

interface Filterable {
  connectionId: string
  jobExternalId: string
  branch: { externalId: string } | null
  manager: { userId: string | null; workerId: string | null } | null
}

// Vendor ids mean something only within their connection, so every key but a user's names the connection.
export const branchKey = (f: Pick<Filterable, 'connectionId' | 'branch'>) => (f.branch ? `${f.connectionId}:${f.branch.externalId}` : null)
export const jobKey = (f: Pick<Filterable, 'connectionId' | 'jobExternalId'>) => `${f.connectionId}:${f.jobExternalId}`
export const managerKey = (f: Pick<Filterable, 'connectionId' | 'manager'>) =>
  f.manager?.userId ? `user:${f.manager.userId}` : f.manager?.workerId ? `worker:${f.connectionId}:${f.manager.workerId}` : null
