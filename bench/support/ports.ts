/**
 * A free local port for `wrangler dev`. Benchmarks stay in 8830–8860, away from `npm start` (8787,
 * 8801–8803) and the end-to-end tests (8799), and skip ports another run is using right now.
 * @module
 */
import net from 'node:net'

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

export async function freePort(from = 8830, to = 8860): Promise<number> {
  for (let port = from; port <= to; port++) if (await isFree(port)) return port
  throw new Error(`no free port in ${from}–${to}`)
}
