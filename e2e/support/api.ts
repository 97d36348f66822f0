/** What a test sends to the worker's API: the method (GET by default), a JSON body, and another user's token. */
export interface ApiInit {
  method?: string
  json?: unknown
  /** Calls as someone else; the stack's demo admin by default. */
  token?: string
}

/**
 * Calls the worker's API directly, to set up state or to compare what the extension shows with what the API says.
 * Throws with the status and body on anything but 2xx, so a failed setup step names itself.
 */
export const apiClient =
  (baseUrl: () => string, defaultToken: () => Promise<string>) =>
  async <T>(path: string, init: ApiInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${init.token ?? (await defaultToken())}` },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }
