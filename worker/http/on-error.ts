import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ErrorBody } from '../../shared/api/errors'
import { ApiError } from './api-error'

/** The single place errors become `{ error: { code, message } }` answers. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value)
    const body: ErrorBody = { error: { code: err.code, message: err.message, details: err.details } }
    return c.json(body, err.status as 400)
  }
  if (err instanceof HTTPException && err.status < 500) {
    const message = /malformed json/i.test(err.message)
      ? 'The request body is not valid JSON: check for a missing quote, comma or brace.'
      : err.message || 'The request is not valid.'
    const body: ErrorBody = { error: { code: 'bad_request', message } }
    return c.json(body, err.status)
  }
  // Log the type and message only: request bodies may hold credentials.
  console.error(`unhandled ${err.name}: ${err.message}`)
  const body: ErrorBody = { error: { code: 'internal', message: 'Something went wrong on our side. Try again in a minute.' } }
  return c.json(body, 500)
}
