import { startAspireSandbox } from './sandboxes/aspire/serve'
import { mapWorkTicketTime } from './worker/connectors/aspire/map/time-and-materials'
import { guardRows } from './worker/sync/guard/guard-rows'
import { tableSql, jsonChunks } from './worker/sync/synced-sql'
import { sha256Base64Url } from './worker/util/sha256'
import { timeOrderedIds } from './worker/util/time-ordered-id'
const sandbox = await startAspireSandbox({ port: 0 })
await fetch(`${sandbox.url}/__control/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ size: 'large', seed: 'bench', clientId: 'c', secret: 's' }) })
const auth = await (await fetch(`${sandbox.url}/Authorization`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ClientId: 'c', Secret: 's' }) })).json() as any
const texts: string[] = []
let after = 0
for (;;) {
  const r = await fetch(`${sandbox.url}/WorkTicketTimes?api-version=1.0&$filter=WorkTicketTimeID gt ${after}&$orderby=WorkTicketTimeID asc&$limit=1000&$pageNumber=1`, { headers: { authorization: `Bearer ${auth.Token}` } })
  const t = await r.text(); if (!r.ok) { console.log(r.status, t.slice(0, 300)); break }
  const rows = JSON.parse(t); if (!rows.length) break
  texts.push(t); after = rows.at(-1).WorkTicketTimeID
  if (rows.length < 1000) break
}
await sandbox.close()
console.log('pages', texts.length, 'bytes', texts.reduce((n, t) => n + t.length, 0))
const sql = tableSql('timeEntries')
const time = async (label: string, f: () => any) => { const t = performance.now(); const r = await f(); console.log(label.padEnd(12), (performance.now() - t).toFixed(0), 'ms'); return r }
for (let rep = 0; rep < 2; rep++) {
  const parsed = await time('parse', () => texts.map((t) => JSON.parse(t)))
  const mapped = await time('map', () => parsed.map((rows: any[]) => rows.map((r) => mapWorkTicketTime(r, 'America/Chicago'))))
  const guarded = await time('guard', () => mapped.map((rows: any[]) => guardRows('timeEntries', rows, {}).rows))
  const payloads = await time('payload', () => guarded.map((rows: any[]) => rows.map((row) => { const p: Record<string, unknown> = {}; for (const { key } of sql.payload) p[key] = row[key] ?? null; return p })))
  const texts2 = await time('stringify', () => payloads.map((ps: any[]) => ps.map((p) => sql.payloadText(p))))
  const hashes = await time('sha256', async () => { const out = []; for (const ts of texts2) out.push(await Promise.all(ts.map((t: string) => sha256Base64Url(t)))); return out })
  await time('rows+chunks', () => guarded.map((rows: any[], i: number) => { const ids = timeOrderedIds(rows.length); return jsonChunks(rows.map((row, j) => sql.upsertRow({ id: ids[j]!, externalId: row.externalId, dataHash: hashes[i][j], vendorModified: row.vendorModified ?? null, payload: payloads[i][j] }))) }))
}
