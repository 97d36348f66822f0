/**
 * No import cycles among the project's own modules (worker, extension, shared, sandboxes, tools, e2e, bench:
 * the whole tree is walked). A cycle makes module initialisation order-dependent and keeps modules from being
 * understood, tested or moved on their own; break one by moving the shared piece into a module of its own.
 * @module
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findCycles, formatCycle } from './find-cycles'
import { importGraph } from './import-graph'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

describe('the import graph of the repository', () => {
  it('should hold the project sources it is meant to check', () => {
    const modules = [...importGraph(ROOT).keys()]
    for (const top of ['worker/', 'extension/', 'shared/', 'tools/']) expect(modules.some((m) => m.startsWith(top)), top).toBe(true)
    expect(modules.some((m) => m.includes('node_modules/') || m.startsWith('.output/') || m.startsWith('.wxt/'))).toBe(false)
  })

  it('should have no import cycles', () => {
    const cycles = findCycles(importGraph(ROOT)).map(formatCycle)
    expect(cycles, `import cycles (break each by moving the shared piece into its own module):\n${cycles.join('\n')}\n`).toEqual([])
  })
})
