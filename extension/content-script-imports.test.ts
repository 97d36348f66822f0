import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue #16: each content script ≤ 15 KiB gzip. What breaks that is a package pulled in through a shared module: zod
 * came into aspire.js with the organisation's format defaults (43 KiB), Preact and signals with the badges and a
 * signal in request-page-sync. The bench measures the built size (bench/content-script.bench.ts); this follows the
 * content scripts' imports in the source, so such a package is named the moment an import brings it in.
 */
const HEAVY = ['zod', 'preact', '@preact/signals', 'drizzle-orm', 'hono']
const ROOT = path.resolve(import.meta.dirname, '..')
const ENTRIES = ['aspire', 'buildertrend', 'exaktime'].map((vendor) => path.join(ROOT, `extension/entrypoints/${vendor}.content/index.ts`))

/** Specifiers of the imports and re-exports that stay in the bundle (`import type` / `export type` are erased). */
export function runtimeImports(source: string): string[] {
  const found: string[] = []
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm
  for (const match of source.matchAll(pattern)) found.push(match[1]!)
  return found
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate
  return null
}

/** Every package a content script's source reaches, with the chain of files that brings each in. */
function packagesReachedFrom(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  const seen = new Set<string>()
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    const here = [...chain, path.relative(ROOT, file)]
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier)
        if (local) visit(local, here)
        continue
      }
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
      if (!packages.has(name)) packages.set(name, here)
    }
  }
  visit(entry, [])
  return packages
}

describe('what the content scripts bundle', () => {
  it('should read runtime imports and re-exports, and skip the type-only ones', () => {
    const source = [
      "import { z } from 'zod'",
      "import type { VNode } from 'preact'",
      "import './badge.css'",
      'import {',
      '  a,',
      '  type B,',
      "} from '../multi-line'",
      "export { DEFAULT_LOCALE } from './format-defaults'",
      "export type { Thing } from './types'",
    ].join('\n')
    expect(runtimeImports(source)).toEqual(['zod', './badge.css', '../multi-line', './format-defaults'])
  })

  for (const entry of ENTRIES) {
    it(`${path.relative(ROOT, entry)} should reach none of ${HEAVY.join(', ')}`, () => {
      const packages = packagesReachedFrom(entry)
      // The walk really follows the script's imports: WXT's content-script runtime is always there.
      expect([...packages.keys()]).toContain('wxt')
      const heavy = HEAVY.filter((name) => packages.has(name)).map((name) => `${name} via ${packages.get(name)!.join(' → ')}`)
      expect(heavy, heavy.join('\n')).toEqual([])
    })
  }
})
