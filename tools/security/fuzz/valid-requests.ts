/**
 * A valid request for every route, built from the seeded org: the fuzzer's starting points, mutated one field at a
 * time so that validation deep inside each handler is reached.
 * @module
 */
import type { FuzzWorld } from './fuzz-world'

export interface ValidRequest {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: Record<string, unknown>
}

const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)

const fullPool = { splitBp: 5000, bucketsBp: { crew: 6000, crew_lead: 2000, manager: 1000, company: 500, other: 500 }, otherRecipientIds: ['F-boss'] }

export const validRequests: Record<string, (w: FuzzWorld) => ValidRequest[]> = {
  'GET /health': (): ValidRequest[] => [{}],
  'POST /api/v1/auth/login': (w): ValidRequest[] => [{ body: { email: w.org.users.worker.email, password: w.org.password } }],
  'POST /api/v1/auth/logout': (): ValidRequest[] => [{}],
  'GET /api/v1/me': (): ValidRequest[] => [{}],
  'GET /api/v1/organization': (): ValidRequest[] => [{}],
  'PATCH /api/v1/organization': (): ValidRequest[] => [{ body: { name: 'F Landscaping', timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' } }, { body: { locale: 'en-CA' } }],
  'GET /api/v1/users': (): ValidRequest[] => [{}],
  'GET /api/v1/users/:id': (w): ValidRequest[] => [{ params: { id: w.org.users.worker.id } }],
  'GET /api/v1/employees': (w): ValidRequest[] => [{}, { query: { connectionId: w.org.connections.aspire, active: 'true', limit: '3' } }],
  'POST /api/v1/users': (): ValidRequest[] => [{ body: { email: 'new.person@f-landscaping.test', name: 'New Person', role: 'crew_lead', password: 'a long enough password' } }],
  'GET /api/v1/connections': (): ValidRequest[] => [{}],
  'POST /api/v1/connections': (w): ValidRequest[] => [
    {
      body: {
        vendor: 'aspire',
        credentials: { clientId: w.freshTenant.clientId, secret: w.freshTenant.secret },
        settings: { syncStartDate: '2026-01-01', baseUrl: w.org.aspireBaseUrl, reconcileDays: 30, pageSize: 200, employeeContactTypes: ['Employee'] },
        frequencySeconds: 900,
      },
    },
  ],
  'GET /api/v1/connections/:id': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire } }],
  'PATCH /api/v1/connections/:id': (w): ValidRequest[] => [
    { params: { id: w.org.connections.aspire }, body: { frequencySeconds: 600, paused: false, settings: { reconcileDays: 20 } } },
    { params: { id: w.org.connections.aspire }, body: { credentials: { clientId: w.org.aspireTenant.clientId, secret: w.org.aspireTenant.secret } } },
    { params: { id: w.org.connections.exaktime }, body: { settings: { windowDays: 14, jobBudgets: { L201: { hours: 10, contractPriceCents: 100_000 } } } } },
    // ExakTime's only way in: Company ID + API key (fuzzed into username/password, empty or oversized keys, …).
    { params: { id: w.org.connections.exaktime }, body: { credentials: w.org.exaktimeCredentials } },
    { params: { id: w.org.connections.buildertrend }, body: { settings: { windowWeeks: 4, timeZone: 'America/Denver' } } },
    // A session handed over by the extension (fuzzed into unknown names, oversized or control-character values, …);
    // these values open no session at the stand-in, so the unmutated request is refused as an ended session.
    {
      params: { id: w.org.connections.buildertrend },
      body: { credentials: { kind: 'browser_session', cookies: [{ name: '.AspNet.Auth0', value: 'fuzz-ticket' }, { name: 'ASP.NET_SessionId', value: 'fuzz-session' }, { name: 'GAESA', value: 'fuzz-affinity' }] } },
    },
  ],
  'DELETE /api/v1/connections/:id': (w): ValidRequest[] => w.spareConnections.map((id) => ({ params: { id } })),
  'POST /api/v1/connections/:id/sync': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire } }],
  'POST /api/v1/connections/:id/page-sync': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire }, body: { action: 'work_ticket_completed', recordId: 'WT-1001' } }],
  'GET /api/v1/connections/:id/runs': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire } }],
  'GET /api/v1/connections/:id/pushes': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire } }],
  'GET /api/v1/connections/:id/conflicts': (w): ValidRequest[] => [{ params: { id: w.org.connections.aspire } }],
  'POST /api/v1/propays': (w): ValidRequest[] => [
    { body: { connectionId: w.org.connections.fixture, jobExternalId: 'F-J2', managerUserId: w.org.users.manager.id, budget: { type: 'amount', amountCents: 50_000 } } },
    { body: { connectionId: w.org.connections.fixture, jobExternalId: 'F-J2', budget: { type: 'rate', rateCentsPerUnit: 1250, quantity: '12.5' } } },
    { body: { connectionId: w.org.connections.fixture, jobExternalId: 'F-R1', milestoneExternalId: 'F-V2', budget: { type: 'task_hours', tasks: [{ taskId: 't1', budgetSeconds: 7200 }] } } },
  ],
  'GET /api/v1/propays': (w): ValidRequest[] => [
    { query: { status: 'active', limit: '10' } },
    { query: { vendor: 'aspire', externalId: 'F-J1' } },
    { query: { jobId: w.ids.ref.job[0]!, connectionId: w.org.connections.fixture } },
  ],
  'GET /api/v1/propays/:id': (w): ValidRequest[] => [...w.ids.ref.propay.slice(0, 3), w.target].map((id) => ({ params: { id } })),
  'PATCH /api/v1/propays/:id': (w): ValidRequest[] => [
    {
      params: { id: w.ids.ref.propay[0]! },
      body: {
        budget: { type: 'contract_price', contractPriceCents: 250_000, laborBudgetBp: 4000 },
        adjustment: { kind: 'percentage_increase', bp: 1000 },
        pool: fullPool,
        distribution: { type: 'crew_lead_weighted', leadFactorBp: 15_000 },
        costSettings: { includeDriveTime: true },
        people: { managerUserId: w.org.users.manager.id, managerWorkerId: 'F-boss', crewLeadIds: ['F-w1'], excludedWorkerIds: [], bonusRemovedWorkerIds: ['F-w2'] },
        safeguards: {
          disqualifiers: [{ id: 'dq1', label: 'Damage', outcome: 'unresolved' }],
          penalties: [{ id: 'p1', category: 'Late', amountCents: 500, outcome: 'unresolved' }],
        },
      },
    },
    { params: { id: w.ids.ref.propay[0]! }, body: { distribution: { type: 'manual', amountsCents: { 'F-w1': 1000, 'F-w2': 2000 } }, adjustment: { kind: 'manual_hours', seconds: 36_000 } } },
  ],
  'POST /api/v1/propays/:id/approve': (w): ValidRequest[] => [
    { params: { id: w.target }, body: { approvalDate: '2026-05-07', disqualifiers: [], penalties: [] } },
    { params: { id: w.target }, body: { approvalDate: '2026-02-28' } },
  ],
  'POST /api/v1/propays/:id/unapprove': (w): ValidRequest[] => [{ params: { id: w.target } }],
  'POST /api/v1/propays/:id/cancel': (w): ValidRequest[] => [{ params: { id: w.target } }],
  'POST /api/v1/propays/:id/restore': (w): ValidRequest[] => [{ params: { id: w.target } }],
  'GET /api/v1/review-queue': (): ValidRequest[] => [{}],
  'GET /api/v1/statements': (w): ValidRequest[] => [
    { query: { status: 'open', period: '2026-05-06', limit: '5' } },
    { query: { connectionId: w.org.connections.fixture, workerId: 'F-w1' } },
  ],
  'GET /api/v1/statements/:id': (w): ValidRequest[] => [{ params: { id: w.ids.ref.statement[0]! } }, { params: { id: 'ST-001' } }],
  'POST /api/v1/statements/:id/pay': (w): ValidRequest[] => w.ids.ref.statement.map((id) => ({ params: { id }, body: { payDate: '2027-01-15' } })),
  'POST /api/v1/statements/:id/adjustments': (w): ValidRequest[] =>
    w.ids.ref.statement.flatMap((id) => [
      { params: { id }, body: { kind: 'bonus', amountCents: 1_250, purpose: 'Safety award, Q2 "best crew"' } },
      { params: { id }, body: { kind: 'deduction', amountCents: 1, purpose: 'Lost tool' } },
    ]),
  'GET /api/v1/statements/export.csv': (w): ValidRequest[] => [
    { query: { period: '2026-05-07' } },
    { query: { period: '2026-05-06', connectionId: w.org.connections.fixture } },
  ],
  'POST /api/v1/line-items/:id/hold': (w): ValidRequest[] => w.ids.ref.lineItem.map((id) => ({ params: { id }, body: { until: '2027-02-01' } })),
  'POST /api/v1/line-items/:id/release': (w): ValidRequest[] => w.ids.ref.lineItem.map((id) => ({ params: { id } })),
  'POST /api/v1/line-items/:id/extend-hold': (w): ValidRequest[] => w.ids.ref.lineItem.map((id) => ({ params: { id }, body: { until: '2027-03-01' } })),
  'POST /api/v1/line-items/:id/void': (w): ValidRequest[] => w.ids.ref.lineItem.slice(-2).map((id) => ({ params: { id } })),
  'GET /api/v1/jobs': (w): ValidRequest[] => [
    { query: { vendor: 'aspire', status: 'in_progress', limit: '20' } },
    { query: { connectionId: w.org.connections.fixture, externalId: 'F-J1' } },
  ],
  'GET /api/v1/jobs/:id': (w): ValidRequest[] => [{ params: { id: w.ids.ref.job[0]! } }],
  'GET /api/v1/milestones': (w): ValidRequest[] => [{ query: { externalId: 'F-M1', connectionId: w.org.connections.fixture } }, { query: { externalId: 'F-V1', vendor: 'aspire' } }],
  'POST /api/v1/diagnostics/selector-misses': (): ValidRequest[] => [
    {
      body: {
        extensionVersion: '1.4.0',
        misses: [
          { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id' },
          { vendor: 'buildertrend', kind: 'page_action', pagePattern: '/app/TimeClock' },
        ],
      },
    },
  ],
  'GET /api/v1/diagnostics': (): ValidRequest[] => [{}],
  'POST /api/v1/milestones/badges': (): ValidRequest[] => [{ body: { vendor: 'aspire', externalIds: ['F-M1', 'F-V1', 'F-nope'] } }],
  'GET /api/v1/bonus-settings': (): ValidRequest[] => [{}],
  'PATCH /api/v1/bonus-settings': (w): ValidRequest[] => [
    {
      body: {
        launchDate: '2026-01-01',
        incentivizedBranchIds: ['1', 'north'],
        exclusionRules: [
          { kind: 'service_type', serviceType: 'Snow' },
          { kind: 'invoice_type', invoiceType: 'T&M' },
          { kind: 'name_pattern', pattern: 'warranty*' },
          { kind: 'property', propertyId: '2001' },
        ],
        excludedJobs: [{ connectionId: w.org.connections.fixture, jobExternalId: 'F-J2' }],
        defaultBudgetType: 'amount',
        contractLaborBudgetBp: 3500,
        budgetModifierBp: 11_000,
        pool: fullPool,
        distribution: { type: 'crew_lead_weighted', crewLeadFactorBp: 15_000 },
        costSettings: { includeDriveTime: false, includeBurden: true, includeOvertimePremium: false },
        payPeriod: { frequency: 'biweekly', anchorStart: '2026-01-05' },
        postingPeriod: 'previous',
        holdPolicy: { waitingPeriodDays: 7, retentionDays: { crew: 0, crew_lead: 14, manager: 30, other: 0 } },
        safeguards: { disqualifiers: [{ id: 'dq1', label: 'Damage' }], penalties: [{ id: 'p1', category: 'Late', amountCents: 500 }] },
        negativeNetting: { enabled: true, rollOver: true },
      },
    },
    { body: { payPeriod: { frequency: 'semi_monthly', startDay: 1 }, launchDate: null } },
  ],
  'POST /api/v1/time-entries': (w): ValidRequest[] => [
    {
      body: {
        connectionId: w.org.connections.fixture,
        workerExternalId: 'F-w1',
        milestoneExternalId: w.org.fixture.openMilestone,
        routeExternalId: 'F-route',
        startAt: `${twoDaysAgo()}T09:00:00-05:00`,
        endAt: `${twoDaysAgo()}T10:30:00-05:00`,
      },
    },
  ],
  'GET /api/v1/time-entries': (w): ValidRequest[] => [
    { query: { connectionId: w.org.connections.fixture } },
    { query: { connectionId: w.org.connections.aspire, milestoneExternalId: 'F-M1', workerExternalId: 'F-w1' } },
    { query: { connectionId: w.org.connections.fixture, from: '2026-01-01', to: twoDaysAgo(), limit: '2' } },
  ],
  'POST /api/v1/materials': (w): ValidRequest[] => [
    {
      body: {
        connectionId: w.org.connections.fixture,
        milestoneExternalId: w.org.fixture.openMilestone,
        catalogItemExternalId: 'cat-1',
        inventoryLocationExternalId: 'loc-1',
        quantity: 2.5,
        allocationDate: twoDaysAgo(),
      },
    },
  ],
  'PATCH /api/v1/materials/:id': (w): ValidRequest[] => w.ids.ref.material.slice(0, 2).map((id) => ({ params: { id }, body: { quantity: 3, inventoryLocationExternalId: '10' } })),
}

/** Fields the fuzzer must leave alone, and why. */
export const untouchable = new Set([
  // Without a sandbox base URL the connector would call the vendor's real servers from a test.
  'settings.baseUrl',
])
