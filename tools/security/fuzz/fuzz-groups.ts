/**
 * The API fuzz is split into test files by the first path segment after `/api/v1`, so they run in parallel and each
 * stays within its time budget. `worker/security/api-fuzz.integration.test.ts` checks that the groups cover every route the app serves.
 * @module
 */
import { apiRoutes, type ApiRoute } from '../api-surface'

export const FUZZ_GROUPS = {
  'auth-and-users': ['health', 'auth', 'me', 'organization', 'users', 'employees', 'bonus-settings', 'diagnostics'],
  connections: ['connections'],
  propays: ['propays', 'review-queue'],
  'statements-and-jobs': ['statements', 'line-items', 'jobs', 'milestones'],
  'time-and-materials': ['time-entries', 'materials'],
} as const

export type FuzzGroup = keyof typeof FUZZ_GROUPS

/** `/health` → `health`, `/api/v1/propays/:id` → `propays`. */
export const segmentOf = (route: ApiRoute) => route.path.replace(/^\/api\/v1/, '').split('/')[1] ?? ''

export const routesOf = (group: FuzzGroup) => apiRoutes().filter((r) => (FUZZ_GROUPS[group] as readonly string[]).includes(segmentOf(r)))
