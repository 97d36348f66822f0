/**
 * Runs the tenant-isolation probe for one route and one caller: the route's requests with the other org's ids, with
 * the caller's own ids mixed with one of the other org's, and with guessed ids, each answer judged against an
 * identical request carrying ids nobody has.
 * @module
 */
import { ErrorBody } from '../../shared/api/errors'
import { call } from '../test/fixtures'
import { fillPath, type ApiRoute } from './api-surface'
import type { IdFill, ProbeRequest, RefKind, RouteProbe, VendorKind } from './probe-plan'
import type { OrgIds } from './org-ids'
import type { SeededOrg } from './two-orgs'

/**
 * `other-org`: every id the other org's; `mixed`: the caller's own ids with one of the other org's; `own`: a request
 * of a mixed round that carries none of the other org's (it shows how far the caller's own request gets);
 * `guessed`: made-up ids; `no-ids`: the route takes none.
 */
export type Source = 'other-org' | 'mixed' | 'own' | 'guessed' | 'no-ids'

export interface Attempt {
  route: string
  role: string
  source: Source
  status: number
  /** What went wrong, if anything: a 2xx with the other org's id, an answer unlike the one for an id nobody has, or the other org's data in a body. */
  failure?: string
  request: string
  /** Whether the same request with ids nobody has was sent too, to compare answers. */
  controlled: boolean
}

interface Slot {
  kind: RefKind | VendorKind
  vendor: boolean
}

type Pick = (slot: Slot, index: number) => string

interface Filled {
  path: string
  request: ProbeRequest
}

/** Builds the route's requests, asking `pick` for the value of each id slot in a fixed order. */
function fill(route: ApiRoute, probe: RouteProbe, self: SeededOrg, pick: Pick): Filled[] {
  let index = 0
  const take = (slot: Slot) => pick(slot, index++)
  const ids: IdFill = { ref: (kind) => take({ kind, vendor: false }), vendor: (kind) => take({ kind, vendor: true }) }
  const requests = probe.build ? probe.build(ids, self) : [{}]
  return requests.map((request) => {
    const params = Object.fromEntries(route.params.map((name) => [name, ids.ref(probe.params![name]!)]))
    return { path: fillPath(route.path, params), request }
  })
}

/** The id slots a route's requests have, in the order `fill` asks for them. */
export function slotsOf(route: ApiRoute, probe: RouteProbe, self: SeededOrg): Slot[] {
  const slots: Slot[] = []
  fill(route, probe, self, (slot) => {
    slots.push(slot)
    return 'trace'
  })
  return slots
}

const nobody = (slot: Slot) => {
  const uuid = crypto.randomUUID()
  if (slot.kind === 'email' && !slot.vendor) return `nobody-${uuid}@nowhere.test`
  return slot.vendor ? `nobody-${uuid.slice(0, 13)}` : uuid
}

const listOf = (ids: OrgIds, slot: Slot) => (slot.vendor ? ids.vendor[slot.kind as VendorKind] : ids.ref[slot.kind as RefKind])

/**
 * Guessed ids: random UUIDs, small integers, and an `ST-…` statement number (which may be the caller's own); for
 * emails, addresses of the same kinds.
 */
const GUESSES: Array<(slot: Slot) => string> = [
  () => crypto.randomUUID(),
  ...['1', '0', '42', '-1', 'ST-001'].map((guess) => (slot: Slot) => (slot.kind === 'email' && !slot.vendor ? `${guess}@example.test` : guess)),
]

export interface Caller {
  role: string
  token: () => Promise<string>
}

interface Answer {
  status: number
  text: string
}

async function send(route: ApiRoute, filled: Filled, token: string): Promise<Answer> {
  const query = filled.request.query ? `?${new URLSearchParams(filled.request.query)}` : ''
  const res = await call(`${filled.path}${query}`, { method: route.method, token, json: filled.request.body })
  return { status: res.status, text: await res.text() }
}

const describe = (route: ApiRoute, filled: Filled) =>
  `${route.method} ${filled.path}${filled.request.query ? `?${new URLSearchParams(filled.request.query)}` : ''}${filled.request.body === undefined ? '' : ` ${JSON.stringify(filled.request.body)}`}`

const mask = (text: string, values: string[]) => values.reduce((t, v) => t.split(v).join('<id>'), text)

const errorOf = (text: string) => {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).data?.error
  } catch {
    return undefined
  }
}

/** Whether two answers say the same thing once the ids each request carried are masked. */
function sameAnswer(a: Answer, aIds: string[], b: Answer, bIds: string[]) {
  if (a.status !== b.status) return false
  if (a.status >= 200 && a.status < 300) return mask(a.text, aIds) === mask(b.text, bIds)
  const ea = errorOf(a.text)
  const eb = errorOf(b.text)
  return !!ea && !!eb && ea.code === eb.code && mask(ea.message, aIds) === mask(eb.message, bIds)
}

export interface ProbeInput {
  route: ApiRoute
  probe: RouteProbe
  caller: Caller
  self: SeededOrg
  own: OrgIds
  other: OrgIds
  /** Strings of the other org's data that must not appear in any answer to this caller. */
  markers: string[]
}

/** Every attempt for one route and caller, in order. */
export async function probeRoute({ route, probe, caller, self, own, other, markers }: ProbeInput): Promise<Attempt[]> {
  const attempts: Attempt[] = []
  const slots = slotsOf(route, probe, self)

  const attempt = async (source: Source, pick: Pick, otherSlots: Set<number>) => {
    const used = new Map<number, string>()
    const requests = fill(route, probe, self, (slot, i) => {
      const value = pick(slot, i)
      if (otherSlots.has(i)) used.set(i, value)
      return value
    })
    const nobodyValues = new Map<number, string>()
    const controls = otherSlots.size
      ? fill(route, probe, self, (slot, i) => {
          if (!otherSlots.has(i)) return pick(slot, i)
          const value = nobody(slot)
          nobodyValues.set(i, value)
          return value
        })
      : []
    for (const [n, filled] of requests.entries()) {
      // The other org's ids this request carries (a route's requests share the slots, each uses some).
      const text = describe(route, filled)
      const carried = [...used].filter(([, value]) => text.includes(value)).map(([i]) => i)
      const carriesRef = carried.some((i) => !slots[i]!.vendor && slots[i]!.kind !== 'email')
      const onlyEmails = carried.length > 0 && carried.every((i) => slots[i]!.kind === 'email')
      const answer = await send(route, filled, await caller.token())
      const ok = answer.status >= 200 && answer.status < 300
      let failure: string | undefined
      let controlled = false
      const leaked = ok ? markers.find((m) => answer.text.includes(m)) : undefined
      if (leaked) failure = `answer holds the other org's ${leaked}`
      else if (carried.length && ok && (onlyEmails || (carriesRef && !probe.filter))) failure = `${answer.status} to a request carrying the other org's ids`
      // Emails are global sign-in names: creating a user with one in use anywhere must be refused (409), so only the
      // refusal is required of them, not an answer identical to an unused email's. A 2xx carrying only vendor ids
      // acted on the caller's own resource (and may have changed it, so a second request would differ).
      else if (carried.length && !onlyEmails && !(ok && !probe.filter)) {
        const control = await send(route, controls[n]!, await caller.token())
        controlled = true
        const mine = carried.map((i) => used.get(i)!)
        const nobodys = carried.map((i) => nobodyValues.get(i)!)
        if (!sameAnswer(answer, mine, control, nobodys)) {
          failure = `answered ${answer.status} ${answer.text.slice(0, 200)} but an id nobody has gets ${control.status} ${control.text.slice(0, 200)}`
        }
      }
      attempts.push({ route: route.key, role: caller.role, source: source === 'mixed' && carried.length === 0 ? 'own' : source, status: answer.status, failure, request: text.slice(0, 400), controlled })
    }
  }

  if (slots.length === 0) {
    await attempt('no-ids', () => '', new Set())
    return attempts
  }
  const all = new Set(slots.map((_, i) => i))
  // Every id the other org has of each kind the route takes.
  const rounds = Math.max(...slots.map((slot) => listOf(other, slot).length))
  for (let round = 0; round < rounds; round++) {
    await attempt('other-org', (slot) => listOf(other, slot)[round % listOf(other, slot).length]!, all)
  }
  // The caller's own ids with exactly one of the other org's in their place.
  if (slots.length > 1) {
    for (let j = 0; j < slots.length; j++) {
      await attempt('mixed', (slot, i) => (i === j ? listOf(other, slot)[0]! : listOf(own, slot)[0]!), new Set([j]))
    }
  }
  for (const guess of GUESSES) await attempt('guessed', guess, new Set())
  return attempts
}
