/**
 * Serves a sandbox's fetch handler on a local port with Node, for tests and `npm start`.
 * @module
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

export interface ServedApp {
  url: string
  close(): Promise<void>
}

export function serveOnPort(fetch: (request: Request) => Response | Promise<Response>, options: { port?: number; hostname?: string } = {}): Promise<ServedApp> {
  const hostname = options.hostname ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections()
            server.close((err) => (err ? fail(err) : done()))
          }),
      })
    })
    server.once('error', reject)
  })
}
