/** The Aspire users that appear in `CreatedBy…` / `LastModifiedBy…` fields. */
export interface AspireUser {
  id: number
  name: string
}

/** Whoever holds the tenant's API key. */
export const API_USER: AspireUser = { id: 99, name: 'API Integration' }

/** The office user behind changes made through the control API ("someone edited it in Aspire"). */
export const OFFICE_USER: AspireUser = { id: 11, name: 'Dana Office' }
