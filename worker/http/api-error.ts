import type { ErrorCode } from '../../shared/api/errors'

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  vendor_unavailable: 503,
  internal: 500,
}

/** An error meant for the caller: its message must tell a person what to do. */
export class ApiError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.status = statusOf[code]
  }
}
