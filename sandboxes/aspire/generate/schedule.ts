/**
 * Places worked tickets on the calendar so the crews log about the requested number of time entries.
 * Each crew works a few tickets in parallel ("lanes"); a lane is the history window cut into consecutive
 * spans, one per ticket. The number of lanes follows from the crew's share of the time entry target.
 * Tickets that do not fit become future (scheduled or open) tickets.
 * @module
 */
import { DAY } from '../time/local-time'
import type { GenContext } from './context'
import type { CrewPlan } from './people'
import type { TicketPlan } from './work'

/** Rows generated above the target, later thinned to the exact count (absences and drive time vary it). */
export const OVERSHOOT = 1.1

export function scheduleTickets(ctx: GenContext, tickets: TicketPlan[]): void {
  const { rng } = ctx
  const days = ctx.workdays.length
  const worked = new Map<CrewPlan, TicketPlan[]>()
  for (const ticket of tickets) {
    if (ticket.state !== 'worked' || !ticket.crew || days === 0) {
      if (ticket.state === 'worked') ticket.state = 'future'
      continue
    }
    worked.set(ticket.crew, [...(worked.get(ticket.crew) ?? []), ticket])
  }
  const busyMembers = [...worked.keys()].reduce((sum, crew) => sum + crew.members.length, 0)

  for (const [crew, crewTickets] of worked) {
    const rows = (ctx.size.timeEntries * OVERSHOOT * crew.members.length) / busyMembers
    const lanes = rows / crew.members.length / days
    const fullLanes = Math.floor(lanes)
    const partialDays = Math.round((lanes - fullLanes) * days)
    const spans: Array<[number, number]> = Array.from({ length: fullLanes }, () => [0, days] as [number, number])
    if (partialDays > 0) spans.push([days - partialDays, days])
    if (spans.length === 0) spans.push([days - 1, days])
    const laneTickets: TicketPlan[][] = spans.map(() => [])
    rng.shuffle(crewTickets).forEach((ticket, i) => laneTickets[i % spans.length]!.push(ticket))
    spans.forEach(([from, to], lane) => fillLane(ctx, laneTickets[lane]!, from, to))
  }

  for (const ticket of tickets) {
    if (ticket.state === 'worked') continue
    // Most future tickets are on the schedule board already; some are still open.
    ticket.scheduledDate = ticket.state === 'canceled' || rng.chance(0.8) ? ctx.anchor + rng.int(1, 45) * DAY : null
    if (ticket.state === 'canceled' && days > 0) ticket.scheduledDate = ctx.workdays[rng.int(0, days - 1)]!
  }
}

/** Cuts workdays [from, to) into one consecutive span per ticket (at least a day each). */
function fillLane(ctx: GenContext, tickets: TicketPlan[], from: number, to: number): void {
  const length = to - from
  const fitting = tickets.slice(0, length)
  for (const ticket of tickets.slice(length)) ticket.state = 'future'
  if (fitting.length === 0) return
  const weights = fitting.map(() => ctx.rng.between(0.5, 1.5))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  let start = from
  let cumulative = 0
  fitting.forEach((ticket, i) => {
    cumulative += weights[i]!
    const remaining = fitting.length - i - 1
    const end = i === fitting.length - 1 ? to : Math.min(to - remaining, Math.max(start + 1, from + Math.round((cumulative / total) * length)))
    ticket.startDay = start
    ticket.endDay = end - 1
    start = end
  })
}
