/**
 * Connections: list, read, connect, reconnect and force a sync, each one API call through the typed
 * client. Errors keep the server's message (it names bad fields and says what to do).
 * @module
 */
import { ApiError } from '../../shared/api/client'
import type { Messages, ForceSyncOutcome } from '../messaging/protocol'
import { apiBaseUrlItem } from '../storage/items'
import { withApi } from './with-api'
import { apiClient } from './api'
import { describeFailure } from './describe-failure'

type ConnectionMessage = Extract<keyof Messages, `connections:${string}`>
type ConnectionHandlers = { [T in ConnectionMessage]: (payload: Messages[T]['request']) => Promise<Messages[T]['response']> }

/** The server's cooldown is one minute; a 429 without Retry-After still gets a countdown. */
const FALLBACK_COOLDOWN_SECONDS = 60

export const connectionHandlers: ConnectionHandlers = {
  'connections:list': () => withApi((call) => call('listConnections')),

  'connections:get': ({ id }) => withApi((call) => call('getConnection', { params: { id } })),

  'connections:create': (body) => withApi((call) => call('createConnection', { body })),

  'connections:update': ({ id, patch }) => withApi((call) => call('updateConnection', { params: { id }, body: patch })),

  async 'connections:forceSync'({ id }): Promise<ForceSyncOutcome> {
    const baseUrl = await apiBaseUrlItem.getValue()
    try {
      const answer = await (await apiClient(baseUrl))('forceSync', { params: { id } })
      return { kind: 'accepted', ...answer }
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        return { kind: 'cooldown', message: err.message, retryAfterSeconds: err.retryAfterSeconds ?? FALLBACK_COOLDOWN_SECONDS }
      }
      throw new Error(describeFailure(err, baseUrl))
    }
  },
}
