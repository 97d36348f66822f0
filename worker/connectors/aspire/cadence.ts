/**
 * What each Aspire stream re-reads when, in words for the connection status (README "How syncing works", Aspire):
 * changes every cycle, the presence passes that find silent deletions once an hour (`pass-cursor.ts`).
 * @module
 */
const CHANGES = 'Every sync: changes since the last sync. Hourly: deletions and records Aspire stamped behind the last sync.'
const RECENT = 'Every sync: changes since the last sync. Hourly: deletions over the last 35 days.'

export const ASPIRE_CADENCE: Readonly<Record<string, string>> = {
  Branches: 'Every sync: the whole list (its time zones date every other change).',
  Routes: 'Every sync: the whole list. Hourly: deletions.',
  PayRates: 'Every sync: every wage, removed ones included.',
  Properties: CHANGES,
  Contacts: CHANGES,
  Opportunities: CHANGES,
  WorkTickets: CHANGES,
  WorkTicketItems: 'Every sync: new budget lines. Hourly: edited and deleted ones.',
  WorkTicketTimes: RECENT,
  ItemAllocations: RECENT,
}
