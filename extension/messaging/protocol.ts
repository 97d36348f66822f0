/**
 * Messages from the popup, options page and content scripts to the background, which owns every API call
 * (content scripts on vendor pages cannot reach a local API: Chrome's Local Network Access blocks them).
 * @module
 */
import type { Organization, User } from '../../shared/api/auth'
import type { ConnectionView, CreateConnectionRequest, PageSyncAction, UpdateConnectionRequest, Vendor } from '../../shared/api/connections'
import type { DiagnosticsView, SelectorMiss } from '../../shared/api/diagnostics'
import type { HealthResponse } from '../../shared/api/health'
import type { JobView, MilestoneBadge, ReviewQueue } from '../../shared/api/jobs'
import type { ProPayDetail, ProPayList, ProPaySummary } from '../../shared/api/propays'
import type { UpdateOrganizationRequest } from '../../shared/api/organization'
import type { LineItemView, StatementAdjustmentKind, StatementList, StatementView } from '../../shared/api/statements'
import type { PageContext } from '../ui/panel/page-context'

export type BackendStatus =
  | { reachable: true; apiBaseUrl: string; health: HealthResponse }
  | { reachable: false; apiBaseUrl: string; error: string }

export type AuthState =
  | { signedIn: false; apiBaseUrl: string }
  | { signedIn: true; apiBaseUrl: string; user: User; organization: Organization }

export type SignedInState = Extract<AuthState, { signedIn: true }>

/**
 * A force sync either starts (or joins a running one) or is refused for a cooldown. The cooldown is an
 * expected answer, not a failure, so it comes back as a value with the seconds to wait.
 */
export type ForceSyncOutcome =
  | { kind: 'accepted'; started: boolean; message: string; connection: ConnectionView }
  | { kind: 'cooldown'; message: string; retryAfterSeconds: number }

/** What the ProPay badge on a work ticket shows: the ticket's milestone and the ProPay covering it (null: none). */
export type TicketProPay = MilestoneBadge

/**
 * Connecting (or refreshing) Buildertrend with the session of the signed-in buildertrend.net tab. The cookies never
 * travel in a message: the background reads them itself.
 */
export type SessionConnectOutcome =
  | { kind: 'connected' | 'reconnected'; connection: ConnectionView }
  /** The browser holds no Buildertrend session (signed out). */
  | { kind: 'no_session'; message: string }
  /** An automatic refresh found nothing to refresh (or already tried on this page). */
  | { kind: 'not_needed' }

/** What became of a page action's sync request, per connection of that vendor (none: not connected, or paused). */
export interface PageSyncOutcome {
  connections: Array<{
    id: string
    /** Started now; otherwise it runs at `runsAt`, or right after the run in progress. */
    started: boolean
    runsAt: string | null
    /** The connection's last finished run before the request: a later one means the change has been read. */
    lastRunFinishedAt: string | null
    /** A run after the request has finished (false: still going when the background stopped waiting). */
    finished: boolean
  }>
}

/**
 * What a panel frame shows (#15): which vendor, where it sits, and the screen it is on. The content script reports the
 * layout and page; the background adds the vendor from the sender (never from the message) and keeps it per tab.
 */
export interface PanelContext {
  vendor: Vendor
  layout: 'dock' | 'inline'
  page: PageContext
}

export interface Messages {
  'backend:status': { request: Record<string, never>; response: BackendStatus }
  'auth:state': { request: Record<string, never>; response: AuthState }
  'auth:signIn': { request: { apiBaseUrl: string; email: string; password: string }; response: AuthState }
  'auth:signOut': { request: Record<string, never>; response: AuthState }
  /** Admins, from the options page: the organisation's time zone, locale and currency (how figures read everywhere). */
  'organization:update': { request: UpdateOrganizationRequest; response: AuthState }
  'connections:list': { request: Record<string, never>; response: { connections: ConnectionView[] } }
  'connections:get': { request: { id: string }; response: ConnectionView }
  'connections:create': { request: CreateConnectionRequest; response: ConnectionView }
  'connections:update': { request: { id: string; patch: UpdateConnectionRequest }; response: ConnectionView }
  'connections:forceSync': { request: { id: string }; response: ForceSyncOutcome }
  /**
   * `auto`: only refresh an existing connection whose session ended (the panel asks on every page load); otherwise the
   * admin clicked "Connect with this signed-in account" and `settings` are those of a new connection.
   */
  'buildertrend:connectSession': { request: { auto: boolean; settings?: { syncStartDate: string; baseUrl?: string } }; response: SessionConnectOutcome }
  /**
   * The content script saw, in the vendor's page, an action that changes data we use: sync that vendor's connections
   * now (page-triggered sync). Only a hint; the backend re-reads the vendor. Answers once those runs have finished.
   */
  'sync:pageAction': { request: { vendor: Vendor; action: PageSyncAction; recordId?: string }; response: PageSyncOutcome }
  /** The job (Aspire OpportunityID) with its ProPays; null when it is not synced. */
  'propay:forJob': { request: { externalId: string }; response: { job: JobView | null } }
  /** Batched: each Aspire WorkTicketID → its ProPay, null when the ticket is not synced. */
  'propay:forTickets': { request: { ticketIds: string[] }; response: { tickets: Record<string, TicketProPay | null> } }
  'propay:get': { request: { id: string }; response: ProPayDetail }
  /** The review screen (#15): milestones pending review and ProPays ready to approve; also sets the icon's count. */
  'review:queue': { request: Record<string, never>; response: ReviewQueue }
  /** Opens the review screen in a tab (from the popup, or a panel, which cannot open extension pages itself). */
  'review:open': { request: Record<string, never>; response: { opened: true } }
  /** ProPays by status, e.g. the approved ones a manager may still take back. */
  'propays:list': { request: { status: 'approved' | 'active' }; response: ProPayList }
  'review:unapprove': { request: { id: string }; response: ProPayDetail }
  /** Statements for payroll (#17), open ones by default; `period` is any date inside the pay period. */
  'statements:list': { request: { status?: 'open' | 'paid'; period?: string }; response: StatementList }
  'statements:adjust': { request: { id: string; kind: StatementAdjustmentKind; amountCents: number; purpose: string }; response: StatementView }
  /** The "Bonuses for Payroll" CSV of a pay period, as text for the page to save. */
  'statements:exportCsv': { request: { period: string }; response: { csv: string; filename: string } }
  /** Hold (until a date, or until released), release, extend a hold, or void a bonus line item. */
  'lineItems:act': { request: { id: string; action: 'hold' | 'release' | 'extend_hold' | 'void'; until?: string }; response: LineItemView }
  'propay:approve': { request: { id: string }; response: ProPayDetail }
  /**
   * What a content script looked for in its vendor's page and did not find (#15), as route patterns only; the
   * background adds the extension's version and posts them. Each miss must name the sender's own vendor.
   */
  'diagnostics:selectorMiss': { request: { misses: SelectorMiss[] }; response: { recorded: number } }
  /** The options page's Diagnostics section (admins): the org's selector misses and connection facts. */
  'diagnostics:view': { request: Record<string, never>; response: DiagnosticsView }
  /** Content script → background: the screen its panel frame sits on now (kept per tab, read by the frame). */
  'panel:setContext': { request: { layout: PanelContext['layout']; page: PageContext }; response: { stored: true } }
  /** Panel frame → background: its own tab's context (from `sender.tab`), and the tab id to watch for updates. */
  'panel:context': { request: Record<string, never>; response: { tabId: number; context: PanelContext | null } }
  /** Content script → background: a badge was clicked; the breakdown frame about to open shows these ProPays. */
  'panel:openBreakdown': { request: { propays: ProPaySummary[] }; response: { stored: true } }
  /** Breakdown frame → background: what its tab's badge asked to show. */
  'panel:breakdown': { request: Record<string, never>; response: { propays: ProPaySummary[] } }
}

export type MessageType = keyof Messages
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: Messages[T]['request'] }
export type Reply<T extends MessageType> = { ok: true; data: Messages[T]['response'] } | { ok: false; error: string }
