/**
 * `npm run bench [-- name…]`: runs the benchmarks (all when none is named) one after another, each in its
 * own process so one's memory and caches do not colour the next.
 * @module
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const dir = import.meta.dirname
const all = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''))
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const selected = wanted.length ? all.filter((name) => wanted.some((w) => name.includes(w))) : all
if (!selected.length) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Known: ${all.join(', ')}`)
  process.exit(1)
}
for (const name of selected) {
  console.log(`\n## ${name}\n`)
  const result = spawnSync('npx', ['tsx', path.join(dir, `${name}.bench.ts`)], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
