/**
 * Records every console call (every method, not only log and error) while letting it through, so a test
 * can read back every line the worker wrote.
 * @module
 */
import { vi } from 'vitest'
import type { Seen } from './canaries'

const asText = (value: unknown): string => {
  if (typeof value === 'string') return value
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The WHATWG Console methods, in case a runtime does not list them as own properties. */
const STANDARD = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'assert', 'count', 'countReset', 'group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog']

export function recordConsole() {
  const lines: Seen[] = []
  const target = console as unknown as Record<string, (...args: unknown[]) => void>
  const methods = [...new Set([...Object.getOwnPropertyNames(console), ...STANDARD])].filter((name) => typeof target[name] === 'function')
  const spies = methods.map((name) => {
    const original = target[name]!.bind(console)
    return vi.spyOn(target, name).mockImplementation((...args: unknown[]) => {
      lines.push({ where: `console.${name}`, text: args.map(asText).join(' ') })
      original(...args)
    })
  })
  return { lines, methods, restore: () => spies.forEach((s) => s.mockRestore()) }
}
