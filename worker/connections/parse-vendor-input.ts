import type { z } from 'zod'
import { ApiError } from '../http/api-error'

type Part<T> = { schema: z.ZodType<T>; value: unknown; what: 'credentials' | 'settings' }

/**
 * Validates the vendor-specific parts of a request with the connector's own schemas, reporting every bad
 * field of every part at once so a person fixes the form in one go.
 */
export function parseVendorInput<C, S>(credentials: Part<C>, settings: Part<S>): [C, S]
export function parseVendorInput<T>(part: Part<T>): [T]
export function parseVendorInput(...parts: Part<unknown>[]): unknown[] {
  const results = parts.map((p) => ({ part: p, result: p.schema.safeParse(p.value) }))
  const details = results.flatMap(({ part, result }) =>
    result.success ? [] : result.error.issues.map((i) => ({ path: [part.what, ...i.path].join('.'), message: i.message })),
  )
  if (details.length) {
    const what = [...new Set(results.filter((r) => !r.result.success).map((r) => r.part.what))].join(' and ')
    throw new ApiError('bad_request', `The ${what} are not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`, details)
  }
  return results.map((r) => (r.result as { data: unknown }).data)
}
