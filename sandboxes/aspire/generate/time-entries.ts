/**
 * WorkTicketTimes and ClockTimes. Every workday each crew splits its day over the tickets it has active,
 * with travel between sites; every present member logs one row per ticket. On some days Aspire's drive
 * time distribution shows up as extra `DistributedTime` rows spreading the unallocated time over that
 * day's tickets in proportion to hours worked. Candidates are generated a little above the target and
 * thinned evenly to the exact count, then written in chronological order.
 * @module
 */
import { makeRow } from '../tenant/tenant-data'
import { OFFICE_USER } from '../tenant/users'
import { DAY, HOUR, MINUTE } from '../time/local-time'
import { round2, type GenContext } from './context'
import { rateOn, type CrewPlan, type EmployeePlan } from './people'
import type { TicketPlan } from './work'

interface Candidate {
  day: number
  crew: CrewPlan
  ticket: TicketPlan
  member: EmployeePlan
  start: number
  end: number
  /** Hours of a drive-time row; 0 for ordinary rows. */
  distributed: number
  dayEnd: number
}

export function generateTimeEntries(ctx: GenContext, crews: CrewPlan[], tickets: TicketPlan[]): void {
  const candidates = planCandidates(ctx, crews, tickets)
  const target = ctx.size.timeEntries
  writeRows(ctx, thin(candidates, target))
}

/** Keeps exactly `target` items spread evenly over the list (all of them when there are fewer). */
export function thin<T>(items: T[], target: number): T[] {
  if (items.length <= target) return items
  const kept: T[] = []
  for (let i = 0; i < items.length; i++) {
    if (Math.floor(((i + 1) * target) / items.length) > Math.floor((i * target) / items.length)) kept.push(items[i]!)
  }
  return kept
}

function planCandidates(ctx: GenContext, crews: CrewPlan[], tickets: TicketPlan[]): Candidate[] {
  const { rng } = ctx
  const days = ctx.workdays.length
  // crew -> day -> tickets active that day
  const agenda = new Map<CrewPlan, TicketPlan[][]>()
  for (const ticket of tickets) {
    if (ticket.state !== 'worked' || !ticket.crew) continue
    let perDay = agenda.get(ticket.crew)
    if (!perDay) {
      perDay = Array.from({ length: days }, () => [])
      agenda.set(ticket.crew, perDay)
    }
    for (let day = ticket.startDay; day <= ticket.endDay; day++) perDay[day]!.push(ticket)
  }
  const out: Candidate[] = []
  for (let day = 0; day < days; day++) {
    const date = ctx.workdays[day]!
    for (const crew of crews) {
      const active = agenda.get(crew)?.[day]
      if (!active || active.length === 0) continue
      const travel = active.map((_, i) => (i === 0 ? 0 : rng.int(2, 6) * 5 * MINUTE))
      const travelTotal = travel.reduce((sum, gap) => sum + gap, 0)
      const workTotal = Math.max(active.length * 30 * MINUTE, rng.int(90, 108) * 5 * MINUTE - travelTotal)
      const weights = active.map(() => rng.between(0.6, 1.4))
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
      let cursor = date + 7 * HOUR + rng.int(-3, 6) * 5 * MINUTE
      const segments = active.map((ticket, i) => {
        cursor += travel[i]!
        const start = cursor
        // Whole minutes, at least a quarter hour.
        const length = Math.max(15 * MINUTE, Math.round((workTotal * weights[i]!) / weightSum / MINUTE) * MINUTE)
        cursor += length
        return { ticket, start, end: cursor }
      })
      const dayEnd = cursor
      // Unallocated time of the day: travel between sites plus the trip out and back to the yard.
      const driveHours = (travelTotal + 40 * MINUTE) / HOUR
      const withDriveTime = rng.chance(0.08)
      for (const member of crew.members) {
        if (rng.chance(0.04)) continue
        for (const segment of segments) {
          out.push({ day, crew, ticket: segment.ticket, member, start: segment.start, end: segment.end, distributed: 0, dayEnd })
        }
        if (!withDriveTime) continue
        for (const segment of segments) {
          const share = (segment.end - segment.start) / (dayEnd - segments[0]!.start - travelTotal)
          out.push({ day, crew, ticket: segment.ticket, member, start: segment.start, end: segment.end, distributed: Math.max(0.01, round2(driveHours * share)), dayEnd })
        }
      }
    }
  }
  return out
}

function writeRows(ctx: GenContext, rows: Candidate[]): void {
  const { rng, data } = ctx
  // Numeric keys: string keys built per row cost more than the rest of the row.
  const accepted = new Map<number, number>()
  const approved = new Map<number, number>()
  const acceptedFor = (candidate: Candidate) => {
    const key = candidate.crew.route.RouteID * 10_000 + candidate.day
    let at = accepted.get(key)
    if (at === undefined) {
      const date = ctx.workdays[candidate.day]!
      const weekday = new Date(date).getUTCDay()
      // The office accepts a crew's day on the next workday morning.
      at = date + (weekday === 5 ? 3 : 1) * DAY + 7 * HOUR + 30 * MINUTE + rng.int(0, 18) * 5 * MINUTE
      accepted.set(key, at)
    }
    return at
  }
  const approvedFor = (candidate: Candidate, branchId: number) => {
    const date = ctx.workdays[candidate.day]!
    const monday = date - ((new Date(date).getUTCDay() + 6) % 7) * DAY
    const key = branchId * 100_000 + (monday - ctx.anchor) / DAY
    let at = approved.get(key)
    if (at === undefined) {
      // Weekly approval the following Monday, for the whole branch at once.
      at = monday + 7 * DAY + 10 * HOUR + rng.int(0, 48) * 5 * MINUTE
      approved.set(key, at)
    }
    return at
  }

  const noGeo = () => null
  const jitterGeo = (value: number | null) => (value === null ? null : Math.round((value + rng.between(-0.0004, 0.0004)) * 1e6) / 1e6)

  let clock: { member: EmployeePlan; day: number; start: number; end: number; accepted: string | null } | undefined
  const flushClock = () => {
    if (!clock) return
    data.ClockTimes.insert(
      makeRow('ClockTimes', {
        ContactID: clock.member.contact.ContactID,
        ContactName: clock.member.name,
        ClockStart: ctx.stamp(clock.start - rng.int(2, 4) * 5 * MINUTE),
        ClockEnd: ctx.stamp(clock.end + 30 * MINUTE + rng.int(3, 7) * 5 * MINUTE),
        AcceptedDateTime: clock.accepted,
        AcceptedUserID: clock.accepted ? OFFICE_USER.id : null,
        AcceptedUserName: clock.accepted ? OFFICE_USER.name : null,
        BreakTime: 30,
        AcceptedShortLunch: false,
        UsedBreaks: true,
        PreventedFromUsingBreaks: false,
      }),
    )
    clock = undefined
  }

  for (const candidate of rows) {
    const { ticket, member, crew } = candidate
    const date = ctx.workdays[candidate.day]!
    const branch = data.Branches.get(ticket.opportunity.branchId)!
    const rate = rateOn(member, date)
    const isDrive = candidate.distributed > 0
    const hours = isDrive ? candidate.distributed : round2((candidate.end - candidate.start) / HOUR)
    const burdened = rate ? round2(hours * rate.rate * (1 + rate.burden / 100)) : null
    const created = (isDrive ? candidate.dayEnd + 30 * MINUTE : candidate.end) + rng.int(1, 8) * 5 * MINUTE
    const acceptedStamp = ctx.pastStamp(acceptedFor(candidate))
    const approvedAt = approvedFor(candidate, branch.BranchID)
    const approvedStamp = acceptedStamp ? ctx.pastStamp(approvedAt) : null
    const exportedStamp = approvedStamp ? ctx.pastStamp(approvedAt + DAY - HOUR) : null
    const property = ticket.opportunity.property
    const geo = isDrive ? noGeo : jitterGeo
    data.WorkTicketTimes.insert(
      makeRow('WorkTicketTimes', {
        WorkTicketID: ticket.id,
        WorkTicketNumber: ticket.number,
        ContactID: member.contact.ContactID,
        ContactName: member.name,
        WorkTicketTimeDate: ctx.stamp(date),
        // How Aspire dates a distributed drive-time row is unverified; it carries hours only.
        StartTime: isDrive ? null : ctx.stamp(candidate.start),
        EndTime: isDrive ? null : ctx.stamp(candidate.end),
        PayCodeID: 1,
        PayCodeName: 'Regular',
        Hours: hours,
        OTHours: 0,
        WarrantyTime: false,
        DistributedTime: isDrive,
        BurdenedCost: burdened,
        CreatedDateTime: ctx.stamp(created),
        CreatedByUserID: crew.leader.userId,
        CreatedByUserName: crew.leader.name,
        LastModifiedDateTime: exportedStamp ?? approvedStamp ?? acceptedStamp ?? ctx.stamp(created),
        LastModifiedByUserID: acceptedStamp ? OFFICE_USER.id : crew.leader.userId,
        LastModifiedByUserName: acceptedStamp ? OFFICE_USER.name : crew.leader.name,
        AcceptedDateTime: acceptedStamp,
        AcceptedUserID: acceptedStamp ? OFFICE_USER.id : null,
        AcceptedUserName: acceptedStamp ? OFFICE_USER.name : null,
        ApprovedDateTime: approvedStamp,
        ApprovedUserID: approvedStamp ? OFFICE_USER.id : null,
        ApprovedUserName: approvedStamp ? OFFICE_USER.name : null,
        ExportedDateTime: exportedStamp,
        ExportedUserID: exportedStamp ? OFFICE_USER.id : null,
        ExportedUserName: exportedStamp ? OFFICE_USER.name : null,
        BreakTime: 0,
        HasBreakTime: false,
        BaseHourlyRate: rate?.rate ?? null,
        RouteID: crew.route.RouteID,
        RouteName: crew.route.RouteName,
        CrewLeaderContactID: crew.leader.contact.ContactID,
        CrewLeaderContactName: crew.leader.name,
        BranchID: branch.BranchID,
        BranchName: branch.BranchName,
        BranchTimeZone: branch.TimeZone,
        GEOLocationStartLatitude: geo(property.GEOLocationLatitude),
        GEOLocationStartLongitude: geo(property.GEOLocationLongitude),
        GEOLocationEndLatitude: geo(property.GEOLocationLatitude),
        GEOLocationEndLongitude: geo(property.GEOLocationLongitude),
      }),
    )
    ticket.hours += hours
    if (isDrive) ticket.distributedHours += hours
    ticket.laborCost += burdened ?? 0
    ticket.lastActivity = Math.max(ticket.lastActivity, created)

    if (isDrive) continue
    if (clock && (clock.member !== member || clock.day !== candidate.day)) flushClock()
    if (!clock) clock = { member, day: candidate.day, start: candidate.start, end: candidate.end, accepted: acceptedStamp }
    clock.start = Math.min(clock.start, candidate.start)
    clock.end = Math.max(clock.end, candidate.end)
  }
  flushClock()
}
