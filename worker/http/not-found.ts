import type { NotFoundHandler } from 'hono'
import type { ErrorBody } from '../../shared/api/errors'

export const notFound: NotFoundHandler = (c) => {
  const body: ErrorBody = { error: { code: 'not_found', message: `There is no ${c.req.method} ${new URL(c.req.url).pathname}.` } }
  return c.json(body, 404)
}
