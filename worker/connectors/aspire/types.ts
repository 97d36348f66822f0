/**
 * Aspire entity shapes, taken from the types generated from Aspire's official OpenAPI document
 * (`npm run gen:aspire-types`), never written by hand.
 * @module
 */
import type { paths } from '../../../shared/vendor-contracts/aspire/aspire-api'

type ListOf<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': Array<infer Row> } } } } } ? Row : never

export type AspireBranch = ListOf<'/Branches'>
export type AspireRoute = ListOf<'/Routes'>
export type AspireProperty = ListOf<'/Properties'>
export type AspireContact = ListOf<'/Contacts'>
export type AspirePayRate = ListOf<'/PayRates'>
export type AspireOpportunity = ListOf<'/Opportunities'>
export type AspireWorkTicket = ListOf<'/WorkTickets'>
export type AspireWorkTicketItem = ListOf<'/WorkTicketItems'>
export type AspireWorkTicketTime = ListOf<'/WorkTicketTimes'>
export type AspireItemAllocation = ListOf<'/ItemAllocations'>

export type AspireAuthResult = paths['/Authorization']['post']['responses'][200]['content']['application/json']
