/** Formats a duration for messages, e.g. 5400 → `1h 30m`; seconds below a minute are dropped. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`
}
