import type { Attempt, Source } from './isolation-probe'

const SOURCES: Source[] = ['other-org', 'mixed', 'own', 'guessed', 'no-ids']

/** One line per route: requests per id source, the statuses answered, and the failures. */
export function probeTable(attempts: Attempt[]): string {
  const byRoute = new Map<string, Attempt[]>()
  for (const a of attempts) byRoute.set(a.route, [...(byRoute.get(a.route) ?? []), a])
  const width = Math.max(...[...byRoute.keys()].map((k) => k.length))
  const head = `${'route'.padEnd(width)} | roles | ${SOURCES.map((s) => s.padStart(9)).join(' | ')} | failures | statuses`
  const lines = [...byRoute].map(([route, list]) => {
    const statuses = new Map<number, number>()
    for (const a of list) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)
    const counts = SOURCES.map((s) => String(list.filter((a) => a.source === s).length).padStart(9))
    const roles = new Set(list.map((a) => a.role)).size
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')
    return `${route.padEnd(width)} | ${String(roles).padStart(5)} | ${counts.join(' | ')} | ${String(list.filter((a) => a.failure).length).padStart(8)} | ${histogram}`
  })
  const total = SOURCES.map((s) => String(attempts.filter((a) => a.source === s).length).padStart(9))
  const footer = `${'total'.padEnd(width)} | ${String(new Set(attempts.map((a) => a.role)).size).padStart(5)} | ${total.join(' | ')} | ${String(attempts.filter((a) => a.failure).length).padStart(8)} | ${attempts.length} requests + ${attempts.filter((a) => a.controlled).length} controls`
  return [head, '-'.repeat(head.length), ...lines, '-'.repeat(head.length), footer].join('\n')
}
