/** In-process helpers for the sandbox's node tests (no socket: `app.request`). */
import { createExakTimeSandbox } from '../sandbox'
import { KEY_HEADER } from '../api/guard'

export function harness(now?: () => number) {
  const sandbox = createExakTimeSandbox({ seedDemo: true, ...(now ? { now } : {}) })
  const control = async <T = any>(path: string, init: { method?: string; json?: unknown } = {}) => {
    const res = await sandbox.app.request(`/__control${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    })
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T }
  }
  const api = async <T = any>(path: string, key: string | null, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...init.headers }
    if (key) headers[KEY_HEADER] = key
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    const res = await sandbox.app.request(path, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T }
  }
  return { sandbox, control, api }
}

export const odata = (set: string, options: Record<string, string | number> = {}) =>
  `/odata/${set}?${new URLSearchParams(Object.entries(options).map(([k, v]): [string, string] => [k, String(v)]))}`
