import { ApiError } from '../../shared/api/client'

/** The server's own message when it answered; otherwise what a person should check. */
export const describeFailure = (err: unknown, baseUrl: string) =>
  err instanceof ApiError ? err.message : `Cannot reach the Protiv backend at ${baseUrl}. Is it running?`
