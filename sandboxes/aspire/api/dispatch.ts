/**
 * Routes a request the way ASP.NET would: a path unknown to the OpenAPI document is 404, a known path
 * with a verb it lacks is 405 (with Allow), then the bearer is checked, then the simulated operation runs.
 * Operations that exist in Aspire but are not simulated answer 501 so that a connector starting to use
 * one fails loudly instead of seeing fake data.
 * @module
 */
import type { Context, Handler } from 'hono'
import { ApiError } from '../api-error'
import { ENTITY_SET_NAMES } from '../entities'
import type { SandboxCore } from '../sandbox-core'
import { matchSpecPath, type HttpMethod } from '../spec/paths'
import type { Tenant } from '../tenant/tenant'
import { authenticate } from './authenticate'
import { authorize, refresh } from './authorization'
import type { SandboxEnv } from './env'
import { listEntities } from './list'
import { markWorkTicketAsReviewed, postClockTime, postItemAllocation, postPayRate, postWorkTicketTime, putItemAllocation, putPayRate } from './writes'

type Operation =
  | { anonymous: true; handle: (c: Context<SandboxEnv>, core: SandboxCore) => Response | Promise<Response> }
  | { anonymous?: false; handle: (c: Context<SandboxEnv>, tenant: Tenant) => Response | Promise<Response> }

const OPERATIONS = new Map<string, Operation>([
  ['POST /Authorization', { anonymous: true, handle: authorize }],
  ['POST /Authorization/RefreshToken', { anonymous: true, handle: refresh }],
  ['GET /Version/GetApiVersion', { anonymous: true, handle: (c) => c.json('1.0') }],
  ...ENTITY_SET_NAMES.map((set): [string, Operation] => [`GET /${set}`, { handle: (c, tenant) => listEntities(c, tenant, set) }]),
  ['POST /WorkTicketTimes', { handle: postWorkTicketTime }],
  ['POST /ItemAllocations', { handle: postItemAllocation }],
  ['PUT /ItemAllocations', { handle: putItemAllocation }],
  ['POST /PayRates', { handle: postPayRate }],
  ['PUT /PayRates', { handle: putPayRate }],
  ['POST /ClockTimes', { handle: postClockTime }],
  ['POST /WorkTicketStatus/MarkWorkTicketAsReviewed', { handle: markWorkTicketAsReviewed }],
])

const SUPPORTED_API_VERSIONS = new Set(['1', '1.0'])
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i

export const dispatch =
  (core: SandboxCore): Handler<SandboxEnv> =>
  async (c) => {
    const spec = matchSpecPath(c.req.path)
    if (!spec) throw new ApiError(404, `No HTTP resource was found that matches the request URI '${c.req.path}'.`)
    const method = c.req.method as HttpMethod
    if (!spec.methods.includes(method)) {
      throw new ApiError(405, `The requested resource does not support http method '${c.req.method}'.`, { headers: { Allow: spec.methods.join(', ') } })
    }
    const version = c.req.query('api-version') ?? c.req.header('api-version')
    if (version !== undefined && !SUPPORTED_API_VERSIONS.has(version)) {
      throw new ApiError(400, `The HTTP resource that matches the request URI does not support the API version '${version}'.`)
    }
    // ASP.NET binds [FromBody] only from JSON; a body sent as anything else is 415 before auth.
    if ((method === 'POST' || method === 'PUT') && !JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      throw new ApiError(415, 'Unsupported Media Type: send the body as application/json.')
    }
    const operation = OPERATIONS.get(`${method} ${spec.template}`)
    if (operation?.anonymous) return operation.handle(c, core)
    const tenant = authenticate(c, spec.template.split('/')[1]!)
    if (!operation) throw new ApiError(501, `The Aspire sandbox does not simulate ${method} ${spec.template}.`)
    return operation.handle(c, tenant)
  }
