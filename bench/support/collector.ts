/**
 * A tiny HTTP server the probe worker reports to (see tools/dev/fan-out-probe.ts): each tick's binding
 * usage, and the body of every queue message the local queue delivered.
 * @module
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BindingUsage } from '../../tools/dev/binding-usage'

export interface TickReport {
  handlerMs: number
  usage: BindingUsage
  error: string | null
}

export interface Collector {
  url: string
  ticks: TickReport[]
  messages: Array<Record<string, unknown>>
  close(): Promise<void>
}

export async function startCollector(): Promise<Collector> {
  const ticks: TickReport[] = []
  const messages: Array<Record<string, unknown>> = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      try {
        if (req.url === '/tick') ticks.push(JSON.parse(body) as TickReport)
        else if (req.url === '/messages') messages.push(...(JSON.parse(body) as Array<Record<string, unknown>>))
        else return res.writeHead(404).end()
        res.writeHead(204).end()
      } catch (err) {
        res.writeHead(400).end((err as Error).message)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ticks,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
