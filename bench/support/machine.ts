/**
 * The machine a benchmark ran on, recorded next to every figure: the numbers mean little without it, and
 * the load average says whether the machine was shared at the time.
 * @module
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface Machine {
  cpu: string
  cores: number
  ramGiB: number
  os: string
  node: string
  wrangler: string
  workerd: string
  /** 1-, 5- and 15-minute load averages when the benchmark started. */
  loadAverage: [number, number, number]
}

const installedVersion = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    if (pretty) return `${pretty}, kernel ${os.release()}`
  } catch {
    // not Linux: fall through
  }
  return `${os.type()} ${os.release()}`
}

export const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number]

export function machine(): Machine {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    wrangler: installedVersion('wrangler'),
    workerd: installedVersion('workerd'),
    loadAverage: loadAverage(),
  }
}

export const describeMachine = (m: Machine) =>
  `${m.cores} × ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}, wrangler ${m.wrangler}, workerd ${m.workerd}`

export const describeLoad = (load: [number, number, number]) => `load average ${load.join(' / ')} (1 / 5 / 15 min)`
