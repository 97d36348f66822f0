/**
 * Error answers. Arcoro publishes no error shape; the sandbox uses the standard OData error body
 * `{ error: { code, message } }` on every path (docs/vendors/exaktime.md §2.2, *unverified*).
 * @module
 */
export class SandboxError extends Error {
  override name = 'SandboxError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }

  body() {
    return { error: { code: this.code, message: this.message } }
  }
}

export const badRequest = (message: string) => new SandboxError(400, 'BadRequest', message)
export const notFound = (message: string) => new SandboxError(404, 'NotFound', message)
export const locked = (message: string) => new SandboxError(409, 'Locked', message)
