/**
 * The Aspire screens the extension knows, as the rest of the extension sees them.
 * @module
 */

/** `job` is Aspire's Opportunity screen; `api-admin` is Administration → Application → API. */
export const ASPIRE_PAGE_KINDS = ['job', 'work-ticket', 'work-ticket-list', 'api-admin', 'other'] as const
export type AspirePageKind = (typeof ASPIRE_PAGE_KINDS)[number]

export interface AspirePage {
  kind: AspirePageKind
  /** OpportunityID for a job, WorkTicketID for a work ticket; null where the page has none. */
  id: string | null
  /** Text read from the page (e.g. the opportunity's name), shown as text only. */
  title: string | null
  /** The page's own content confirms the kind and id: its anchor has rendered. */
  rendered: boolean
}

/** Where the panel goes on an Aspire screen (see `mount-target.ts`). */
export type { PanelPlacement as MountTarget } from '../../ui/panel/placement'
