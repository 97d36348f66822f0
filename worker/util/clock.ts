/** ISO-8601 UTC instant, the one format timestamps are stored in. */
export const nowIso = (now: number = Date.now()) => new Date(now).toISOString()
