/**
 * zod validation for JSON bodies, queries and path parameters, with the contract's schemas. Failures
 * become 400 answers that name each bad field.
 * @module
 */
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { ApiError } from './api-error'

const describe = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }))

function check<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const details = describe(result.error.issues)
  const summary = details.map((d) => (d.path === '(root)' ? d.message : `${d.path}: ${d.message}`)).join('; ')
  throw new ApiError('bad_request', `The ${what} is not valid: ${summary}.`, details)
}

const isJson = (contentType: string | undefined) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? '')

/**
 * Validates a JSON body. Hono parses it first (malformed JSON becomes a 400 in `onError`); a missing
 * Content-Type would otherwise look like an empty body, so it gets its own message.
 */
export const json = <T extends z.ZodType>(schema: T) =>
  validator('json', (value, c) => {
    if (!isJson(c.req.header('content-type'))) {
      throw new ApiError('bad_request', 'Send the request body as JSON with the header Content-Type: application/json.')
    }
    return check(schema, value, 'request body') as z.output<T>
  })

export const query = <T extends z.ZodType>(schema: T) =>
  validator('query', (value) => check(schema, value, 'query string') as z.output<T>)

export const params = <T extends z.ZodType>(schema: T) =>
  validator('param', (value) => check(schema, value, 'path') as z.output<T>)
