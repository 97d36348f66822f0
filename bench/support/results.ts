/**
 * The frame every benchmark runs in: records the machine and its load when it starts, writes
 * `bench/results/<name>.json` (raw figures plus the Markdown table for the summary), prints the table, and
 * exits non-zero on any error so no wrong number is ever written.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describeLoad, describeMachine, loadAverage, type Machine, machine } from './machine'

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results')

export interface BenchResult<F = unknown> {
  name: string
  title: string
  /** When the benchmark finished (ISO). */
  date: string
  seconds: number
  machine: Machine
  loadAverageAtEnd: [number, number, number]
  /** The command that reproduces it. */
  command: string
  figures: F
  /** The benchmark's table(s), as shown in summary.md and bench/README.md. */
  markdown: string
}

export async function runBench<F>(name: string, title: string, body: () => Promise<{ figures: F; markdown: string }>): Promise<never> {
  const atStart = machine()
  const started = performance.now()
  console.log(`${title}: ${describeMachine(atStart)}; ${describeLoad(atStart.loadAverage)}`)
  try {
    const { figures, markdown } = await body()
    const result: BenchResult<F> = {
      name,
      title,
      date: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      machine: atStart,
      loadAverageAtEnd: loadAverage(),
      command: `npm run bench -- ${name}`,
      figures,
      markdown,
    }
    mkdirSync(RESULTS_DIR, { recursive: true })
    writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`)
    console.log(`\n${markdown}\n\nWritten to bench/results/${name}.json.`)
    process.exit(0)
  } catch (err) {
    console.error(`\n${title} FAILED: ${(err as Error).stack ?? err}`)
    process.exit(1)
  }
}

/** Throws (so the benchmark fails) unless `ok`: a figure that cannot be trusted must not be written. */
export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message)
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US')
