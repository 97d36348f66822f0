/** "just now", "2 min ago", "in 1 min", "3 h ago", "2 days ago": how people read sync times. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const diffSeconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const abs = Math.abs(diffSeconds)
  if (abs < 10) return 'just now'
  const [value, unit] =
    abs < 60 ? [abs, 's'] : abs < 3600 ? [Math.round(abs / 60), 'min'] : abs < 86400 ? [Math.round(abs / 3600), 'h'] : [Math.round(abs / 86400), abs < 172800 ? 'day' : 'days']
  return diffSeconds < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`
}
