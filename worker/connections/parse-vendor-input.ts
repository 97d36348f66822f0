import type { z } from 'zod'
import { ApiError } from '../http/api-error'

/** Validates the vendor-specific part of a request with the connector's own schema. */
export function parseVendorInput<T>(schema: z.ZodType<T>, value: unknown, what: 'credentials' | 'settings'): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const details = result.error.issues.map((i) => ({ path: [what, ...i.path].join('.'), message: i.message }))
  throw new ApiError('bad_request', `The ${what} are not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`, details)
}
