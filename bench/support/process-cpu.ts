/**
 * CPU time used by a process group (Linux /proc), e.g. `wrangler dev` started in its own group: the node proxy
 * and the workerd runtime separately. Divided by the requests served, it gives a per-request cost that does not
 * depend on how busy the rest of a shared machine is, unlike latency.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

/**
 * User + system CPU ms of every live process in the group, summed by label: the command name (`workerd`, `node`,
 * …) unless `label` names the process otherwise from its command line.
 */
export function groupCpuMs(pgid: number, label?: (name: string, commandLine: string) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const close = stat.lastIndexOf(')')
    const name = stat.slice(stat.indexOf('(') + 1, close)
    const fields = stat.slice(close + 2).split(' ')
    // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12).
    if (Number(fields[2]) !== pgid) continue
    let key = name
    if (label) {
      try {
        key = label(name, readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '))
      } catch {
        continue
      }
    }
    out[key] = (out[key] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  }
  return out
}

/** CPU ms per name used between two readings. */
export const cpuDelta = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]))
