/**
 * An input that cannot be computed with, e.g. pool percentages that do not total 100%. The shape matches the API's
 * error `details` entries, so the API can return these as they are.
 */
export interface ValidationIssue {
  /** Where the bad value is, e.g. `pool.bucketsBp` or `timeEntries[3].seconds`. */
  readonly path: string
  readonly message: string
}

export interface IntegerBounds {
  readonly min?: number
  readonly max?: number
}

/** Checks a value is a safe integer within bounds, returning the issue to report or `null`. */
export function checkInteger(value: unknown, path: string, bounds: IntegerBounds = {}): ValidationIssue | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return { path, message: `${path} must be a whole number, got ${JSON.stringify(value)}` }
  }
  const { min, max } = bounds
  if (min !== undefined && value < min) return { path, message: `${path} must be at least ${min}, got ${value}` }
  if (max !== undefined && value > max) return { path, message: `${path} must be at most ${max}, got ${value}` }
  return null
}

/** Checks a value is a non-empty string (ids). */
export const checkId = (value: unknown, path: string): ValidationIssue | null =>
  typeof value === 'string' && value.length > 0 ? null : { path, message: `${path} must be a non-empty id` }

/** Keeps the issues that were found. */
export const found = (...issues: (ValidationIssue | null)[]): ValidationIssue[] =>
  issues.filter((issue): issue is ValidationIssue => issue !== null)
