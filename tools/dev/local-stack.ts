/**
 * Pieces of the local stack, shared by `npm start` and the end-to-end tests: local D1 migrations, the
 * demo seed, `wrangler dev`, and the cron ticker that wrangler dev lacks.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { demoSeedSql } from './seed-sql'

export const ROOT = path.resolve(import.meta.dirname, '../..')

// X_LOCAL_OBSERVABILITY: wrangler's local tracing stores a span for every request and every D1 call in a SQLite store
// inside the same workerd (Cloudflare bills none of that to us); benchmarks and `npm start` run without it unless the
// caller's environment turns it back on (X_LOCAL_OBSERVABILITY=true).
const quietEnv = { X_LOCAL_OBSERVABILITY: 'false', ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_D1_WARNING: 'true' }

/** Runs a command to completion; its output is kept and shown only if it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? quietEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`))))
  })
}

const wrangler = (args: string[]) => run('npx', ['wrangler', ...args])

/** `.dev.vars` with a CREDENTIALS_KEY: generated once, kept afterwards (rotating it would orphan stored credentials). */
export function ensureDevVars(file = path.join(ROOT, '.dev.vars')): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  if (/^CREDENTIALS_KEY=/m.test(current)) return
  const line = `CREDENTIALS_KEY=${randomBytes(32).toString('base64')}\n`
  writeFileSync(file, current + (current && !current.endsWith('\n') ? '\n' : '') + line, { mode: 0o600 })
}

export async function migrateLocalDb(persistTo?: string) {
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])])
}

export async function seedDemo(persistTo?: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'protiv-seed-')), 'seed.sql')
  writeFileSync(file, await demoSeedSql())
  await wrangler(['d1', 'execute', 'DB', '--local', '--file', file, ...(persistTo ? ['--persist-to', persistTo] : [])])
}

export interface WorkerProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts `wrangler dev` in its own process group and resolves once /health answers 200. */
export async function startWorker(options: {
  port: number
  persistTo?: string
  vars?: Record<string, string>
  log?: (line: string) => void
  /** Another entry module instead of wrangler.toml's `main` (same bindings), e.g. a benchmark probe. */
  script?: string
}): Promise<WorkerProcess> {
  const url = `http://127.0.0.1:${options.port}`
  const args = ['wrangler', 'dev', ...(options.script ? [options.script] : []), '--ip', '127.0.0.1', '--port', String(options.port), '--show-interactive-dev-session=false']
  if (options.persistTo) args.push('--persist-to', options.persistTo)
  // Every worker started here is a development server: its connections may point at the local sandboxes.
  const vars = { ALLOW_VENDOR_BASE_URL: 'true', ...options.vars }
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`)
  const child = spawn('npx', args, { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  // A chunk may end inside a line: the part after its last newline waits for that stream's next chunk.
  const onData = () => {
    let partial = ''
    return (d: Buffer) => {
      output += d
      const lines = (partial + d.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) if (line.trim()) options.log?.(line)
    }
  }
  child.stdout!.on('data', onData())
  child.stderr!.on('data', onData())
  const exited = () => child.exitCode !== null || child.signalCode !== null
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited()) return resolve()
      child.once('exit', () => resolve())
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        resolve()
      }
    })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.status === 200) return { url, child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not answer /health within 60 s:\n${output}`)
}

/** Fires the worker's cron once, the way Cloudflare would every minute (wrangler dev never does). */
export async function fireCron(workerUrl: string): Promise<number> {
  const res = await fetch(`${workerUrl}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`)
  await res.text()
  return res.status
}

/** Fires the cron now and then at the start of every minute; returns a stop function. */
export function startCronTicker(workerUrl: string, onTick?: (status: number | Error) => void): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const tick = () => fireCron(workerUrl).then(onTick, onTick)
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      void tick()
      schedule()
    }, 60_000 - (Date.now() % 60_000))
  }
  void tick()
  schedule()
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
