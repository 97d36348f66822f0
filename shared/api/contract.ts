/**
 * The API contract: every endpoint's method, path, request schemas and response schema. The worker
 * validates with these schemas and the extension's client is typed from them, so the two cannot drift.
 * @module
 */
import type { z } from 'zod'
import { CreateUserRequest, LoginRequest, LoginResponse, LogoutResponse, MeResponse, User, UserList } from './auth'
import { ConnectionList, ConnectionView, CreateConnectionRequest, ForceSyncResponse, RunList, UpdateConnectionRequest } from './connections'
import { HealthResponse } from './health'

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface Endpoint {
  method: Method
  /** Hono-style path; `:name` segments are path parameters. */
  path: string
  /** Whether a bearer token is required. */
  auth: boolean
  body?: z.ZodType
  query?: z.ZodType
  response: z.ZodType
}

const endpoint = <const E extends Endpoint>(e: E) => e

export const contract = {
  health: endpoint({ method: 'GET', path: '/health', auth: false, response: HealthResponse }),
  login: endpoint({ method: 'POST', path: '/api/v1/auth/login', auth: false, body: LoginRequest, response: LoginResponse }),
  logout: endpoint({ method: 'POST', path: '/api/v1/auth/logout', auth: true, response: LogoutResponse }),
  me: endpoint({ method: 'GET', path: '/api/v1/me', auth: true, response: MeResponse }),
  listUsers: endpoint({ method: 'GET', path: '/api/v1/users', auth: true, response: UserList }),
  getUser: endpoint({ method: 'GET', path: '/api/v1/users/:id', auth: true, response: User }),
  createUser: endpoint({ method: 'POST', path: '/api/v1/users', auth: true, body: CreateUserRequest, response: User }),
  listConnections: endpoint({ method: 'GET', path: '/api/v1/connections', auth: true, response: ConnectionList }),
  createConnection: endpoint({ method: 'POST', path: '/api/v1/connections', auth: true, body: CreateConnectionRequest, response: ConnectionView }),
  getConnection: endpoint({ method: 'GET', path: '/api/v1/connections/:id', auth: true, response: ConnectionView }),
  updateConnection: endpoint({ method: 'PATCH', path: '/api/v1/connections/:id', auth: true, body: UpdateConnectionRequest, response: ConnectionView }),
  deleteConnection: endpoint({ method: 'DELETE', path: '/api/v1/connections/:id', auth: true, response: LogoutResponse }),
  forceSync: endpoint({ method: 'POST', path: '/api/v1/connections/:id/sync', auth: true, response: ForceSyncResponse }),
  listRuns: endpoint({ method: 'GET', path: '/api/v1/connections/:id/runs', auth: true, response: RunList }),
} as const satisfies Record<string, Endpoint>

export type Contract = typeof contract
export type EndpointName = keyof Contract
