import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findCycles, formatCycle } from './find-cycles'
import { importGraph, relativeImports } from './import-graph'

const root = mkdtempSync(path.join(tmpdir(), 'import-graph-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), text)
  }
}

describe('importGraph', () => {
  it('should read imports, type imports, re-exports and dynamic imports, but not packages', () => {
    expect(relativeImports(`import { z } from 'zod'\nimport type { A } from './a'\nexport * from '../b'\nconst c = () => import('./c')\n`)).toEqual(['./a', '../b', './c'])
  })

  it('should resolve with and without extensions, folder indexes and .tsx, and skip build output', () => {
    write({
      'src/a.ts': `import { b } from './b'\nimport { c } from './c.ts'\nimport { d } from './d'\nimport { e } from './e.js'\nexport const a = 1\n`,
      'src/b.ts': 'export const b = 1\n',
      'src/c.ts': 'export const c = 1\n',
      'src/d/index.ts': `export { a as d } from '../a'\n`,
      'src/e.tsx': 'export const e = 1\n',
      'node_modules/pkg/index.ts': `import '../../src/a'\n`,
      '.output/chunk.ts': `import '../src/a'\n`,
    })
    const graph = importGraph(root)
    expect([...graph.keys()]).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d/index.ts', 'src/e.tsx'])
    expect([...graph.get('src/a.ts')!].sort()).toEqual(['src/b.ts', 'src/c.ts', 'src/d/index.ts', 'src/e.tsx'])
    expect(findCycles(graph).map(formatCycle)).toEqual(['src/a.ts → src/d/index.ts → src/a.ts'])
  })
})
