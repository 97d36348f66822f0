/**
 * How the tenant-isolation probe fills each route: what every path parameter names, and a request per use of the
 * route with every id-like body and query field drawn from an id supply (the other org's ids, guessed ids, or the
 * caller's own mixed with the other org's). A route or id field missing here fails the probe's coverage test.
 * @module
 */
import type { SeededOrg } from './two-orgs'

/** Our ids of an organisation's resources (and sign-in emails, which name a user). */
export type RefKind = 'user' | 'email' | 'connection' | 'propay' | 'statement' | 'lineItem' | 'job' | 'material'
/** Vendor ids: they mean something only within one connection, and two orgs' connections may share them. */
export type VendorKind = 'job' | 'milestone' | 'worker' | 'route' | 'catalogItem' | 'inventoryLocation' | 'branch' | 'property'
/** `label`: a name the caller makes up (a safeguard's or a task's id), pointing at nothing stored. */
export type FieldKind = { ref: RefKind } | { vendor: VendorKind } | 'label'

export interface IdFill {
  ref(kind: RefKind): string
  vendor(kind: VendorKind): string
}

export interface ProbeRequest {
  query?: Record<string, string>
  body?: unknown
}

export interface RouteProbe {
  /** What each `:param` of the path names. */
  params?: Record<string, RefKind>
  /** Every id-like field of the body and query schema (paths as `idFieldPaths` writes them) and what it names. */
  fields?: Record<string, FieldKind>
  /** The requests to send; without `build`, one request without query or body. */
  build?: (id: IdFill, self: SeededOrg) => ProbeRequest[]
  /** The query's ids only narrow a list: another org's id must be answered exactly like an id nobody has. */
  filter?: boolean
}

const ref = (kind: RefKind): FieldKind => ({ ref: kind })
const vendor = (kind: VendorKind): FieldKind => ({ vendor: kind })

const pool = (otherRecipientId: string) => ({
  splitBp: 5000,
  bucketsBp: { crew: 9000, crew_lead: 0, manager: 0, company: 0, other: 1000 },
  otherRecipientIds: [otherRecipientId],
})
const safeguards = {
  disqualifiers: [{ id: 'dq-probe', label: 'Property damage', outcome: 'unresolved' as const }],
  penalties: [{ id: 'pen-probe', category: 'Late start', amountCents: 0, outcome: 'unresolved' as const }],
}
const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)

export const probes: Record<string, RouteProbe> = {
  'GET /health': {},
  'POST /api/v1/auth/login': {
    // A sign-in name of the other org with the caller's own password must fail like an unknown email.
    build: (id, self): ProbeRequest[] => [{ body: { email: id.ref('email'), password: self.password } }],
  },
  'POST /api/v1/auth/logout': {},
  'GET /api/v1/me': {},
  'GET /api/v1/organization': {},
  'PATCH /api/v1/organization': { build: (): ProbeRequest[] => [{ body: { locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' } }] },
  'GET /api/v1/users': {},
  'GET /api/v1/users/:id': { params: { id: 'user' } },
  'GET /api/v1/employees': {
    filter: true,
    fields: { connectionId: ref('connection') },
    build: (id): ProbeRequest[] => [{ query: {} }, { query: { connectionId: id.ref('connection') } }, { query: { connectionId: id.ref('connection'), active: 'true', limit: '2' } }],
  },
  'POST /api/v1/users': {
    build: (id): ProbeRequest[] => [{ body: { email: id.ref('email'), name: 'Probe Person', role: 'worker', password: 'probe password 1234' } }],
  },
  'GET /api/v1/connections': {},
  'POST /api/v1/connections': {
    // No ids: the caller's own Aspire account again (answered 409, naming the caller's own connection).
    build: (_, self): ProbeRequest[] => [
      {
        body: {
          vendor: 'aspire',
          credentials: { clientId: self.aspireTenant.clientId, secret: self.aspireTenant.secret },
          settings: { syncStartDate: '2000-01-01', baseUrl: self.aspireBaseUrl },
        },
      },
    ],
  },
  'GET /api/v1/connections/:id': { params: { id: 'connection' } },
  'PATCH /api/v1/connections/:id': { params: { id: 'connection' }, build: () => [{ body: { frequencySeconds: 3600 } }, { body: { paused: true } }] },
  'DELETE /api/v1/connections/:id': { params: { id: 'connection' } },
  'POST /api/v1/connections/:id/sync': { params: { id: 'connection' } },
  // recordId is only logged (the run re-reads the vendor); probed with another org's ticket all the same.
  'POST /api/v1/connections/:id/page-sync': {
    params: { id: 'connection' },
    fields: { recordId: vendor('milestone') },
    build: (id): ProbeRequest[] => [{ body: { action: 'work_ticket_completed', recordId: id.vendor('milestone') } }],
  },
  'GET /api/v1/connections/:id/runs': { params: { id: 'connection' } },
  'GET /api/v1/connections/:id/pushes': { params: { id: 'connection' } },
  'GET /api/v1/connections/:id/conflicts': { params: { id: 'connection' } },
  'POST /api/v1/propays': {
    fields: {
      connectionId: ref('connection'),
      jobExternalId: vendor('job'),
      milestoneExternalId: vendor('milestone'),
      managerUserId: ref('user'),
      'budget.tasks[].taskId': 'label',
    },
    build: (id): ProbeRequest[] => [
      { body: { connectionId: id.ref('connection'), jobExternalId: id.vendor('job'), managerUserId: id.ref('user') } },
      { body: { connectionId: id.ref('connection'), jobExternalId: id.vendor('job'), milestoneExternalId: id.vendor('milestone') } },
      { body: { connectionId: id.ref('connection'), jobExternalId: id.vendor('job'), budget: { type: 'task_hours', tasks: [{ taskId: 'task-probe', budgetSeconds: 3600 }] } } },
    ],
  },
  'GET /api/v1/propays': {
    filter: true,
    fields: { jobId: ref('job'), connectionId: ref('connection'), externalId: vendor('job') },
    build: (id): ProbeRequest[] => [
      { query: { jobId: id.ref('job') } },
      { query: { connectionId: id.ref('connection') } },
      { query: { connectionId: id.ref('connection'), externalId: id.vendor('job') } },
      { query: { vendor: 'aspire', externalId: id.vendor('job') } },
    ],
  },
  'GET /api/v1/propays/:id': { params: { id: 'propay' } },
  'PATCH /api/v1/propays/:id': {
    params: { id: 'propay' },
    fields: {
      'budget.tasks[].taskId': 'label',
      'people.managerUserId': ref('user'),
      'people.managerWorkerId': vendor('worker'),
      'people.crewLeadIds': vendor('worker'),
      'people.excludedWorkerIds': vendor('worker'),
      'people.bonusRemovedWorkerIds': vendor('worker'),
      'pool.otherRecipientIds': vendor('worker'),
      'safeguards.disqualifiers[].id': 'label',
      'safeguards.penalties[].id': 'label',
    },
    build: (id): ProbeRequest[] => [
      { body: { people: { managerUserId: id.ref('user') } } },
      { body: { people: { managerWorkerId: id.vendor('worker'), crewLeadIds: [id.vendor('worker')] } } },
      { body: { people: { excludedWorkerIds: [id.vendor('worker')], bonusRemovedWorkerIds: [id.vendor('worker')] } } },
      { body: { pool: pool(id.vendor('worker')) } },
      { body: { budget: { type: 'task_hours', tasks: [{ taskId: 'task-probe', budgetSeconds: 3600 }] }, safeguards } },
    ],
  },
  'POST /api/v1/propays/:id/approve': {
    params: { id: 'propay' },
    fields: { 'disqualifiers[].id': 'label', 'penalties[].id': 'label' },
    build: () => [{ body: { approvalDate: '2026-05-07', disqualifiers: [{ id: 'dq-probe', outcome: 'pass' }], penalties: [{ id: 'pen-probe', outcome: 'waived' }] } }],
  },
  'POST /api/v1/propays/:id/unapprove': { params: { id: 'propay' } },
  'POST /api/v1/propays/:id/cancel': { params: { id: 'propay' } },
  'POST /api/v1/propays/:id/restore': { params: { id: 'propay' } },
  'GET /api/v1/review-queue': {},
  'GET /api/v1/statements': {
    filter: true,
    fields: { connectionId: ref('connection'), workerId: vendor('worker') },
    build: (id): ProbeRequest[] => [{ query: { connectionId: id.ref('connection') } }, { query: { workerId: id.vendor('worker') } }],
  },
  'GET /api/v1/statements/:id': { params: { id: 'statement' } },
  'POST /api/v1/statements/:id/pay': { params: { id: 'statement' }, build: () => [{ body: { payDate: '2027-02-01' } }] },
  'POST /api/v1/statements/:id/adjustments': {
    params: { id: 'statement' },
    build: () => [{ body: { kind: 'bonus', amountCents: 100, purpose: 'Probe bonus' } }, { body: { kind: 'deduction', amountCents: 1, purpose: 'Probe deduction' } }],
  },
  'GET /api/v1/statements/export.csv': {
    filter: true,
    fields: { connectionId: ref('connection') },
    build: (id): ProbeRequest[] => [{ query: { period: '2026-05-07', connectionId: id.ref('connection') } }],
  },
  'POST /api/v1/line-items/:id/hold': { params: { id: 'lineItem' }, build: () => [{ body: {} }, { body: { until: '2027-03-01' } }] },
  'POST /api/v1/line-items/:id/release': { params: { id: 'lineItem' } },
  'POST /api/v1/line-items/:id/extend-hold': { params: { id: 'lineItem' }, build: () => [{ body: { until: '2027-03-01' } }] },
  'POST /api/v1/line-items/:id/void': { params: { id: 'lineItem' } },
  'GET /api/v1/jobs': {
    filter: true,
    fields: { connectionId: ref('connection'), externalId: vendor('job') },
    build: (id): ProbeRequest[] => [
      { query: { connectionId: id.ref('connection') } },
      { query: { connectionId: id.ref('connection'), externalId: id.vendor('job') } },
      { query: { vendor: 'aspire', externalId: id.vendor('job') } },
    ],
  },
  'GET /api/v1/jobs/:id': { params: { id: 'job' } },
  'GET /api/v1/milestones': {
    filter: true,
    fields: { connectionId: ref('connection'), externalId: vendor('milestone') },
    build: (id): ProbeRequest[] => [{ query: { connectionId: id.ref('connection'), externalId: id.vendor('milestone') } }, { query: { vendor: 'aspire', externalId: id.vendor('milestone') } }],
  },
  'POST /api/v1/milestones/badges': {
    filter: true,
    fields: { externalIds: vendor('milestone') },
    build: (id): ProbeRequest[] => [{ body: { vendor: 'aspire', externalIds: [id.vendor('milestone')] } }],
  },
  // No ids: a miss names a vendor, a closed kind and a route pattern; the admin view reads only the caller's org.
  'POST /api/v1/diagnostics/selector-misses': {
    build: (): ProbeRequest[] => [{ body: { extensionVersion: '1.0.0', misses: [{ vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id' }] } }],
  },
  'GET /api/v1/diagnostics': {},
  'GET /api/v1/bonus-settings': {},
  'PATCH /api/v1/bonus-settings': {
    fields: {
      'excludedJobs[].connectionId': ref('connection'),
      'excludedJobs[].jobExternalId': vendor('job'),
      'exclusionRules[].propertyId': vendor('property'),
      incentivizedBranchIds: vendor('branch'),
      'pool.otherRecipientIds': vendor('worker'),
      'safeguards.disqualifiers[].id': 'label',
      'safeguards.penalties[].id': 'label',
    },
    build: (id): ProbeRequest[] => [
      { body: { excludedJobs: [{ connectionId: id.ref('connection'), jobExternalId: id.vendor('job') }] } },
      { body: { exclusionRules: [{ kind: 'property', propertyId: id.vendor('property') }], incentivizedBranchIds: [id.vendor('branch')] } },
      {
        body: {
          pool: pool(id.vendor('worker')),
          safeguards: {
            disqualifiers: [{ id: 'dq-probe', label: 'Property damage' }],
            penalties: [{ id: 'pen-probe', category: 'Late start', amountCents: 0 }],
          },
        },
      },
    ],
  },
  'POST /api/v1/time-entries': {
    fields: { connectionId: ref('connection'), workerExternalId: vendor('worker'), milestoneExternalId: vendor('milestone'), routeExternalId: vendor('route') },
    build: (id): ProbeRequest[] => {
      const day = twoDaysAgo()
      return [
        {
          body: {
            connectionId: id.ref('connection'),
            workerExternalId: id.vendor('worker'),
            milestoneExternalId: id.vendor('milestone'),
            routeExternalId: id.vendor('route'),
            startAt: `${day}T05:07:00Z`,
            endAt: `${day}T05:37:00Z`,
          },
        },
      ]
    },
  },
  'GET /api/v1/time-entries': {
    filter: true,
    fields: { connectionId: ref('connection'), milestoneExternalId: vendor('milestone'), workerExternalId: vendor('worker') },
    build: (id): ProbeRequest[] => [
      { query: { connectionId: id.ref('connection') } },
      { query: { connectionId: id.ref('connection'), milestoneExternalId: id.vendor('milestone'), workerExternalId: id.vendor('worker') } },
    ],
  },
  'POST /api/v1/materials': {
    fields: {
      connectionId: ref('connection'),
      milestoneExternalId: vendor('milestone'),
      catalogItemExternalId: vendor('catalogItem'),
      inventoryLocationExternalId: vendor('inventoryLocation'),
    },
    build: (id): ProbeRequest[] => [
      {
        body: {
          connectionId: id.ref('connection'),
          milestoneExternalId: id.vendor('milestone'),
          catalogItemExternalId: id.vendor('catalogItem'),
          inventoryLocationExternalId: id.vendor('inventoryLocation'),
          quantity: 3,
          allocationDate: twoDaysAgo(),
        },
      },
    ],
  },
  'PATCH /api/v1/materials/:id': {
    params: { id: 'material' },
    fields: { inventoryLocationExternalId: vendor('inventoryLocation') },
    build: (id): ProbeRequest[] => [{ body: { quantity: 7 } }, { body: { inventoryLocationExternalId: id.vendor('inventoryLocation') } }],
  },
}
