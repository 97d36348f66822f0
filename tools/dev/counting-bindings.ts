/**
 * D1 and Queue bindings that count what passes through them, for benchmarks only (see fan-out-probe.ts):
 * how many statements, batches and messages a handler used, without touching the handler's code.
 * @module
 */
import type { BindingUsage } from './binding-usage'

export { emptyUsage } from './binding-usage'

const RUNS = new Set(['first', 'run', 'all', 'raw'])

/** Native methods must be called on the real object, not on the proxy. */
const passThrough = (target: object, prop: string | symbol) => {
  const value: unknown = Reflect.get(target, prop, target)
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
}

export function countingD1(db: D1Database, usage: BindingUsage): D1Database {
  // `batch()` wants the real statements: each proxy remembers the one it stands for.
  const real = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values))
        if (typeof prop === 'string' && RUNS.has(prop)) {
          const run = passThrough(target, prop) as (...args: unknown[]) => unknown
          return (...args: unknown[]) => {
            usage.d1Statements++
            return run(...args)
          }
        }
        return passThrough(target, prop)
      },
    })
    real.set(proxy, statement)
    return proxy
  }
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query))
      if (prop === 'batch')
        return (statements: D1PreparedStatement[]) => {
          usage.d1Batches++
          usage.d1BatchedStatements += statements.length
          return target.batch(statements.map((s) => real.get(s) ?? s))
        }
      if (prop === 'exec')
        return (query: string) => {
          usage.d1Exec++
          return target.exec(query)
        }
      return passThrough(target, prop)
    },
  })
}

const countKind = (usage: BindingUsage, body: unknown) => {
  const kind = typeof body === 'object' && body !== null && 'kind' in body ? String(body.kind) : 'other'
  usage.messagesByKind[kind] = (usage.messagesByKind[kind] ?? 0) + 1
}

export function countingQueue<T>(queue: Queue<T>, usage: BindingUsage): Queue<T> {
  return new Proxy(queue, {
    get(target, prop) {
      if (prop === 'send')
        return (body: T, options?: QueueSendOptions) => {
          usage.queueSends++
          usage.messages++
          countKind(usage, body)
          return target.send(body, options)
        }
      if (prop === 'sendBatch')
        return (batch: Iterable<MessageSendRequest<T>>, options?: QueueSendBatchOptions) => {
          const messages = [...batch]
          usage.queueSendBatches++
          usage.messages += messages.length
          for (const m of messages) countKind(usage, m.body)
          return target.sendBatch(messages, options)
        }
      return passThrough(target, prop)
    },
  })
}
