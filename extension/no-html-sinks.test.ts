import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Vendor text (job, worker and cost code names, notices, error messages) reaches every panel. It stays harmless as
 * long as it only ever becomes text: Preact's text nodes and attributes. These are the ways it could become markup
 * or code instead; none may appear in the extension's source (tests may use them to build fixtures).
 */
const SINKS: Array<[string, RegExp]> = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /(^|[^.\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['srcdoc', /\bsrcdoc\b/],
]

/** Each sink used in a source text, with its 1-based line; whole-line comments are documentation, not code. */
export function findSinks(source: string): Array<{ line: number; sink: string }> {
  const found: Array<{ line: number; sink: string }> = []
  let inBlock = false
  source.split('\n').forEach((text, i) => {
    const trimmed = text.trim()
    if (inBlock || trimmed.startsWith('/*')) {
      inBlock = !trimmed.includes('*/')
      return
    }
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return
    for (const [sink, pattern] of SINKS) if (pattern.test(text)) found.push({ line: i + 1, sink })
  })
  return found
}

const ROOT = import.meta.dirname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(full)
    return /\.(ts|tsx|js|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('the extension never turns text into markup or code', () => {
  const files = sourceFiles(ROOT)

  it('should find the sinks it looks for, with their lines, outside comments', () => {
    const sample = ['// innerHTML is documented here', 'el.innerHTML = name', "root.insertAdjacentHTML('beforeend', x)", '/**', ' * eval(x) in a doc', ' */', 'const f = new Function(code)', "document.write('x'); eval('1')", 'x.evaluate(y)'].join('\n')
    expect(findSinks(sample)).toEqual([
      { line: 2, sink: 'innerHTML' },
      { line: 3, sink: 'insertAdjacentHTML' },
      { line: 7, sink: 'new Function' },
      { line: 8, sink: 'document.write' },
      { line: 8, sink: 'eval' },
    ])
  })

  it('should scan the panels, popup, options page, content scripts and background', () => {
    const relative = files.map((f) => path.relative(ROOT, f))
    expect(relative.length).toBeGreaterThan(50)
    for (const expected of ['entrypoints/popup/PopupApp.tsx', 'ui/panel/features/propay-breakdown.tsx', 'ui/panel/stream-rows.tsx', 'background/handlers.ts']) expect(relative).toContain(expected)
  })

  it('should use none of them in any source file', () => {
    const hits = files.flatMap((file) => findSinks(readFileSync(file, 'utf8')).map(({ line, sink }) => `${path.relative(ROOT, file)}:${line} uses ${sink}`))
    expect(hits, hits.join('\n')).toEqual([])
  })
})
