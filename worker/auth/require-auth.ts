import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { findSession } from './session'

/** Every /api/v1 route but login: a valid bearer token, whose org then scopes every query. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) {
    throw new ApiError('unauthorized', 'Sign in first: send your token as "Authorization: Bearer <token>".', undefined, {
      'WWW-Authenticate': 'Bearer',
    })
  }
  const auth = await findSession(createDb(c.env.DB), match[1]!)
  if (!auth) {
    throw new ApiError('unauthorized', 'Your session has expired or was signed out. Sign in again.', undefined, {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    })
  }
  c.set('auth', auth)
  await next()
})
