/** Turns thrown errors into the sandbox's error answers (one place, as in the worker). */
import type { ErrorHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../api-error'
import { ODataError } from '../../shared/odata/odata-error'

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return c.json(err.body(), err.status as ContentfulStatusCode, err.headers)
  // ASP.NET OData prefixes every query option error this way.
  if (err instanceof ODataError) return c.json({ message: `The query specified in the URI is not valid. ${err.message}` }, 400)
  console.error('[aspire-sandbox]', err)
  return c.json({ message: 'An error has occurred.' }, 500)
}
