/**
 * `npm run chaos`: the chaos runs in workerd, the same project as the worker tests, with the run count and
 * first seed handed in by `cli.ts`.
 * @module
 */
import { defineConfig } from 'vitest/config'
import { workerProject } from '../test/worker-project.ts'

const runs = Number(process.env.CHAOS_RUNS ?? 1000)
const seed = Number(process.env.CHAOS_SEED ?? 1)
const vendor = process.env.CHAOS_VENDOR || null

export default defineConfig({
  test: {
    reporters: ['dot'],
    // A shard dealt no seeds (e.g. `--runs 1`) declares no tests.
    passWithNoTests: true,
    projects: [
      await workerProject({
        name: 'chaos',
        include: ['tools/chaos/shards/*.chaos.ts'],
        testTimeout: 180_000,
        provide: { chaos: { runs, seed, vendor } },
      }),
    ],
  },
})
