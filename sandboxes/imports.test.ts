/**
 * The sandboxes stand in for the vendors, so they must not share code with the client they check: a bug in
 * shared code (a DST conversion, say) would pass on both sides. A sandbox may import its own folder,
 * `sandboxes/shared/` and the vendor's published contract (`shared/vendor-contracts/`), and packages.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const ALLOWED = ['sandboxes/', 'shared/vendor-contracts/']

// Static and dynamic imports, re-exports, side-effect imports and require().
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g

/** The specifiers in `source` (a file at `file`, relative to the repo root) that reach outside what a sandbox may import. */
export function forbiddenImports(file: string, source: string): string[] {
  return [...source.matchAll(SPECIFIER)]
    .map((match) => match[2]!)
    .filter((specifier) => {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) return false // a package or node: builtin
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)).split(path.sep).join('/')
      return !ALLOWED.some((allowed) => `${target}/`.startsWith(allowed))
    })
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel)
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [rel] : []
  })
}

describe('sandbox import boundary', () => {
  it('should flag imports from worker/, extension/ and the rest of shared/, however they are written', () => {
    // Quotes spliced in so this file's own text holds no import of worker/ for the scan below to find.
    const q = "'"
    const source = [
      `import { toBase64Url } from ${q}../../../worker/util/base64${q}`,
      `export { panel } from ${q}../../../extension/ui/panel${q}`,
      `const zoned = await import(${q}../../../worker/util/zoned-time.ts${q})`,
      `import ${q}../../../shared/api/contract${q}`,
      `import type { paths } from ${q}../../../shared/vendor-contracts/aspire/aspire-api${q}`,
      `import { serveOnPort } from ${q}../../shared/serve-on-port${q}`,
      `import { Hono } from ${q}hono${q}`,
    ].join('\n')
    expect(forbiddenImports('sandboxes/aspire/auth/jwt.ts', source)).toEqual([
      '../../../worker/util/base64',
      '../../../extension/ui/panel',
      '../../../worker/util/zoned-time.ts',
      '../../../shared/api/contract',
    ])
  })

  it('should find no sandbox file that imports from outside sandboxes/ and the vendor contracts', () => {
    const files = sourceFiles('sandboxes')
    expect(files.length).toBeGreaterThan(100)
    const violations = files.flatMap((file) => forbiddenImports(file, readFileSync(path.join(ROOT, file), 'utf8')).map((specifier) => `${file}: ${specifier}`))
    expect(violations).toEqual([])
  })
})
