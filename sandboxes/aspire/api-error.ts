/**
 * An error answer of the sandbox. Aspire documents no error shape, so bodies are `{ message }` plus
 * `errors` (field → messages) for request validation, in the spirit of ASP.NET's problem details.
 * @module
 */

export type FieldErrors = Record<string, string[]>

export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly errors: FieldErrors | undefined
  readonly headers: Record<string, string>

  constructor(status: number, message: string, options: { errors?: FieldErrors; headers?: Record<string, string> } = {}) {
    super(message)
    this.status = status
    this.errors = options.errors
    this.headers = options.headers ?? {}
  }

  body(): { message: string; errors?: FieldErrors } {
    return this.errors ? { message: this.message, errors: this.errors } : { message: this.message }
  }
}

export const badRequest = (message: string, errors?: FieldErrors) => new ApiError(400, message, errors ? { errors } : {})

export const validationFailed = (errors: FieldErrors) => badRequest('One or more validation errors occurred.', errors)
