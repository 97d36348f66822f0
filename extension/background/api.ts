import { createApiClient } from '../../shared/api/client'
import { apiBaseUrlItem, sessionItem } from '../storage/items'

/** A client for the configured backend that signs requests with the stored token. */
export async function apiClient(baseUrl?: string) {
  return createApiClient({
    baseUrl: baseUrl ?? (await apiBaseUrlItem.getValue()),
    token: async () => (await sessionItem.getValue())?.token,
  })
}
