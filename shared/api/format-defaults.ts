/**
 * The formatting an organisation gets until it chooses its own (#15). Apart from `organization.ts` (its zod
 * schemas) so the content scripts, which format badge figures, can read these two strings without bundling zod.
 * @module
 */
export const DEFAULT_LOCALE = 'en-US'
export const DEFAULT_CURRENCY = 'USD'
