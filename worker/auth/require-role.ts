import { createMiddleware } from 'hono/factory'
import type { Role } from '../../shared/api/auth'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'

const label: Record<Role, string> = { admin: 'an admin', manager: 'a manager', crew_lead: 'a crew lead', worker: 'a worker' }

/** Allows only the listed roles; everyone else gets 403 naming who may do it. */
export const requireRole = (...allowed: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!allowed.includes(c.get('auth').role)) {
      const who = allowed.map((r) => label[r]).join(' or ')
      throw new ApiError('forbidden', `Only ${who} can do this.`)
    }
    await next()
  })
