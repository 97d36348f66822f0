/**
 * Test names say what a test needs: one that talks HTTP to a vendor sandbox (it reaches, through its imports, a
 * module that asks vitest for the running sandboxes) is `*.integration.test.ts`; one that does not is a plain
 * `*.test.ts`. The import graph decides, so a test that starts using a sandbox through a new helper is caught too.
 * @module
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ImportGraph } from './find-cycles'
import { importGraph } from './import-graph'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Where the worker project's global setup hands the sandboxes' addresses to tests. */
const ASKS_FOR_SANDBOXES = /inject\(\s*['"]sandboxes['"]\s*\)/

/** Every module a file reaches through its imports, itself included. */
function reach(graph: ImportGraph, from: string): Set<string> {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const next of graph.get(file) ?? []) stack.push(next)
  }
  return seen
}

/** Test files whose name disagrees with whether they reach a sandbox. */
export function misnamedTests(graph: ImportGraph, usesSandbox: (file: string) => boolean): string[] {
  const wrong: string[] = []
  for (const file of graph.keys()) {
    if (!/\.test\.tsx?$/.test(file) || file.startsWith('e2e/')) continue
    const integration = [...reach(graph, file)].some(usesSandbox)
    const named = /\.integration\.test\.tsx?$/.test(file)
    if (integration !== named) wrong.push(`${file}: ${integration ? 'talks to a sandbox, name it *.integration.test.ts' : 'reaches no sandbox, name it *.test.ts'}`)
  }
  return wrong.sort()
}

describe('test file names', () => {
  it('should tell a sandbox-backed test from a pure one, both ways', () => {
    const graph: ImportGraph = new Map([
      ['worker/a.test.ts', new Set(['tools/test/vendor.ts'])],
      ['worker/b.integration.test.ts', new Set(['worker/b.ts'])],
      ['worker/c.integration.test.ts', new Set(['tools/test/vendor.ts'])],
      ['worker/b.ts', new Set<string>()],
      ['tools/test/vendor.ts', new Set<string>()],
    ])
    expect(misnamedTests(graph, (f) => f === 'tools/test/vendor.ts')).toEqual([
      'worker/a.test.ts: talks to a sandbox, name it *.integration.test.ts',
      'worker/b.integration.test.ts: reaches no sandbox, name it *.test.ts',
    ])
  })

  it('should name every test of the repository by whether it talks to a sandbox', () => {
    const graph = importGraph(ROOT)
    const sandboxUsers = [...graph.keys()].filter((f) => ASKS_FOR_SANDBOXES.test(readFileSync(path.join(ROOT, f), 'utf8')))
    expect(sandboxUsers.length).toBeGreaterThan(0)
    const users = new Set(sandboxUsers)
    expect(misnamedTests(graph, (f) => users.has(f))).toEqual([])
  })
})
