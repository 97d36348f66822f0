import { describe, expect, it } from 'vitest'
import type { Row } from '../entities'
import { DEFAULT_TENANT_CONFIG } from '../tenant/config'
import { generateTenantData, type GenerateInput } from './generate'

const INPUT: GenerateInput = {
  seed: 'demo',
  size: 'demo',
  timeZone: 'America/Chicago',
  timeZoneNames: 'iana',
  anchorDate: '2026-11-18',
  config: DEFAULT_TENANT_CONFIG,
}

const snapshot = (input: GenerateInput) => {
  const { data } = generateTenantData(input)
  return JSON.stringify(Object.fromEntries(Object.entries(data).map(([set, table]) => [set, table.all()])))
}

const round2 = (value: number) => Math.round(value * 100) / 100

describe('generateTenantData', () => {
  describe('determinism', () => {
    it('should produce identical data for the same seed, size, zone and anchor', () => {
      expect(snapshot(INPUT)).toBe(snapshot(INPUT))
    })

    it('should produce different data for another seed', () => {
      expect(snapshot({ ...INPUT, seed: 'other' })).not.toBe(snapshot(INPUT))
    })
  })

  describe('the demo size', () => {
    const { data } = generateTenantData(INPUT)
    const employees = data.Contacts.all().filter((contact) => contact.ContactTypeName === 'Employee')
    const times = data.WorkTicketTimes.all()

    it('should have about 12 employees, 40 tickets and exactly 600 time entries', () => {
      expect(employees).toHaveLength(12)
      expect(data.WorkTickets.size).toBe(40)
      expect(times).toHaveLength(600)
    })

    it('should have branches in different time zones and both opportunity types', () => {
      expect(data.Branches.all().map((branch) => branch.TimeZone)).toEqual(['America/Chicago', 'America/Denver'])
      expect(new Set(data.Opportunities.all().map((row) => row.OpportunityType))).toEqual(new Set(['Contract', 'Work Order']))
      expect(data.Contacts.all().some((contact) => contact.ContactTypeName === 'Customer')).toBe(true)
    })

    it('should tie every time entry to an existing ticket, employee, route and the ticket branch', () => {
      const employeeIds = new Set(employees.map((contact) => contact.ContactID))
      for (const time of times) {
        const ticket = data.WorkTickets.get(time.WorkTicketID!)!
        expect(ticket).toBeDefined()
        expect(employeeIds.has(time.ContactID!)).toBe(true)
        expect(data.Routes.get(time.RouteID!)).toBeDefined()
        expect(time.BranchID).toBe(ticket.BranchID)
        expect(time.WorkTicketNumber).toBe(ticket.WorkTicketNumber)
      }
    })

    it('should price every entry with the pay rate in force on its date', () => {
      for (const time of times) {
        const rates = data.PayRates.all().filter((rate) => rate.ContactID === time.ContactID && rate.EffectiveDate! <= time.WorkTicketTimeDate!)
        const rate = rates.sort((a, b) => a.EffectiveDate!.localeCompare(b.EffectiveDate!)).at(-1)!
        expect(time.BaseHourlyRate).toBe(rate.HourlyBasePay)
        expect(time.BurdenedCost).toBeCloseTo(round2(time.Hours! * rate.HourlyBasePay! * (1 + rate.BurdenPercent! / 100)), 2)
      }
    })

    it('should include raises inside the history window that time entries use', () => {
      const raised = data.PayRates.all().filter((rate) => rate.EffectiveDate! > '2026-10-21')
      expect(raised.length).toBeGreaterThan(0)
      const used = raised.filter((rate) => times.some((time) => time.ContactID === rate.ContactID && time.BaseHourlyRate === rate.HourlyBasePay))
      expect(used.length).toBeGreaterThan(0)
    })

    it('should derive Hours from start and end, except for distributed drive time', () => {
      const drive = times.filter((time) => time.DistributedTime)
      expect(drive.length).toBeGreaterThan(0)
      expect(drive.every((time) => time.StartTime === null && time.Hours! > 0)).toBe(true)
      for (const time of times.filter((row) => !row.DistributedTime)) {
        const hours = (Date.parse(`${time.EndTime}Z`) - Date.parse(`${time.StartTime}Z`)) / 3_600_000
        expect(time.Hours).toBeCloseTo(hours, 2)
        expect(time.StartTime!.slice(0, 10)).toBe(time.WorkTicketTimeDate!.slice(0, 10))
      }
    })

    it('should roll time and materials into each ticket', () => {
      for (const ticket of data.WorkTickets.all()) {
        const own = times.filter((time) => time.WorkTicketID === ticket.WorkTicketID)
        expect(ticket.HoursAct).toBeCloseTo(own.reduce((sum, time) => sum + time.Hours!, 0), 2)
        expect(ticket.LaborCostAct).toBeCloseTo(own.reduce((sum, time) => sum + time.BurdenedCost!, 0), 2)
        const allocations = data.ItemAllocations.all().filter((row) => row.WorkTicketID === ticket.WorkTicketID)
        expect(ticket.MaterialCostAct).toBeCloseTo(allocations.reduce((sum, row) => sum + row.ItemTotalCost!, 0), 2)
        expect(ticket.HoursEst).toBeGreaterThan(0)
      }
    })

    it('should set CompleteDate exactly on Complete tickets', () => {
      const tickets = data.WorkTickets.all()
      expect(tickets.some((ticket) => ticket.WorkTicketStatus === 'Complete')).toBe(true)
      for (const ticket of tickets) expect(ticket.CompleteDate !== null, String(ticket.WorkTicketStatus)).toBe(ticket.WorkTicketStatus === 'Complete')
    })

    it('should keep every modified stamp in the past of the anchor date', () => {
      const stamps = [
        ...data.WorkTickets.all().map((row) => row.LastModifiedDateTime),
        ...times.map((row) => row.LastModifiedDateTime),
        ...data.Opportunities.all().map((row) => row.ModifiedDate),
        ...data.Contacts.all().map((row) => row.ModifiedDate),
        ...data.ItemAllocations.all().map((row) => row.LastModifiedDateTime),
        ...data.CatalogItems.all().map((row) => row.LastUpdatedDateTime),
      ]
      expect(stamps.every((stamp) => typeof stamp === 'string' && stamp < '2026-11-18T00:00:00')).toBe(true)
    })

    it('should cover every member-day of time with a clock time', () => {
      const clocks = data.ClockTimes.all()
      for (const time of times.filter((row) => !row.DistributedTime)) {
        const clock = clocks.find((row) => row.ContactID === time.ContactID && row.ClockStart!.slice(0, 10) === time.StartTime!.slice(0, 10))
        expect(clock).toBeDefined()
        expect(clock!.ClockStart! <= time.StartTime! && clock!.ClockEnd! >= time.EndTime!).toBe(true)
      }
    })

    it('should give every route a crew leader who is an employee, and budget lines to every ticket', () => {
      for (const route of data.Routes.all()) expect(data.Contacts.get(route.CrewLeaderContactID!)?.ContactTypeName).toBe('Employee')
      const withLines = new Set(data.WorkTicketItems.all().map((item) => item.WorkTicketID))
      expect(data.WorkTickets.all().every((ticket: Row<'WorkTickets'>) => withLines.has(ticket.WorkTicketID))).toBe(true)
    })
  })

  describe('sizes', () => {
    it('should honour custom counts', () => {
      const { data } = generateTenantData({ ...INPUT, size: { employees: 20, workTickets: 30, timeEntries: 700 } })
      expect(data.Contacts.all().filter((contact) => contact.ContactTypeName === 'Employee')).toHaveLength(20)
      expect(data.WorkTickets.size).toBe(30)
      expect(data.WorkTicketTimes.size).toBe(700)
    })

    it('should leave an empty tenant with contact types only', () => {
      const { data } = generateTenantData({ ...INPUT, size: 'empty' })
      expect(data.ContactTypes.size).toBe(5)
      expect(data.WorkTickets.size + data.Contacts.size + data.Branches.size).toBe(0)
    })

    it('should emit Windows zone names when asked', () => {
      const { data } = generateTenantData({ ...INPUT, timeZoneNames: 'windows' })
      expect(data.Branches.all()[0]!.TimeZone).toBe('Central Standard Time')
      expect(data.WorkTicketTimes.all()[0]!.BranchTimeZone).toMatch(/Standard Time$/)
    })
  })
})
