import { apiBaseUrlItem } from '../storage/items'
import { apiClient } from './api'
import { describeFailure } from './describe-failure'

/**
 * Runs API calls with the stored backend address and token; any failure becomes an Error in words a person can act
 * on (the server's own message, or that the backend cannot be reached), which the router passes to the page.
 */
export async function withApi<T>(work: (call: Awaited<ReturnType<typeof apiClient>>) => Promise<T>): Promise<T> {
  const baseUrl = await apiBaseUrlItem.getValue()
  try {
    return await work(await apiClient(baseUrl))
  } catch (err) {
    throw new Error(describeFailure(err, baseUrl))
  }
}
