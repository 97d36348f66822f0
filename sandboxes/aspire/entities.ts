/**
 * The entity sets the sandbox simulates: their path, OpenAPI schema, key, modified-stamp fields and the
 * "modified by" pair (whose casing differs per entity: `LastModifiedByUserId` on Contacts).
 * @module
 */
import type { components } from '../../shared/vendor-contracts/aspire/aspire-api'

type Schemas = components['schemas']

export const ENTITY_SETS = {
  Branches: { schema: 'AspireCloud.Domain.Tenant.Branches.ODataModel.Branch', key: 'BranchID', modified: null, modifiedBy: null },
  ContactTypes: { schema: 'AspireCloud.Domain.Tenant.Contacts.ODataModel.ContactType', key: 'ContactTypeID', modified: null, modifiedBy: null },
  Contacts: {
    schema: 'AspireCloud.Domain.Tenant.Contacts.ODataModel.Contact',
    key: 'ContactID',
    modified: 'ModifiedDate',
    modifiedBy: ['LastModifiedByUserId', 'LastModifiedByUserName'],
  },
  PayRates: { schema: 'AspireCloud.Domain.Tenant.PayRates.ODataModel.PayRate', key: 'PayRateID', modified: null, modifiedBy: null },
  Routes: { schema: 'AspireCloud.Domain.Tenant.Routes.ODataModel.Route', key: 'RouteID', modified: null, modifiedBy: null },
  Properties: {
    schema: 'AspireCloud.Domain.Tenant.Properties.ODataModel.Property',
    key: 'PropertyID',
    modified: 'ModifiedDate',
    modifiedBy: ['ModifiedByUserID', 'ModifiedByUserName'],
  },
  Opportunities: {
    schema: 'AspireCloud.Domain.Tenant.Opportunities.ODataModel.Opportunity',
    key: 'OpportunityID',
    modified: 'ModifiedDate',
    modifiedBy: ['ModifiedByUserID', 'ModifiedByUserName'],
  },
  Jobs: { schema: 'AspireCloud.Domain.Tenant.Jobs.ODataModel.Job', key: 'JobID', modified: null, modifiedBy: null },
  WorkTickets: {
    schema: 'AspireCloud.Domain.Tenant.WorkTickets.ODataModel.WorkTicket',
    key: 'WorkTicketID',
    modified: 'LastModifiedDateTime',
    modifiedBy: ['LastModifiedByUserID', 'LastModifiedByUserName'],
  },
  WorkTicketTimes: {
    schema: 'AspireCloud.Domain.Tenant.WorkTicketTimes.ODataModel.WorkTicketTime',
    key: 'WorkTicketTimeID',
    modified: 'LastModifiedDateTime',
    modifiedBy: ['LastModifiedByUserID', 'LastModifiedByUserName'],
  },
  ClockTimes: { schema: 'AspireCloud.Domain.Tenant.ClockTimes.ODataModel.ClockTime', key: 'ClockTimeID', modified: null, modifiedBy: null },
  WorkTicketItems: {
    schema: 'AspireCloud.Domain.Tenant.WorkTickets.ODataModel.WorkTicketItemModel',
    key: 'WorkTicketItemID',
    modified: null,
    modifiedBy: null,
  },
  ItemAllocations: {
    schema: 'AspireCloud.Domain.Tenant.ItemAllocations.ODataModel.ItemAllocation',
    key: 'ItemAllocationID',
    modified: 'LastModifiedDateTime',
    modifiedBy: ['LastModifiedByUserID', 'LastModifiedByUserName'],
  },
  CatalogItems: {
    schema: 'AspireCloud.Domain.Tenant.CatalogItems.ODataModel.CatalogItem',
    key: 'CatalogItemID',
    modified: 'LastUpdatedDateTime',
    modifiedBy: ['LastUpdatedByUserID', 'LastUpdatedByUserName'],
  },
} as const satisfies Record<string, EntityMeta>

export interface EntityMeta {
  schema: keyof Schemas
  key: string
  modified: string | null
  modifiedBy: readonly [string, string] | null
}

export type EntitySet = keyof typeof ENTITY_SETS

export const ENTITY_SET_NAMES = Object.keys(ENTITY_SETS) as EntitySet[]

export const isEntitySet = (name: string): name is EntitySet => Object.hasOwn(ENTITY_SETS, name)

/** A record as the API emits it: every key of the schema present (nulls included). */
export type Row<E extends EntitySet> = { [K in keyof Schemas[(typeof ENTITY_SETS)[E]['schema']]]-?: Schemas[(typeof ENTITY_SETS)[E]['schema']][K] }

export type AnyRow = Record<string, unknown>
