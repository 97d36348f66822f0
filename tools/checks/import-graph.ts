/**
 * The import graph of the project's own TypeScript: every `.ts`/`.tsx` file under the repository root, found by
 * walking the tree (so new folders are covered without listing them), with the relative imports each one makes
 * resolved to files. `import type`, re-exports and dynamic `import()` count too: any of them ties the modules
 * together. Package imports are not the project's and are left out.
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import type { ImportGraph } from './find-cycles'

/** Folders that hold no source of ours: dependencies, build output, generated types, local state. */
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.git', '.wrangler', 'dist', 'coverage'])
const SOURCE = /\.tsx?$/

export function sourceFiles(root: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name))
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path.join(dir, entry.name))
      }
    }
  }
  walk(root)
  return files.sort()
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile()

/** The file a relative specifier names: as written, with `.js` standing for `.ts`, with an extension added, or a folder's index. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(fromFile), specifier)
  const candidates = [
    base,
    ...(/\.(m?js|jsx)$/.test(base) ? [base.replace(/\.(m?js)$/, '.ts'), base.replace(/\.(m?js|jsx)$/, '.tsx')] : []),
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]
  return candidates.find((c) => SOURCE.test(c) && isFile(c)) ?? null
}

/** The relative import specifiers of one module's source. */
export function relativeImports(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true)
  return importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('./') || name.startsWith('../') || name === '.' || name === '..')
}

/** Module → the project modules it imports, with paths relative to `root` (forward slashes). */
export function importGraph(root: string): ImportGraph {
  const name = (file: string) => path.relative(root, file).split(path.sep).join('/')
  const graph = new Map<string, Set<string>>()
  for (const file of sourceFiles(root)) {
    const targets = new Set<string>()
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolveRelative(file, specifier)
      if (target) targets.add(name(target))
    }
    graph.set(name(file), targets)
  }
  return graph
}
