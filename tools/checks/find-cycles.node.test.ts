import { describe, expect, it } from 'vitest'
import { cyclicComponents, findCycles, formatCycle, type ImportGraph } from './find-cycles'

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]))

describe('findCycles', () => {
  it('should find nothing in a graph without cycles, diamonds included', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([])
  })

  it('should report a two-module cycle as a path chain', () => {
    const cycles = findCycles(graph({ 'distribution.ts': ['manual.ts', 'units.ts'], 'manual.ts': ['distribution.ts'], 'units.ts': [] }))
    expect(cycles.map(formatCycle)).toEqual(['distribution.ts → manual.ts → distribution.ts'])
  })

  it('should report a module that imports itself', () => {
    expect(findCycles(graph({ a: ['a'], b: [] }))).toEqual([['a', 'a']])
  })

  it('should find a long cycle and separate ones, each once', () => {
    const g = graph({ a: ['b'], b: ['c'], c: ['d'], d: ['a'], x: ['y'], y: ['x'], z: ['a'] })
    expect(findCycles(g).map(formatCycle)).toEqual(['a → b → c → d → a', 'x → y → x'])
  })

  it('should show every module of a tangled component on some chain', () => {
    const g = graph({ a: ['b', 'c'], b: ['a'], c: ['d'], d: ['a'] })
    expect(cyclicComponents(g)).toEqual([['a', 'b', 'c', 'd']])
    const cycles = findCycles(g)
    expect(new Set(cycles.flat())).toEqual(new Set(['a', 'b', 'c', 'd']))
    for (const cycle of cycles) expect(cycle[0]).toBe(cycle.at(-1))
  })

  it('should ignore imports of modules outside the graph', () => {
    expect(findCycles(graph({ a: ['zod', 'b'], b: [] }))).toEqual([])
  })

  it('should survive a chain deeper than the call stack', () => {
    const edges: Record<string, string[]> = {}
    for (let i = 0; i < 20_000; i++) edges[`m${i}`] = [`m${i + 1}`]
    edges.m20000 = ['m0']
    expect(findCycles(graph(edges))).toHaveLength(1)
  })
})
