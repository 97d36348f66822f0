/**
 * `npm run chaos -- --runs N --seed S`: N seeded chaos runs starting at seed S (default 1,000 from 1).
 * Each failure prints the seed that reproduces it; the exit code is non-zero when any run failed.
 * @module
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { vendorNames } from '../../shared/api/connections'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, vendor: { type: 'string' } } })
const runs = Number(values.runs)
const seed = Number(values.seed)
const vendors: readonly string[] = vendorNames
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || seed < 0 || (values.vendor && !vendors.includes(values.vendor))) {
  console.error(`Usage: npm run chaos -- --runs <count ≥ 1> --seed <first seed ≥ 0> [--vendor ${vendors.join('|')}]`)
  process.exit(2)
}
console.log(`Chaos: ${runs} runs from seed ${seed} (${values.vendor ? `${values.vendor} seeds only` : `vendors round-robin by seed: ${vendors.join(', ')}`})`)
const started = Date.now()
const result = spawnSync('npx', ['vitest', 'run', '--config', path.join(import.meta.dirname, 'vitest.config.ts')], {
  stdio: 'inherit',
  env: { ...process.env, CHAOS_RUNS: String(runs), CHAOS_SEED: String(seed), CHAOS_VENDOR: values.vendor ?? '' },
})
console.log(`Chaos finished in ${Math.round((Date.now() - started) / 1000)} s with exit code ${result.status}`)
process.exit(result.status ?? 1)
